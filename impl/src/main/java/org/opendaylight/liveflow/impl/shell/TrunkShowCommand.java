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
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.Migration;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.Trunk;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.trunk.SubPort;

/**
 * Shows one trunk: the parent with its chassis and migration state, and each sub-port with its VLAN, network,
 * addresses and state, which is the parent's (a sub-port has no binding or migration of its own).
 */
@Service
@Command(scope = "liveflow", name = "trunk-show", description = "Show one trunk: parent, sub-ports, VLANs, state")
public final class TrunkShowCommand extends OverlayStateCommand {
    @Argument(index = 0, name = "trunk", required = true, description = "Trunk id")
    @Completion(TrunkIdCompleter.class)
    private String trunkId;

    @Override
    void print(final ConfigSnapshot snapshot, final OperationalView state, final PrintStream out) {
        final Trunk trunk = snapshot.trunks().get(trunkId);
        if (trunk == null) {
            throw new IllegalArgumentException("No trunk '" + trunkId + "' is configured");
        }
        final String parentId = trunk.getParentPort().getValue();
        final Port parent = snapshot.port(parentId).orElse(null);
        final Migration migration = state.migration(parentId).orElse(null);
        final String trunkState = parent == null ? "parent missing" : Texts.migrationState(parent, migration);
        out.println("Trunk           " + trunkId);
        out.println("  Tenant        " + trunk.getTenant().getValue());
        out.println("  Parent        " + parentId + (parent == null ? " (not configured)"
            : " on network " + parent.getNetwork().getValue() + ", interface "
                + ConfigSnapshot.interfaceNameOf(parent) + ", untagged"));
        out.println("  Chassis       " + (parent == null ? "-" : orNone(parent.getBindingChassis())));
        final boolean moving = migration != null && migration.getDestinationChassis() != null;
        out.println("  State         " + trunkState + (!moving ? "" : " (from " + orNone(migration.getSourceChassis())
            + " to " + orNone(migration.getDestinationChassis()) + ", generation " + orNone(migration.getGeneration())
            + ")"));
        out.println("  Sub-ports     " + trunk.nonnullSubPort().size());
        for (SubPort sub : trunk.nonnullSubPort().values().stream()
                .sorted(Comparator.comparing(each -> each.getVlanId().toJava())).toList()) {
            final String subId = sub.getPort().getValue();
            final Port port = snapshot.port(subId).orElse(null);
            if (port == null) {
                out.println("    VLAN " + sub.getVlanId() + "  " + subId + " (not configured)");
                continue;
            }
            out.println("    VLAN " + sub.getVlanId() + "  " + subId + " on network " + port.getNetwork().getValue()
                + ", MAC " + port.getMacAddress().getValue() + ", IP " + orNone(Texts.fixedIps(port)) + ", admin "
                + Texts.adminState(port.getAdminStateUp()) + ", " + trunkState + " with its parent");
        }
    }
}
