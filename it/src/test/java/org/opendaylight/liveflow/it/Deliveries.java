/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts frames delivered to VM ports (by "chassis/port") and waits for an exact change in them.
 */
final class Deliveries {
    /** Reads how many frames each VM port has delivered so far. */
    interface Counter {
        Map<String, Long> counts() throws IOException;
    }

    private Deliveries() {
        // utility class
    }

    /**
     * Waits until exactly the expected VM ports delivered the expected number of extra frames since
     * {@code before}, then checks that no other VM port delivered anything (after a grace period for frames that
     * should not come).
     */
    static void awaitExactly(final Counter counter, final Map<String, Long> before,
            final Map<String, Long> expected) throws Exception {
        final Instant deadline = Instant.now().plusSeconds(5);
        while (!deltas(counter, before).entrySet().containsAll(expected.entrySet())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        final Map<String, Long> deltas = deltas(counter, before);
        deltas.values().removeIf(delta -> delta == 0);
        assertEquals(expected, deltas, "frames delivered per chassis/VM port");
    }

    private static Map<String, Long> deltas(final Counter counter, final Map<String, Long> before)
            throws IOException {
        final Map<String, Long> out = new HashMap<>();
        counter.counts().forEach((port, count) -> out.put(port, count - before.getOrDefault(port, 0L)));
        return out;
    }
}
