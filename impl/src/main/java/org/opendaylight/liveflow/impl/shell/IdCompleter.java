/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import java.util.Collection;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;

/**
 * Tab-completes the ids of one kind of configured object, read from the configuration index.
 */
abstract class IdCompleter implements Completer {
    @Reference
    private ConfigIndex index;

    @Override
    public final int complete(final Session session, final CommandLine commandLine, final List<String> candidates) {
        return new StringsCompleter(ids(index.current())).complete(session, commandLine, candidates);
    }

    abstract Collection<String> ids(ConfigSnapshot snapshot);
}
