/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendaylight.liveflow.impl.testing.SnapshotAssert.assertSameChange;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.TestOverlay;

/**
 * The index tells a subscriber what changed between two of its snapshots while it remembers every step between.
 */
class ChangeHistoryTest {
    private final ChangeHistory history = new ChangeHistory();

    @Test
    void changesBetweenTwoSnapshotsAreTheUnionOfTheStepsBetween() {
        final ConfigSnapshot first = TestOverlay.base().snapshot();
        final ConfigSnapshot second = first.edit().remove(ConfigKind.PORT, "p1").build();
        final ConfigSnapshot third = second.edit().remove(ConfigKind.PORT, "p2").remove(ConfigKind.CHASSIS, "c2")
            .build();
        history.add(first.version(), second.version(), ConfigChange.between(first, second));
        history.add(second.version(), third.version(), ConfigChange.between(second, third));
        assertSameChange(ConfigChange.between(first, third), history.between(first.version(), third.version())
            .orElseThrow(), "first to third");
        assertSameChange(ConfigChange.between(second, third), history.between(second.version(), third.version())
            .orElseThrow(), "second to third");
        assertEquals(Optional.of(ConfigChange.none()), history.between(third.version(), third.version()));
        assertEquals(Optional.empty(), history.between(ConfigSnapshot.empty().version(), third.version()),
            "a step before the first one is not known");
    }

    @Test
    void onlyTheLastStepsAreKept() {
        ConfigSnapshot older = TestOverlay.base().snapshot();
        final ConfigSnapshot start = older;
        long last = older.version();
        for (int step = 0; step <= ChangeHistory.KEPT; step++) {
            final ConfigSnapshot newer = older.edit().put(TestOverlay.port("p" + step, "net1", "fa:16:3e:00:00:05")
                .build()).build();
            history.add(older.version(), newer.version(), ConfigChange.between(older, newer));
            last = older.version();
            older = newer;
        }
        assertEquals(Optional.empty(), history.between(start.version(), older.version()));
        assertEquals(1, history.between(last, older.version()).orElseThrow().ids(ConfigKind.PORT)
            .size());
    }
}
