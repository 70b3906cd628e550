/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * The switches and migrations of {@link RandomChanges}' three chassis, for tests that compile random overlays.
 */
public final class ThreeChassis {
    public static final List<String> CHASSIS = List.of("c1", "c2", "c3");
    /** The VM port names the random overlays use. */
    public static final int PORTS = 8;

    private ThreeChassis() {
    }

    /** Gives every chassis of the overlay its switch, openflow:1 to 3 (the random changes put chassis without). */
    public static TestOverlay withDatapathIds(final TestOverlay overlay) {
        final TestOverlay copy = overlay.copy();
        for (String chassis : overlay.snapshot().chassis().keySet()) {
            copy.withDatapathId(chassis, CHASSIS.indexOf(chassis) + 1);
        }
        return copy;
    }

    /** Every chassis' switch, with an interface for every VM port and a tunnel to every other chassis. */
    public static SwitchInventory everyPortEverywhere() {
        final Map<String, SwitchView> switches = new HashMap<>();
        for (int i = 0; i < CHASSIS.size(); i++) {
            final Map<String, Long> ports = new HashMap<>();
            for (int p = 1; p <= PORTS; p++) {
                ports.put("p" + p, (long) p);
            }
            for (String other : CHASSIS) {
                if (!other.equals(CHASSIS.get(i))) {
                    ports.put("tun-" + other, 100L + CHASSIS.indexOf(other));
                }
            }
            final String nodeId = nodeId(CHASSIS.get(i));
            switches.put(nodeId, new SwitchView(nodeId, ports, true));
        }
        return new SwitchInventory(switches);
    }

    public static String nodeId(final String chassis) {
        return "openflow:" + (CHASSIS.indexOf(chassis) + 1);
    }

    /** Moves about half of the bound ports to another chassis, prepared or switched, dual delivery written or not. */
    public static Map<String, PortMigration> randomMigrations(final ConfigSnapshot config, final Random random) {
        final Map<String, PortMigration> out = new HashMap<>();
        for (Port port : config.ports().values()) {
            if (port.getBindingChassis() == null || !random.nextBoolean()) {
                continue;
            }
            final String id = port.getId().getValue();
            out.put(id, randomMigration(id, port.getBindingChassis().getValue(), random));
        }
        return out;
    }

    /** A migration of a port from its chassis to one of the two others, in a random phase. */
    public static PortMigration randomMigration(final String port, final String source, final Random random) {
        final String destination = CHASSIS.get((CHASSIS.indexOf(source) + 1 + random.nextInt(2)) % 3);
        return new PortMigration(port, random.nextBoolean() ? PortMigration.Phase.PREPARED
            : PortMigration.Phase.SWITCHED, source, destination, 1 + random.nextInt(3), random.nextBoolean());
    }
}
