/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;

/**
 * Compares two snapshots by everything a reader can ask of them, so an incrementally derived snapshot can be
 * checked against one converted from the whole overlay.
 */
public final class SnapshotAssert {
    private SnapshotAssert() {
        // utility class
    }

    public static void assertSameContent(final ConfigSnapshot expected, final ConfigSnapshot actual,
            final String when) {
        for (ConfigKind kind : ConfigKind.values()) {
            assertEquals(new HashMap<>(kind.in(expected)), new HashMap<>(kind.in(actual)), when + ": " + kind);
        }
        assertEquals(expected.portsInIdOrder(), actual.portsInIdOrder(), when + ": ports in id order");
        final Set<String> groups = new TreeSet<>(expected.networks().keySet());
        expected.ports().values().forEach(port -> groups.add(ConfigSnapshot.idOf(port.getNetwork())));
        actual.ports().values().forEach(port -> groups.add(ConfigSnapshot.idOf(port.getNetwork())));
        for (String network : groups) {
            assertEquals(expected.portsOfNetwork(network), actual.portsOfNetwork(network), when + ": ports of "
                + network);
            assertEquals(expected.subnetsOfNetwork(network), actual.subnetsOfNetwork(network), when
                + ": subnets of " + network);
        }
        final Set<String> chassis = new TreeSet<>(expected.chassis().keySet());
        chassis.addAll(actual.chassis().keySet());
        expected.ports().values().stream().filter(port -> port.getBindingChassis() != null)
            .forEach(port -> chassis.add(port.getBindingChassis().getValue()));
        for (String name : chassis) {
            assertEquals(expected.portsOnChassis(name), actual.portsOnChassis(name), when + ": ports on " + name);
        }
        final Set<String> interfaces = new TreeSet<>();
        expected.ports().values().forEach(port -> interfaces.add(ConfigSnapshot.interfaceNameOf(port)));
        actual.ports().values().forEach(port -> interfaces.add(ConfigSnapshot.interfaceNameOf(port)));
        for (String name : interfaces) {
            assertEquals(expected.portsWithInterface(name), actual.portsWithInterface(name), when + ": interface "
                + name);
        }
        for (String port : expected.ports().keySet()) {
            assertEquals(expected.subPortOf(port), actual.subPortOf(port), when + ": sub-port " + port);
            assertEquals(expected.trunkOfParent(port), actual.trunkOfParent(port), when + ": trunk of " + port);
        }
        assertEquals(Map.copyOf(expected.usageByTenant()), Map.copyOf(actual.usageByTenant()), when + ": usage");
        assertEquals(expected.bindingTimeout(), actual.bindingTimeout(), when + ": binding timeout");
        assertEquals(expected.probeInterval(), actual.probeInterval(), when + ": probe interval");
        assertEquals(expected.deadAfter(), actual.deadAfter(), when + ": dead after");
    }

    /**
     * Asserts that two changes name the same entries and the same settings change.
     */
    public static void assertSameChange(final ConfigChange expected, final ConfigChange actual, final String when) {
        for (ConfigKind kind : ConfigKind.values()) {
            assertEquals(new TreeSet<>(expected.ids(kind)), new TreeSet<>(actual.ids(kind)), when + ": " + kind);
        }
        assertEquals(expected.settingsChanged(), actual.settingsChanged(), when + ": settings");
    }
}
