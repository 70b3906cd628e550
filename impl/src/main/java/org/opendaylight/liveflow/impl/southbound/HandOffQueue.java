/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the fast path's hand-offs, in two classes: what moves traffic (the follow-up of the write to every switch but
 * the migration's source, which the engine's thread made as it fired: receipts, and the plugin's way for switches the
 * gate did not take) and the source's clean-up. Every urgent part queued runs before any clean-up still waiting,
 * whichever activation it belongs to: in a host evacuation fifty activations arrive within two or three seconds,
 * and one activation's source flow-mods (75 on 20 chassis) must not hold back the next one's senders
 * (EvacuationBenchmark).
 *
 * <p>Each part queued asks the executor for one run; a run takes whatever part is most urgent at that
 * moment. On a single thread that is strict priority, and the engine's thread only queues.
 */
final class HandOffQueue {
    private static final Logger LOG = LoggerFactory.getLogger(HandOffQueue.class);

    private final Queue<Runnable> urgent = new ConcurrentLinkedQueue<>();
    private final Queue<Runnable> cleanUp = new ConcurrentLinkedQueue<>();
    private final Executor executor;

    HandOffQueue(final Executor executor) {
        this.executor = executor;
    }

    /** Queues what moves an activation's traffic: it runs before every clean-up part queued and not yet run. */
    void urgent(final Runnable part) {
        urgent.add(part);
        schedule();
    }

    /**
     * Queues an activation's clean-up of its source: it runs once no urgent part waits. The fast path queues it only
     * once the same activation's urgent part has written and its switches answered (or stopped being waited for).
     */
    void cleanUp(final Runnable part) {
        cleanUp.add(part);
        schedule();
    }

    private void schedule() {
        try {
            executor.execute(this::runNext);
        } catch (RejectedExecutionException e) {
            // closing: what is left is written by the passes of the next start, as after a crash
            LOG.debug("fast path closed, a hand-off is left to the next pass", e);
        }
    }

    private void runNext() {
        Runnable next = urgent.poll();
        if (next == null) {
            next = cleanUp.poll();
        }
        if (next != null) {
            next.run();
        }
    }
}
