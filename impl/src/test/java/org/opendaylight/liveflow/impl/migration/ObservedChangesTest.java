/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.id;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.liveness.ChassisHealth;
import org.opendaylight.liveflow.impl.liveness.LivenessSnapshot;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;

/**
 * What the engine learns from successive views of the configuration, the switches and the liveness verdicts.
 */
class ObservedChangesTest {
    private final TestOverlay overlay = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2);
    private final ObservedChanges observed = new ObservedChanges();
    private final SwitchInventory both = new SwitchInventory(Map.of(
        "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L), true),
        "openflow:2", new SwitchView("openflow:2", Map.of("p1", 7L, "p2", 1L), true)));

    private static LivenessSnapshot c2(final ChassisReason reason) {
        return new LivenessSnapshot(Map.of("c2", new ChassisHealth("c2", "openflow:2", reason, null, null)));
    }

    @Test
    void aBindingFoundAtStartMovedNowhereAndALaterChangeIsOneEvent() {
        assertEquals(List.of(), observed.configChanged(overlay.snapshot(), Optional.empty()));
        assertEquals(List.of(), observed.configChanged(overlay.snapshot(), Optional.empty()), "nothing changed");
        final TestOverlay moved = overlay.copy().withPort(port("p1", "net1", "fa:16:3e:00:00:01", "s1", "10.0.0.11")
            .setBindingChassis(id("c2")));
        assertEquals(List.of(new MigrationEvent.BindingMoved("p1", "c2")),
            observed.configChanged(moved.snapshot(), Optional.empty()));
    }

    @Test
    void knowingWhatChangedGivesTheSameEventsAsLookingAtEveryPort() {
        final ObservedChanges whole = new ObservedChanges();
        final ConfigSnapshot start = overlay.copy().withPort(port("p3", "net1", "fa:16:3e:00:00:03")
            .setBindingChassis(id("c1"))).snapshot();
        whole.configChanged(start, Optional.empty());
        observed.configChanged(start, Optional.empty());
        // p1 moves, p2 is unbound, p3 is removed, p4 appears bound
        final ConfigSnapshot next = overlay.copy()
            .withPort(port("p1", "net1", "fa:16:3e:00:00:01", "s1", "10.0.0.11").setBindingChassis(id("c2")))
            .withPort(port("p2", "net1", "fa:16:3e:00:00:02", "s1", "10.0.0.12"))
            .withPort(port("p4", "net1", "fa:16:3e:00:00:04").setBindingChassis(id("c2"))).snapshot();
        final ConfigChange change = ConfigChange.between(start, next);
        final List<MigrationEvent> expected = whole.configChanged(next, Optional.empty());
        assertEquals(List.of(new MigrationEvent.BindingMoved("p1", "c2")), expected);
        assertEquals(expected, observed.configChanged(next, Optional.of(change)));
        // p2 bound again to where it was, seen by both: no move, since it had no binding in between
        final ConfigSnapshot rebound = TestOverlay.base().snapshot();
        assertEquals(whole.configChanged(rebound, Optional.empty()),
            observed.configChanged(rebound, Optional.of(ConfigChange.between(next, rebound))));
    }

    @Test
    void switchesSayNothingBeforeTheFirstConfiguration() {
        assertEquals(List.of(), observed.switchesChanged(overlay.snapshot(), both, c2(ChassisReason.Alive), Map.of()));
    }

    @Test
    void aDestinationThatStopsAnsweringIsDownForItsMigrationEvenWhileItsSwitchIsConnected() {
        observed.configChanged(overlay.snapshot(), Optional.empty());
        final Map<String, MigrationRecord> records = Map.of("p1", MigrationRecord.bound("p1", "c1")
            .begin("c1", "c2", MigrationPhase.PREPARED, "interface plugged on c2", Instant.EPOCH));
        observed.switchesChanged(overlay.snapshot(), both, c2(ChassisReason.Alive), records);
        assertEquals(List.of(new MigrationEvent.ChassisDown("p1", "c2", MigrationEvent.ChassisDown.NOT_ANSWERING)),
            observed.switchesChanged(overlay.snapshot(), both, c2(ChassisReason.NotAnswering), records));
    }
}
