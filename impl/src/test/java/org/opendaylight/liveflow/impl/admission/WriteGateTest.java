/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WriteGateTest {
    @Test
    void writersRunOneAtATime() throws Exception {
        final WriteGate gate = new WriteGate(16, Duration.ofSeconds(10));
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            final List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                writers.add(pool.submit(() -> {
                    final WriteGate.Entry entry = gate.enter();
                    try (WriteGate.Turn turn = assertInstanceOf(WriteGate.Turn.class, entry)) {
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        // hold the turn until another writer waits for it (or every writer has had its turn)
                        while (gate.counters().waiting() == 0 && gate.counters().admitted() < 8) {
                            Thread.onSpinWait();
                        }
                        inside.decrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, mostInside.get(), "two writers held the gate at once");
        assertEquals(8, gate.counters().admitted());
    }

    @Test
    void aWriterBeyondTheQueueIsRefusedAtOnce() throws Exception {
        final WriteGate gate = new WriteGate(1, Duration.ofSeconds(10));
        final WriteGate.Turn running = (WriteGate.Turn) gate.enter();
        final CountDownLatch waiterStarted = new CountDownLatch(1);
        final ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            final Future<WriteGate.Entry> waiter = pool.submit(() -> {
                waiterStarted.countDown();
                return gate.enter();
            });
            waiterStarted.await();
            while (gate.counters().waiting() == 0) {
                Thread.onSpinWait();
            }
            final long before = System.nanoTime();
            final WriteGate.Refused refused = assertInstanceOf(WriteGate.Refused.class, gate.enter());
            assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(1), "the refusal waited");
            assertEquals("1 configuration writes are already waiting", refused.reason());
            running.close();
            assertInstanceOf(WriteGate.Turn.class, waiter.get(5, TimeUnit.SECONDS)).close();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, gate.counters().refusedQueueFull());
        assertEquals(2, gate.counters().admitted());
    }

    @Test
    void aWriterThatGetsNoTurnInTimeIsRefused() throws Exception {
        final WriteGate gate = new WriteGate(4, Duration.ofMillis(50));
        try (WriteGate.Turn running = (WriteGate.Turn) gate.enter()) {
            final WriteGate.Refused refused = assertInstanceOf(WriteGate.Refused.class, gate.enter());
            assertEquals("no turn to write within 50 ms", refused.reason());
        }
        assertEquals(1, gate.counters().refusedTimeout());
        assertEquals(0, gate.counters().waiting());
        assertInstanceOf(WriteGate.Turn.class, gate.enter()).close();
    }

    @Test
    void aWriterThatWouldWaitLongerThanTheBoundIsRefusedAtOnce() throws Exception {
        final AtomicLong clock = new AtomicLong();
        final WriteGate gate = new WriteGate(16, Duration.ofMillis(300), clock::get);
        try (WriteGate.Turn first = (WriteGate.Turn) gate.enter()) {
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));
        }
        assertEquals(Duration.ofMillis(200), gate.counters().averageTurn());
        final ExecutorService pool = Executors.newSingleThreadExecutor();
        try (WriteGate.Turn running = (WriteGate.Turn) gate.enter()) {
            // one write running at 200 ms a write: the next may wait, one more would need 400 ms
            final Future<WriteGate.Entry> waiter = pool.submit(() -> gate.enter());
            while (gate.counters().waiting() == 0) {
                Thread.onSpinWait();
            }
            final WriteGate.Refused refused = assertInstanceOf(WriteGate.Refused.class, gate.enter());
            // refused up front, not after waiting its 300 ms out (wall-clock time proves nothing on a busy machine)
            assertEquals(1, gate.counters().refusedExpectedWait());
            assertEquals(0, gate.counters().refusedTimeout());
            assertEquals("1 configuration writes are waiting, about 400 ms of work, more than the 300 ms a write may"
                + " wait", refused.reason());
            running.close();
            assertInstanceOf(WriteGate.Turn.class, waiter.get(5, TimeUnit.SECONDS)).close();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, gate.counters().refusedExpectedWait());
    }

    @Test
    void closingATurnTwiceReleasesItOnce() throws Exception {
        final WriteGate gate = new WriteGate(0, Duration.ZERO);
        final WriteGate.Turn turn = (WriteGate.Turn) gate.enter();
        turn.close();
        turn.close();
        final WriteGate.Turn next = (WriteGate.Turn) gate.enter();
        assertInstanceOf(WriteGate.Refused.class, gate.enter(), "a second close let a second writer in");
        next.close();
    }
}
