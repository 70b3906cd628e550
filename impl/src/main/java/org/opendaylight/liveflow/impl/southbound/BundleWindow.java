/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the bundle messages sent whose bundles have not ended, whichever way they go (the OpenFlowPlugin's bundle
 * service or the switch gate): a pass over a thousand switches needing a thousand flows each would otherwise put a
 * million messages in the queues of the plugin, the gate and the switches at once, and they sat there for minutes
 * (benchmark/results/scale-benchmark.md). With the window, a large pass goes out as a stream the switches keep up
 * with.
 */
final class BundleWindow {
    private static final Logger LOG = LoggerFactory.getLogger(BundleWindow.class);

    private final Semaphore permits;
    private final int size;
    private final Duration wait;

    /** A window of {@code size} messages; a bundle waits at most {@code wait} for room. */
    BundleWindow(final int size, final Duration wait) {
        permits = new Semaphore(size);
        this.size = size;
        this.wait = wait;
    }

    /**
     * Takes room for a bundle of this many messages (at most the whole window), waiting while there is none for at
     * most the wait; a bundle that waited that long goes out all the same (a hung switch holds its part of the
     * window only until its own bundle times out).
     *
     * @return what gives the room back once the bundle ended; running it more than once gives it back once
     */
    Runnable enter(final String nodeId, final int messages) {
        final int taken = Math.min(messages, size);
        try {
            if (permits.tryAcquire(taken, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                final AtomicBoolean left = new AtomicBoolean();
                return () -> {
                    if (left.compareAndSet(false, true)) {
                        permits.release(taken);
                    }
                };
            }
            LOG.warn("{}: {} bundle messages waited {} ms for the window, sent without", nodeId, taken,
                wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return () -> { };
    }

    /** The room left, in messages (for tests). */
    int room() {
        return permits.availablePermits();
    }
}
