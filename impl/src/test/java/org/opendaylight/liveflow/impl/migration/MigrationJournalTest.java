/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationJournalTest {
    @Test
    void recordsSurviveARestart(@TempDir final Path dir) {
        final Instant now = Instant.parse("2026-11-23T10:00:00.123456Z");
        final MigrationStateMachine.PortFacts facts = new MigrationStateMachine.PortFacts("s", null);
        MigrationRecord switched = MigrationRecord.bound("p\tone", "s");
        for (MigrationEvent event : List.of(new MigrationEvent.DestinationPlugged("p\tone", "d"),
                new MigrationEvent.Announced("p\tone", "d", 9, "RARP"), new MigrationEvent.Announced("p\tone", "d", 1,
                    "RARP"), new MigrationEvent.Announced("p\tone", "d", 1, "GARP"))) {
            switched = MigrationStateMachine.apply(switched, event, facts, now);
        }
        switched = switched.converged(1234).cleaned(SourceCleanup.VERIFIED);
        final MigrationRecord empty = MigrationRecord.bound("-odd", "");
        final MigrationJournal journal = new MigrationJournal(dir.resolve("j"));
        journal.save(List.of(switched, empty));
        final Map<String, MigrationRecord> loaded = new MigrationJournal(dir.resolve("j")).load();
        assertEquals(MigrationRecord.bound("-odd", ""), loaded.get("-odd"));
        final MigrationRecord back = loaded.get("p one");
        assertEquals(MigrationPhase.SWITCHED, back.phase());
        assertEquals(switched.transitions(), back.transitions());
        assertEquals(switched.ignored(), back.ignored());
        assertEquals(1234L, back.convergenceMicros());
        assertEquals(now, back.activatedAt());
    }
}
