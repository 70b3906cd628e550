/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import static org.opendaylight.liveflow.impl.shell.Texts.orNone;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;

/**
 * Lists every configured chassis with its tunnel endpoint, liveness and number of bound ports.
 */
@Service
@Command(scope = "liveflow", name = "chassis-list", description = "List chassis with tunnel endpoint and liveness")
public final class ChassisListCommand implements Action {
    @Reference
    private ConfigIndex index;
    @Reference
    private DataBroker broker;
    @Reference
    private Session session;

    @Override
    public Object execute() {
        final ConfigSnapshot snapshot = index.current();
        final OperationalView state = OperationalView.read(broker);
        final ShellTable table = new ShellTable();
        table.column("NAME");
        table.column("TUNNEL-IP");
        table.column("TYPE");
        table.column("DATAPATH-ID");
        table.column("ADMIN");
        table.column("ALIVE");
        table.column("PORTS");
        for (Chassis chassis : snapshot.chassis().values()) {
            final String name = chassis.getName().getValue();
            table.addRow().addContent(name, chassis.getTunnelIp().stringValue(), orNone(chassis.getTunnelType()),
                orNone(chassis.getDatapathId()), Boolean.FALSE.equals(chassis.getAdminStateUp()) ? "down" : "up",
                state.chassis(name).map(c -> Boolean.TRUE.equals(c.getAlive()) ? "yes" : "no").orElse("unknown"),
                snapshot.portsOnChassis(name).size());
        }
        table.print(session.getConsole());
        return null;
    }
}
