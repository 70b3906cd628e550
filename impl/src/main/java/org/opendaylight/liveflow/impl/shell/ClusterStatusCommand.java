/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.opendaylight.liveflow.impl.cluster.ClusterMember;
import org.opendaylight.liveflow.impl.cluster.ControlLoopLease;

/**
 * Says which cluster member this is and whether it runs liveflow's control loop (holds its lease).
 */
@Service
@Command(scope = "liveflow", name = "cluster-status",
    description = "Which cluster member this is, and whether it runs liveflow's control loop")
public final class ClusterStatusCommand implements Action {
    @Reference(optional = true)
    private ControlLoopLease lease;
    @Reference
    private Session session;

    @Override
    public Object execute() {
        session.getConsole().println("member: " + ClusterMember.localName());
        if (lease != null) {
            session.getConsole().println("runs the control loop: yes (programming, migrations, liveness and the "
                + "RPCs run here)");
        } else {
            session.getConsole().println("runs the control loop: no (another member runs it; this one validates "
                + "writes, relays its switches and serves reads)");
        }
        return null;
    }
}
