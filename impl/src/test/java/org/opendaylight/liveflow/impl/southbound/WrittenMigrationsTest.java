/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.compiler.PortMigration.Phase;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.FlowsWritten;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.WrittenStage;
import org.opendaylight.liveflow.impl.migration.Placements;

/**
 * What the programmer concludes from the placements it wrote: dual delivery, and the stages it reports to the engine.
 */
class WrittenMigrationsTest {
    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");

    private final WrittenMigrations writes = new WrittenMigrations();

    private static PortMigration migration(final Phase phase, final long generation) {
        return new PortMigration("p", phase, "s", "d", generation, false);
    }

    private static Placements placements(final long version, final PortMigration... migrations) {
        return new Placements(version, Arrays.stream(migrations)
            .collect(Collectors.toMap(PortMigration::port, migration -> migration)));
    }

    private Placements publish(final long version, final PortMigration... migrations) {
        final Placements placements = placements(version, migrations);
        writes.published(placements);
        return placements;
    }

    private boolean dualDelivered(final Placements placements) {
        return writes.compilerView(placements).get("p").dualDeliveryWritten();
    }

    @Test
    void dualDeliveryCountsOnlyOnceAPassWroteThePreparedFlows() {
        final Placements prepared = publish(1, migration(Phase.PREPARED, 1));
        assertFalse(dualDelivered(prepared), "published, not written");
        assertEquals(List.of(), writes.passWritten(prepared, AT));
        assertTrue(dualDelivered(prepared));
        final Placements switched = publish(2, migration(Phase.SWITCHED, 1));
        assertTrue(dualDelivered(switched), "the switched flows of the same generation may drop the source's twin");
        assertFalse(dualDelivered(placements(3, migration(Phase.SWITCHED, 2))), "another generation's is not written");
    }

    @Test
    void aMigrationSwitchedBeforeAnyPassWroteItsPreparedFlowsIsNotDualDelivered() {
        publish(1, migration(Phase.PREPARED, 1));
        final Placements switched = publish(2, migration(Phase.SWITCHED, 1));
        assertEquals(List.of(new FlowsWritten("p", 1, WrittenStage.SWITCHED, AT)), writes.passWritten(switched, AT));
        assertFalse(dualDelivered(switched));
    }

    @Test
    void switchedAndEndedAreReportedOnceEach() {
        publish(1, migration(Phase.PREPARED, 1));
        final Placements switched = publish(2, migration(Phase.SWITCHED, 1));
        assertEquals(1, writes.passWritten(switched, AT).size());
        assertEquals(List.of(), writes.passWritten(switched, AT.plusSeconds(1)), "written again: nothing new");
        final Placements ended = publish(3);
        assertEquals(List.of(new FlowsWritten("p", 1, WrittenStage.ENDED, AT)), writes.passWritten(ended, AT));
        assertEquals(List.of(), writes.passWritten(ended, AT));
        assertFalse(writes.compilerView(placements(4, migration(Phase.SWITCHED, 1))).get("p").dualDeliveryWritten(),
            "the dual delivery went with the migration");
    }

    @Test
    void aMigrationThatEndedBetweenTwoPassesIsReportedEnded() {
        publish(1, migration(Phase.PREPARED, 1));
        publish(2, migration(Phase.SWITCHED, 1));
        final Placements ended = publish(3);
        assertEquals(List.of(new FlowsWritten("p", 1, WrittenStage.ENDED, AT)), writes.passWritten(ended, AT));
    }

    @Test
    void aPassThatCompiledOlderPlacementsDoesNotEndANewerMigration() {
        final Placements before = publish(1);
        publish(2, migration(Phase.PREPARED, 1));
        assertEquals(List.of(), writes.passWritten(before, AT), "the pass began before the migration was placed");
        assertEquals(List.of(), writes.passWritten(placements(2, migration(Phase.PREPARED, 1)), AT));
    }

    @Test
    void switchedMigrationsFoundAtStartCountAsDualDelivered() {
        final Placements resumed = publish(1, migration(Phase.SWITCHED, 4));
        writes.assumeWrittenBeforeStart(resumed);
        assertTrue(dualDelivered(resumed));
        assertEquals(Map.of(), Map.copyOf(writes.compilerView(Placements.NONE)));
    }
}
