/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;

/**
 * A migration of p1 (fa:16:3e:00:00:01, bound to c1) to c2 (openflow:2, p1's interface there on OpenFlow port 7):
 * the rehearsal goes the whole way an activation goes, up to the publication, and changes nothing.
 */
class AnnouncementRehearsalTest {
    private static final Instant NOW = Instant.parse("2026-12-05T20:00:00Z");
    private static final MigrationStateMachine.PortFacts ON_C1 = new MigrationStateMachine.PortFacts("c1", "normal");

    private final ConfigSnapshot config = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
        .snapshot();
    private final MigrationRecord prepared = MigrationStateMachine.decide(MigrationRecord.bound("p1", "c1"),
        new MigrationEvent.DestinationPlugged("p1", "c2"), ON_C1, NOW).record();

    @Test
    void thePreparedMigrationsRarpIsMatchedAndWouldSwitchIt() {
        final SwitchInventory switches = new SwitchInventory(Map.of(
            "openflow:2", new SwitchView("openflow:2", Map.of("p1", 7L), true)));
        assertEquals(MigrationPhase.PREPARED, prepared.phase());
        final AnnouncementRehearsal.Outcome outcome = AnnouncementRehearsal.rehearse(config, switches, prepared,
            ON_C1, NOW);
        assertEquals(new AnnouncementMatcher.Found(new MigrationEvent.Announced("p1", "c2", prepared.generation(),
            "RARP")), outcome.match());
        assertEquals(MigrationPhase.SWITCHED, outcome.decision().orElseThrow().record().phase());
        assertEquals(MigrationPhase.PREPARED, prepared.phase(), "the record rehearsed with is left as it was");
    }

    @Test
    void theSwitchedRecordWouldPublishNewPlacementsAndNothingIsStored() {
        final SwitchInventory switches = new SwitchInventory(Map.of(
            "openflow:2", new SwitchView("openflow:2", Map.of("p1", 7L), true)));
        final MigrationRecord switched = AnnouncementRehearsal.rehearse(config, switches, prepared, ON_C1, NOW)
            .decision().orElseThrow().record();
        final Map<String, MigrationRecord> records = new TreeMap<>(Map.of("p1", prepared));
        final Placements published = new Placements(1, Placements.portsOf(records.values()));
        assertEquals(PortMigration.Phase.PREPARED, published.ports().get("p1").phase());

        assertTrue(AnnouncementRehearsal.wouldPublish(records, published, prepared, switched));
        assertEquals(Map.of("p1", prepared), records, "the records rehearsed with are left as they were");
        // a decision that leaves the record as it was publishes nothing
        assertFalse(AnnouncementRehearsal.wouldPublish(records, published, prepared, prepared));
    }

    @Test
    void anInterfaceTheInventoryDoesNotListYetStopsTheRehearsalAtTheMatch() {
        final SwitchInventory switches = new SwitchInventory(Map.of(
            "openflow:2", new SwitchView("openflow:2", Map.of(), true)));
        final AnnouncementRehearsal.Outcome outcome = AnnouncementRehearsal.rehearse(config, switches, prepared,
            ON_C1, NOW);
        assertInstanceOf(AnnouncementMatcher.PortNotListed.class, outcome.match());
        assertEquals(Optional.empty(), outcome.decision());
    }
}
