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
import java.util.Optional;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migration.entry.Transition;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.Migration;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.AllowedAddressPair;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.trunk.SubPort;

/**
 * Shows everything liveflow knows of one port: configuration, trunk membership and migration timeline.
 */
@Service
@Command(scope = "liveflow", name = "port-show", description = "Show one port: addresses, binding, trunk, migration")
public final class PortShowCommand extends OverlayStateCommand {
    @Argument(index = 0, name = "port", required = true, description = "Port id")
    @Completion(PortIdCompleter.class)
    private String portId;

    @Override
    void print(final ConfigSnapshot snapshot, final OperationalView state, final PrintStream out) {
        final Port port = snapshot.port(portId).orElseThrow(
            () -> new IllegalArgumentException("No port '" + portId + "' is configured"));
        out.println("Port            " + portId);
        out.println("  Name          " + orNone(port.getName()));
        out.println("  Tenant        " + port.getTenant().getValue());
        out.println("  Network       " + port.getNetwork().getValue());
        out.println("  MAC           " + port.getMacAddress().getValue());
        for (FixedIp ip : port.nonnullFixedIp().values()) {
            out.println("  Fixed IP      " + ip.getIpAddress().stringValue() + " (subnet " + ip.getSubnet().getValue()
                + ")");
        }
        for (AllowedAddressPair pair : port.nonnullAllowedAddressPair().values()) {
            out.println("  Allowed pair  " + pair.getIpAddress() + " " + orNone(pair.getMacAddress()));
        }
        out.println("  Interface     " + ConfigSnapshot.interfaceNameOf(port));
        out.println("  VNIC type     " + orNone(port.getVnicType()));
        out.println("  Device owner  " + orNone(port.getDeviceOwner()));
        out.println("  Admin state   " + Texts.adminState(port.getAdminStateUp()));
        out.println("  Port security " + (Boolean.FALSE.equals(port.getPortSecurityEnabled()) ? "off" : "on"));
        out.println("  Revision      " + orNone(port.getRevision()));
        final Optional<ConfigSnapshot.SubPortOf> subPortOf = snapshot.subPortOf(portId);
        // a sub-port has no binding or migration of its own: it shows its parent's
        final String carrierId = snapshot.carrierIdOf(portId);
        final Port carrier = snapshot.port(carrierId).orElse(port);
        if (subPortOf.isPresent()) {
            final ConfigSnapshot.SubPortOf sub = subPortOf.orElseThrow();
            out.println("  Bound to      " + orNone(carrier.getBindingChassis()) + " (its parent " + sub.parent()
                + "'s; a sub-port has no binding of its own)");
            out.println("  Sub-port of   trunk " + sub.trunk() + ", parent " + sub.parent() + ", VLAN " + sub.vlan());
        } else {
            out.println("  Bound to      " + orNone(port.getBindingChassis()));
        }
        snapshot.trunkOfParent(portId).ifPresent(trunk -> {
            out.println("  Trunk parent  " + trunk.getId().getValue() + " (" + trunk.nonnullSubPort().size()
                + " sub-ports)");
            for (SubPort sub : trunk.nonnullSubPort().values().stream()
                    .sorted(Comparator.comparing(each -> each.getVlanId().toJava())).toList()) {
                out.println("    VLAN " + sub.getVlanId() + "  " + sub.getPort().getValue() + " on network "
                    + snapshot.port(sub.getPort().getValue()).map(each -> each.getNetwork().getValue())
                        .orElse("? (port not configured)"));
            }
        });
        final Migration migration = state.migration(carrierId).orElse(null);
        out.println("  Migration     " + Texts.migrationState(carrier, migration)
            + (subPortOf.isPresent() ? " (with its parent)" : ""));
        if (migration != null) {
            out.println("    from " + orNone(migration.getSourceChassis()) + " to "
                + orNone(migration.getDestinationChassis()) + ", generation " + orNone(migration.getGeneration()));
            for (Transition step : migration.nonnullTransition().values().stream()
                    .sorted(Comparator.comparing(Transition::getSequence)).toList()) {
                out.println("    " + orNone(step.getTime()) + "  " + orNone(step.getFromState()) + " -> "
                    + orNone(step.getToState()) + "  " + orNone(step.getCause()));
            }
        }
    }
}
