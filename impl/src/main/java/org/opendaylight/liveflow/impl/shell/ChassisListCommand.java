/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import static org.opendaylight.liveflow.impl.shell.Texts.orNone;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;

/**
 * Lists every configured chassis with its tunnel endpoint, liveness and number of bound ports.
 */
@Service
@Command(scope = "liveflow", name = "chassis-list", description = "List chassis with tunnel endpoint and liveness")
public final class ChassisListCommand extends OverlayStateCommand {
    @Override
    void print(final ConfigSnapshot snapshot, final OperationalView state, final PrintStream out) {
        final ShellTable table = new ShellTable();
        table.column("NAME");
        table.column("TUNNEL-IP");
        table.column("TYPE");
        table.column("DATAPATH-ID");
        table.column("ADMIN");
        table.column("ALIVE");
        table.column("REASON");
        table.column("PORTS");
        for (Chassis chassis : snapshot.chassis().values()) {
            final String name = chassis.getName().getValue();
            table.addRow().addContent(name, chassis.getTunnelIp().stringValue(), orNone(chassis.getTunnelType()),
                orNone(chassis.getDatapathId()), Texts.adminState(chassis.getAdminStateUp()),
                state.chassis(name).map(c -> Texts.yesNo(c.getAlive())).orElse("unknown"),
                state.chassis(name).map(c -> c.getReason() == null ? Texts.NONE : c.getReason().getName())
                    .orElse(Texts.NONE),
                snapshot.portsOnChassis(name).size());
        }
        table.print(out);
    }
}
