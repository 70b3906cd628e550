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
import java.util.Comparator;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.Trunk;

/**
 * Lists every trunk: its parent, the chassis and migration state the whole trunk shares (the parent's), and its
 * sub-ports as port:VLAN.
 */
@Service
@Command(scope = "liveflow", name = "trunk-list", description = "List trunks: parent, chassis, state, sub-ports")
public final class TrunkListCommand extends OverlayStateCommand {
    @Override
    void print(final ConfigSnapshot snapshot, final OperationalView state, final PrintStream out) {
        final ShellTable table = new ShellTable();
        table.column("ID");
        table.column("TENANT");
        table.column("PARENT");
        table.column("CHASSIS");
        table.column("STATE");
        table.column("SUB-PORTS (port:VLAN)");
        for (Trunk trunk : snapshot.trunks().values()) {
            final String parentId = trunk.getParentPort().getValue();
            final Port parent = snapshot.port(parentId).orElse(null);
            table.addRow().addContent(trunk.getId().getValue(), trunk.getTenant().getValue(), parentId,
                parent == null ? "-" : orNone(parent.getBindingChassis()),
                parent == null ? "parent missing"
                    : Texts.migrationState(parent, state.migration(parentId).orElse(null)),
                orNone(trunk.nonnullSubPort().values().stream()
                    .sorted(Comparator.comparing(sub -> sub.getVlanId().toJava()))
                    .map(sub -> sub.getPort().getValue() + ":" + sub.getVlanId()).collect(Collectors.joining(","))));
        }
        table.print(out);
    }
}
