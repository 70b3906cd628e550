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
import java.util.Collection;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * Lists ports with their addresses, binding chassis and migration state, optionally of one network or chassis.
 */
@Service
@Command(scope = "liveflow", name = "port-list", description = "List ports with binding and migration state")
public final class PortListCommand extends OverlayStateCommand {
    @Option(name = "--network", aliases = "-n", description = "Only the ports of this network")
    @Completion(NetworkIdCompleter.class)
    private String network;

    @Option(name = "--chassis", aliases = "-c", description = "Only the ports bound to this chassis")
    @Completion(ChassisIdCompleter.class)
    private String chassis;

    @Override
    void print(final ConfigSnapshot snapshot, final OperationalView state, final PrintStream out) {
        final Collection<Port> ports = network != null ? snapshot.portsOfNetwork(network)
            : chassis != null ? snapshot.portsOnChassis(chassis) : snapshot.portsInIdOrder();
        final ShellTable table = new ShellTable();
        table.column("ID");
        table.column("NETWORK");
        table.column("MAC");
        table.column("FIXED-IPS");
        table.column("CHASSIS");
        table.column("VNIC");
        table.column("ADMIN");
        table.column("MIGRATION");
        for (Port port : ports) {
            final String id = port.getId().getValue();
            table.addRow().addContent(id, port.getNetwork().getValue(), port.getMacAddress().getValue(),
                Texts.fixedIps(port), orNone(port.getBindingChassis()), orNone(port.getVnicType()),
                Texts.adminState(port.getAdminStateUp()),
                Texts.migrationState(port, state.migration(id).orElse(null)));
        }
        table.print(out);
    }
}
