/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class HandOffQueueTest {
    /** An executor that runs what it was given only when the test says so, one task at a time, in order. */
    private static final class SteppedExecutor implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();
        private boolean closed;

        @Override
        public void execute(final Runnable command) {
            if (closed) {
                throw new RejectedExecutionException("closed");
            }
            tasks.add(command);
        }

        void runAll() {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run();
            }
        }

        int waiting() {
            return tasks.size();
        }
    }

    private final SteppedExecutor executor = new SteppedExecutor();
    private final HandOffQueue queue = new HandOffQueue(executor);
    private final List<String> ran = new ArrayList<>();

    private void submit(final String activation) {
        queue.urgent(() -> ran.add(activation + " senders"));
        queue.cleanUp(() -> ran.add(activation + " source"));
    }

    @Test
    void oneActivationHandsItsSendersBeforeItsSource() {
        submit("a");
        executor.runAll();
        assertEquals(List.of("a senders", "a source"), ran);
    }

    @Test
    void laterActivationsSendersGoBeforeEarlierSourcesStillWaiting() {
        submit("a");
        submit("b");
        submit("c");
        executor.runAll();
        assertEquals(List.of("a senders", "b senders", "c senders", "a source", "b source", "c source"), ran);
    }

    @Test
    void anActivationQueuedWhileASourceRunsStillOvertakesTheSourcesLeft() {
        submit("a");
        submit("b");
        // a's and b's senders, then a's source: three of the four runs
        for (int i = 0; i < 3; i++) {
            final Runnable next = executor.tasks.poll();
            next.run();
        }
        submit("c");
        executor.runAll();
        assertEquals(List.of("a senders", "b senders", "a source", "c senders", "b source", "c source"), ran);
    }

    @Test
    void everyPartRunsExactlyOnce() {
        for (int i = 0; i < 50; i++) {
            submit("vm" + i);
        }
        assertEquals(100, executor.waiting());
        executor.runAll();
        assertEquals(100, ran.size());
        assertEquals(100, ran.stream().distinct().count());
    }

    @Test
    void aClosedExecutorLeavesTheHandOffWithoutThrowing() {
        executor.closed = true;
        submit("a");
        executor.runAll();
        assertEquals(List.of(), ran);
    }
}
