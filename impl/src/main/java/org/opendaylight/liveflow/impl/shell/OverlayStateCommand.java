/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.mdsal.binding.api.DataBroker;

/**
 * A shell command that shows the configuration next to what the controller sees of it (chassis liveness,
 * migration state): it gets one snapshot of each and the session's console.
 */
abstract class OverlayStateCommand implements Action {
    @Reference
    private ConfigIndex index;
    @Reference
    private DataBroker broker;
    @Reference
    private Session session;

    @Override
    public final Object execute() {
        print(index.current(), OperationalView.read(broker), session.getConsole());
        return null;
    }

    abstract void print(ConfigSnapshot config, OperationalView state, PrintStream out);
}
