/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.RandomChanges;
import org.opendaylight.liveflow.impl.testing.TestOverlay;

/**
 * Checking only what a change touches refuses exactly the changes that leave an invalid overlay: over random
 * changes to a valid overlay, the scoped check agrees with checking every entry of the result. (The quota never
 * changes here: lowering one below what a tenant uses is allowed, which no whole-overlay check can know.)
 */
class ScopedValidationTest {
    private final OverlayValidator validator = new OverlayValidator();

    @Test
    void scopedCheckAgreesWithCheckingTheWholeOverlay() {
        int accepted = 0;
        int refused = 0;
        for (long seed = 1; seed <= 30; seed++) {
            final RandomChanges changes = new RandomChanges(seed);
            // an external network for floating IPs, a router to reach them, a quota the random ports can exceed
            TestOverlay state = RandomChanges.start()
                .withQuota(q -> q.setTenant(TestOverlay.id("t1")).setPorts(TestOverlay.limit(5)));
            final List<Violation> start = validator.validate(ConfigSnapshot.empty(), state.snapshot());
            assertTrue(start.isEmpty(), "the start is valid: " + start);
            for (int step = 0; step < 200; step++) {
                final TestOverlay next = state.copy();
                final String what = changes.apply(next);
                final ConfigSnapshot before = state.snapshot();
                final ConfigSnapshot after = next.snapshot();
                final List<Violation> scoped = validator.validate(before, after);
                final List<Violation> whole = validator.validate(ConfigSnapshot.empty(), after);
                assertEquals(whole.isEmpty(), scoped.isEmpty(), "seed " + seed + " step " + step + " (" + what
                    + "): scoped " + scoped + ", whole " + whole);
                if (scoped.isEmpty()) {
                    accepted++;
                    state = next;
                } else {
                    refused++;
                }
            }
        }
        // both outcomes must be common, or the comparison proves little
        assertTrue(accepted > 500, "accepted " + accepted);
        assertTrue(refused > 500, "refused " + refused);
    }
}
