/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The OpenFlowPlugin's copy of each trap taken at the switch gate is recognised once, by content; anything else is
 * an announcement of its own.
 */
class TappedTrapsTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final byte[] RARP = { 1, 2, 3, 4 };

    private static MigrationTrap trap(final String connector, final byte[] frame) {
        return new MigrationTrap(0x0700_0000_0000_002AL, frame.clone(), "openflow:2", connector);
    }

    @Test
    void eachCopyCancelsOneTakenTrap() {
        final TappedTraps tapped = new TappedTraps();
        // a VM announcing itself twice: two equal frames taken, two copies to come
        tapped.taken(trap("openflow:2:5", RARP), T0);
        tapped.taken(trap("openflow:2:5", RARP), T0.plusMillis(50));
        assertTrue(tapped.isCopy(trap("openflow:2:5", RARP), T0.plusMillis(60)));
        assertTrue(tapped.isCopy(trap("openflow:2:5", RARP), T0.plusMillis(70)));
        assertFalse(tapped.isCopy(trap("openflow:2:5", RARP), T0.plusMillis(80)), "a third RARP is its own");
    }

    @Test
    void anotherPortFrameOrSwitchIsNoCopy() {
        final TappedTraps tapped = new TappedTraps();
        tapped.taken(trap("openflow:2:5", RARP), T0);
        assertFalse(tapped.isCopy(trap("openflow:2:6", RARP), T0));
        assertFalse(tapped.isCopy(trap("openflow:2:5", new byte[] { 1, 2, 3, 5 }), T0));
        assertFalse(tapped.isCopy(new MigrationTrap(0x0700_0000_0000_002AL, RARP, "openflow:3", "openflow:2:5"), T0));
        assertTrue(tapped.isCopy(trap("openflow:2:5", RARP), T0));
    }

    @Test
    void aCopyThatNeverCameIsForgotten() {
        final TappedTraps tapped = new TappedTraps();
        tapped.taken(trap("openflow:2:5", RARP), T0);
        assertFalse(tapped.isCopy(trap("openflow:2:5", RARP), T0.plus(TappedTraps.KEEP).plusMillis(1)));
    }
}
