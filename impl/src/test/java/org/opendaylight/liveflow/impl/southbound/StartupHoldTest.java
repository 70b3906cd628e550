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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupHoldTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant LONG_AGO = START.minusSeconds(3600);

    private final StartupHold hold = new StartupHold();

    @Test
    void noSwitchBackMeansWaitingForTheInventoryHoweverLongItTakes() {
        // the OpenFlowPlugin opened its port late: a grace counted from the start would be over by now
        final var decision = hold.decide(START.plusSeconds(120), 0, 3, LONG_AGO);
        assertFalse(decision.program());
        assertEquals(Optional.empty(), decision.retryAt());
        assertEquals(3, decision.unseen());
    }

    @Test
    void theGraceCountsFromTheFirstSwitchBack() {
        final Instant first = START.plusSeconds(120);
        final var waiting = hold.decide(first, 1, 2, first);
        assertFalse(waiting.program());
        assertEquals(Optional.of(first.plus(StartupHold.GRACE)), waiting.retryAt());
        assertFalse(hold.decide(first.plusSeconds(29), 2, 1, first).program());
        final var late = hold.decide(first.plus(StartupHold.GRACE), 2, 1, first);
        assertTrue(late.program());
        assertEquals(1, late.unseen());
    }

    @Test
    void allSwitchesBackStillWaitForTheirPortsToSettle() {
        final Instant first = START.plusSeconds(40);
        final Instant settled = first.plusSeconds(5);
        assertFalse(hold.decide(first, 1, 2, first).program());
        final var settling = hold.decide(first.plusSeconds(3), 3, 0, settled);
        assertFalse(settling.program());
        assertEquals(Optional.of(settled), settling.retryAt());
        assertTrue(hold.decide(settled, 3, 0, settled).program());
    }

    @Test
    void withNoConfiguredSwitchThereIsNothingToWaitFor() {
        assertTrue(hold.decide(START, 0, 0, LONG_AGO).program());
    }
}
