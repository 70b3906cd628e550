/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migration.journal.PortMigrationBuilder;

class MigrationEntriesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

    @Test
    void aSwitchedRecordWithIgnoredEventsSurvivesTheJournal() {
        final MigrationStateMachine.PortFacts facts = new MigrationStateMachine.PortFacts("s", null);
        MigrationRecord switched = MigrationRecord.bound("p1", "s");
        for (MigrationEvent event : List.of(new MigrationEvent.DestinationPlugged("p1", "d"),
                new MigrationEvent.Announced("p1", "d", 9, "RARP"), new MigrationEvent.Announced("p1", "d", 1,
                    "RARP"), new MigrationEvent.Announced("p1", "d", 1, "GARP"))) {
            switched = MigrationStateMachine.apply(switched, event, facts, NOW);
        }
        switched = switched.converged(1234).cleaned(SourceCleanup.VERIFIED).aborted("an old one").announced("d");
        assertEquals(MigrationPhase.SWITCHED, switched.phase());
        assertNotEquals(0, switched.ignoredTotal(), "the events above include ignored ones");
        assertEquals(NOW, switched.activatedAt());

        final MigrationRecord back = MigrationEntries.fromEntry(MigrationEntries.toEntry(switched));
        assertEquals(switched, back);
    }

    @Test
    void aRecordThatNeverMigratedSurvivesTheJournal() {
        final MigrationRecord bound = MigrationRecord.bound("p2", "c1");
        assertEquals(bound, MigrationEntries.fromEntry(MigrationEntries.toEntry(bound)));
    }

    @Test
    void anEntryWithoutItsStateIsRefusedByName() {
        final var entry = new PortMigrationBuilder(MigrationEntries.toEntry(MigrationRecord.bound("p3", "c1")))
            .setState(null).build();
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> MigrationEntries.fromEntry(entry));
        assertEquals("no state", refused.getMessage());
    }
}
