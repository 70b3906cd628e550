/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.admission;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets one configuration write run at a time, in arrival order, with a bounded number waiting for a bounded time.
 *
 * <p>A write that would wait longer than the bound, judged from how long recent writes held the gate, is refused
 * at once rather than after waiting the whole bound for nothing.
 *
 * <p>Why one at a time: controller 8.0.6's shard does not go on to the next queued transaction after one fails
 * validation (an optimistic-lock conflict); that next transaction waits until the shard's commit timeout expires
 * it. Transactions only queue in the shard while the one ahead waits for a commit cohort, which liveflow's
 * validation is, so concurrent conflicting writes to the overlay wedged every later write for minutes. With every
 * writer of the overlay passing through this gate, the shard never holds two of them and the defect cannot trigger.
 */
public final class WriteGate {
    private final Semaphore turn = new Semaphore(1, true);
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong refusedQueueFull = new AtomicLong();
    private final AtomicLong refusedTimeout = new AtomicLong();
    private final AtomicLong refusedExpectedWait = new AtomicLong();
    /** Moving average of how long a write holds the gate, in nanoseconds (0 until the first write ends). */
    private final AtomicLong averageTurnNanos = new AtomicLong();
    private final int maxWaiting;
    private final Duration maxWait;

    private final LongSupplier nanoClock;

    public WriteGate(final int maxWaiting, final Duration maxWait) {
        this(maxWaiting, maxWait, System::nanoTime);
    }

    /**
     * With the clock that times how long writes hold the gate (tests give their own).
     */
    WriteGate(final int maxWaiting, final Duration maxWait, final LongSupplier nanoClock) {
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
        this.nanoClock = nanoClock;
    }

    /**
     * Waits for this write's turn, at most {@code maxWait}; refuses at once when {@code maxWaiting} writes
     * already wait. An admitted write must close its {@link Turn}.
     */
    public Entry enter() throws InterruptedException {
        return enter(maxWait);
    }

    /**
     * As {@link #enter()}, with another bound on the wait (for writers that are not clients).
     */
    public Entry enter(final Duration wait) throws InterruptedException {
        // a timed tryAcquire honours the semaphore's fairness: a free turn goes to the writers already waiting
        if (turn.tryAcquire(0, TimeUnit.NANOSECONDS)) {
            admitted.incrementAndGet();
            return new Turn(this);
        }
        final int ahead = waiting.incrementAndGet();
        if (ahead > maxWaiting) {
            waiting.decrementAndGet();
            refusedQueueFull.incrementAndGet();
            return new Refused(maxWaiting + " configuration writes are already waiting");
        }
        // the running write and every one waiting ahead of this one, at the recent pace
        final long expectedNanos = ahead * averageTurnNanos.get();
        if (expectedNanos > wait.toNanos()) {
            waiting.decrementAndGet();
            refusedExpectedWait.incrementAndGet();
            return new Refused((ahead - 1) + " configuration writes are waiting, about "
                + TimeUnit.NANOSECONDS.toMillis(expectedNanos) + " ms of work, more than the " + wait.toMillis()
                + " ms a write may wait");
        }
        try {
            if (turn.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                admitted.incrementAndGet();
                return new Turn(this);
            }
        } finally {
            waiting.decrementAndGet();
        }
        refusedTimeout.incrementAndGet();
        return new Refused("no turn to write within " + wait.toMillis() + " ms");
    }

    public Counters counters() {
        return new Counters(waiting.get(), turn.availablePermits() == 0, admitted.get(), refusedQueueFull.get(),
            refusedExpectedWait.get(), refusedTimeout.get(), Duration.ofNanos(averageTurnNanos.get()));
    }

    /**
     * What {@link #enter()} answered.
     */
    public sealed interface Entry permits Turn, Refused {
    }

    /**
     * The right to write now; closing it lets the next writer in.
     */
    public static final class Turn implements Entry, AutoCloseable {
        private final WriteGate gate;
        private final long startNanos;
        private boolean closed;

        private Turn(final WriteGate gate) {
            this.gate = gate;
            startNanos = gate.nanoClock.getAsLong();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                gate.turnTook(gate.nanoClock.getAsLong() - startNanos);
                gate.turn.release();
            }
        }
    }

    private void turnTook(final long nanos) {
        // weight 1/8 for the newest write: a few slow writes move the estimate, one outlier does not
        averageTurnNanos.accumulateAndGet(nanos, (average, sample) -> average == 0 ? sample
            : average + (sample - average) / 8);
    }

    /**
     * No turn: the reason says why.
     */
    public record Refused(String reason) implements Entry {
    }

    /**
     * What the gate has done since it started.
     */
    public record Counters(int waiting, boolean writing, long admitted, long refusedQueueFull,
            long refusedExpectedWait, long refusedTimeout, Duration averageTurn) {
    }
}
