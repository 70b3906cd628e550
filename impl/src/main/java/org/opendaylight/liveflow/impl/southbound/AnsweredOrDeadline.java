/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The moment some switches have answered a write, or a deadline has passed, whichever comes first. Guava's
 * {@code Futures.withTimeout} would cancel what it waits for when the deadline passes, and cancelling a combined
 * future cancels its inputs: here the inputs are switches' receipts that others still follow up, so they are only
 * watched, never cancelled.
 */
final class AnsweredOrDeadline {
    private AnsweredOrDeadline() {
    }

    /**
     * Returns a future that completes when {@code answered} does (successfully or not), or {@code deadline} after
     * now, whichever is first; {@code answered} itself is never cancelled. A closed scheduler cannot keep a
     * deadline: then only the answers complete it.
     */
    static ListenableFuture<Void> of(final ListenableFuture<?> answered, final Duration deadline,
            final ScheduledExecutorService scheduler) {
        final SettableFuture<Void> first = SettableFuture.create();
        answered.addListener(() -> first.set(null), MoreExecutors.directExecutor());
        if (!first.isDone()) {
            try {
                final var timer = scheduler.schedule(() -> first.set(null), deadline.toNanos(),
                    TimeUnit.NANOSECONDS);
                // the timer is not left queued once the answers came
                first.addListener(() -> timer.cancel(false), MoreExecutors.directExecutor());
            } catch (RejectedExecutionException e) {
                // closing: whatever follows is left to the passes of the next start
            }
        }
        return first;
    }
}
