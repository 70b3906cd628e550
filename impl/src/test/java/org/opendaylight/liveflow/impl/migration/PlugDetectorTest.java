/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;

/**
 * From two looks at the switches to migration events (p1 is bound to c1, p2 to c2).
 */
class PlugDetectorTest {
    private final ConfigSnapshot config = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
        .snapshot();

    private static SwitchInventory switches(final Map<String, Long> c1, final Map<String, Long> c2,
            final boolean c1Up) {
        return new SwitchInventory(Map.of("openflow:1", new SwitchView("openflow:1", c1, c1Up),
            "openflow:2", new SwitchView("openflow:2", c2, true)));
    }

    private List<MigrationEvent> between(final SwitchInventory before, final SwitchInventory after,
            final Map<String, MigrationRecord> records) {
        return PlugDetector.events(config, PlugDetector.presence(config, before), PlugDetector.connected(config,
            before), PlugDetector.presence(config, after), PlugDetector.connected(config, after), records);
    }

    @Test
    void interfaceOnAnotherChassisIsADestinationPlug() {
        final SwitchInventory before = switches(Map.of("p1", 1L), Map.of("p2", 1L), true);
        final SwitchInventory after = switches(Map.of("p1", 1L), Map.of("p2", 1L, "p1", 7L), true);
        assertEquals(List.of(new MigrationEvent.DestinationPlugged("p1", "c2")), between(before, after, Map.of()));
        assertEquals(Map.of("p1", Set.of("c1", "c2"), "p2", Set.of("c2")), PlugDetector.presence(config, after));
    }

    @Test
    void plugWhileTheSourceHasNoInterfaceActivatesAtOnce() {
        final SwitchInventory before = switches(Map.of(), Map.of("p2", 1L), true);
        final SwitchInventory after = switches(Map.of(), Map.of("p2", 1L, "p1", 7L), true);
        assertEquals(List.of(new MigrationEvent.DestinationPlugged("p1", "c2"),
            new MigrationEvent.SourceUnplugged("p1", "c1")), between(before, after, Map.of()));
    }

    @Test
    void unplugsAndChassisDownOfAMigrationAreReported() {
        final MigrationRecord prepared = MigrationStateMachine.apply(MigrationRecord.bound("p1", "c1"),
            new MigrationEvent.DestinationPlugged("p1", "c2"), new MigrationStateMachine.PortFacts("c1", null),
            java.time.Instant.now());
        final SwitchInventory both = switches(Map.of("p1", 1L), Map.of("p2", 1L, "p1", 7L), true);
        assertEquals(List.of(new MigrationEvent.DestinationUnplugged("p1", "c2")),
            between(both, switches(Map.of("p1", 1L), Map.of("p2", 1L), true), Map.of("p1", prepared)));
        assertEquals(List.of(new MigrationEvent.SourceUnplugged("p1", "c1")),
            between(both, switches(Map.of(), Map.of("p2", 1L, "p1", 7L), true), Map.of("p1", prepared)));
        assertEquals(List.of(new MigrationEvent.ChassisDown("p1", "c1", "disconnected")),
            between(both, switches(Map.of("p1", 1L), Map.of("p2", 1L, "p1", 7L), false), Map.of("p1", prepared)),
            "a switch going down is one event, not an unplug as well");
    }

    @Test
    void theBindingsOwnInterfaceIsNoEvent() {
        assertEquals(List.of(), between(switches(Map.of(), Map.of(), true),
            switches(Map.of("p1", 1L), Map.of("p2", 1L), true), Map.of()));
    }
}
