/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * Turns two successive looks at the switches into migration events: where each port's interface is present on a
 * connected switch, and which chassis went down in between. Pure, so it is tested without switches.
 */
final class PlugDetector {
    private PlugDetector() {
        // pure functions
    }

    /**
     * Returns, per configured port, the chassis whose connected switch has the port's interface.
     */
    static Map<String, Set<String>> presence(final ConfigSnapshot config, final SwitchInventory inventory) {
        final Map<String, Set<String>> out = new HashMap<>();
        for (Chassis chassis : config.chassis().values()) {
            // from the switch's ports to the configured ports with that interface: a switch has tens of ports, the
            // overlay up to a cloud's
            inventory.connectedSwitchOf(chassis).ifPresent(view -> {
                for (String name : view.portsByName().keySet()) {
                    for (Port port : config.portsWithInterface(name)) {
                        out.computeIfAbsent(idOf(port.getId()), id -> new TreeSet<>()).add(idOf(chassis.getName()));
                    }
                }
            });
        }
        return out;
    }

    /**
     * Returns the connected chassis.
     */
    static Set<String> connected(final ConfigSnapshot config, final SwitchInventory inventory) {
        final Set<String> out = new TreeSet<>();
        config.chassis().values().stream().filter(chassis -> inventory.connectedSwitchOf(chassis).isPresent())
            .forEach(chassis -> out.add(idOf(chassis.getName())));
        return out;
    }

    /**
     * Returns the events between two looks, chassis going down first.
     */
    static List<MigrationEvent> events(final ConfigSnapshot config, final Map<String, Set<String>> before,
            final Set<String> connectedBefore, final Map<String, Set<String>> now, final Set<String> connectedNow,
            final Map<String, MigrationRecord> records) {
        final List<MigrationEvent> out = new ArrayList<>();
        final Set<String> down = new TreeSet<>(connectedBefore);
        down.removeAll(connectedNow);
        for (MigrationRecord record : records.values()) {
            // once switched, the source's or the destination's death changes nothing for the migration
            if (record.phase() == MigrationPhase.PREPARED) {
                for (String chassis : List.of(record.source(), record.destination())) {
                    if (down.contains(chassis)) {
                        out.add(new MigrationEvent.ChassisDown(record.port(), chassis,
                            MigrationEvent.ChassisDown.DISCONNECTED));
                    }
                }
            }
        }
        // a port that is on no switch, before or now, has nothing to tell
        final Set<String> present = new TreeSet<>(before.keySet());
        present.addAll(now.keySet());
        for (String id : present) {
            final Port port = config.port(id).orElse(null);
            // a sub-port has its parent's interface and migrates with it, never by itself
            if (port == null || port.getBindingChassis() == null || config.subPortOf(id).isPresent()) {
                continue;
            }
            final String binding = port.getBindingChassis().getValue();
            final Set<String> was = before.getOrDefault(id, Set.of());
            final Set<String> is = now.getOrDefault(id, Set.of());
            final MigrationRecord record = records.get(id);
            final boolean migrating = record != null && (record.inProgress()
                || record.phase() == MigrationPhase.ERROR);
            for (String chassis : is) {
                if (was.contains(chassis) || chassis.equals(binding)
                        || migrating && chassis.equals(record.destination())) {
                    continue;
                }
                out.add(new MigrationEvent.DestinationPlugged(id, chassis));
                if (!connectedNow.contains(binding)) {
                    out.add(new MigrationEvent.ChassisDown(id, binding, MigrationEvent.ChassisDown.DISCONNECTED));
                } else if (!is.contains(binding)) {
                    out.add(new MigrationEvent.SourceUnplugged(id, binding));
                }
            }
            if (!migrating) {
                continue;
            }
            for (String chassis : was) {
                if (is.contains(chassis) || down.contains(chassis)) {
                    continue;
                }
                if (chassis.equals(record.destination())) {
                    out.add(new MigrationEvent.DestinationUnplugged(id, chassis));
                } else if (chassis.equals(record.source())) {
                    out.add(new MigrationEvent.SourceUnplugged(id, chassis));
                }
            }
        }
        return out;
    }
}
