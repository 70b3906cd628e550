/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The migration traps' packet-ins the engine took from the switch gate, so that the OpenFlowPlugin's copy of each
 * is not taken for a second announcement: the gate relays every message to the plugin, which decodes and publishes
 * it later, on this member. Counted by content (the switch, the port, the cookie and the frame): a VM that
 * announces itself several times sends equal frames, and each copy cancels one of them. A copy that never comes
 * (the plugin may drop a packet-in) is forgotten after {@link #KEEP}. Not thread-safe: the engine's thread only.
 */
final class TappedTraps {
    /** Far longer than the plugin takes to publish a packet-in, even on a saturated machine. */
    static final Duration KEEP = Duration.ofSeconds(30);

    private record Key(long cookie, String nodeId, String connectorId, ByteBuffer frame) {
        static Key of(final MigrationTrap trap) {
            return new Key(trap.cookie(), trap.nodeId(), trap.connectorId(), ByteBuffer.wrap(trap.payload().clone()));
        }
    }

    private final Map<Key, Deque<Instant>> awaitingCopy = new HashMap<>();

    /** Notes a trap taken from the gate at {@code now}: the plugin's copy of it is to come. */
    void taken(final MigrationTrap trap, final Instant now) {
        forgetBefore(now.minus(KEEP));
        awaitingCopy.computeIfAbsent(Key.of(trap), key -> new ArrayDeque<>()).add(now);
    }

    /** Whether a trap the plugin published is the copy of one taken from the gate; each copy counts once. */
    boolean isCopy(final MigrationTrap trap, final Instant now) {
        forgetBefore(now.minus(KEEP));
        final Key key = Key.of(trap);
        final Deque<Instant> taken = awaitingCopy.get(key);
        if (taken == null) {
            return false;
        }
        taken.poll();
        if (taken.isEmpty()) {
            awaitingCopy.remove(key);
        }
        return true;
    }

    private void forgetBefore(final Instant oldest) {
        awaitingCopy.values().removeIf(taken -> {
            while (!taken.isEmpty() && taken.peek().isBefore(oldest)) {
                taken.poll();
            }
            return taken.isEmpty();
        });
    }
}
