/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Waiting for switches' answers with a deadline: whichever comes first completes the wait, and the answers waited
 * for are never cancelled.
 */
class AnsweredOrDeadlineTest {
    private final ScheduledThreadPoolExecutor scheduler = (ScheduledThreadPoolExecutor)
        Executors.newScheduledThreadPool(1);

    @AfterEach
    void close() {
        scheduler.shutdownNow();
    }

    @Test
    void theAnswersBeforeTheDeadlineCompleteItAndDropTheTimer() throws Exception {
        final SettableFuture<String> answers = SettableFuture.create();
        final ListenableFuture<Void> wait = AnsweredOrDeadline.of(answers, Duration.ofMinutes(5), scheduler);
        assertFalse(wait.isDone(), "done before the answers");
        // a refusal is an answer too
        answers.setException(new IllegalStateException("refused"));
        wait.get(10, TimeUnit.SECONDS);
        scheduler.purge();
        assertEquals(0, scheduler.getQueue().size(), "the timer left queued");
    }

    @Test
    void theDeadlineCompletesItWithoutCancellingTheAnswers() throws Exception {
        final SettableFuture<String> never = SettableFuture.create();
        final ListenableFuture<Void> wait = AnsweredOrDeadline.of(never, Duration.ofMillis(50), scheduler);
        wait.get(10, TimeUnit.SECONDS);
        assertFalse(never.isDone(), "the answers waited for were cancelled");
        // an answer after the deadline is still taken: the future was left as it was
        assertTrue(never.set("late"));
    }

    @Test
    void answersAlreadyInAreDoneAtOnce() throws ExecutionException, InterruptedException, TimeoutException {
        AnsweredOrDeadline.of(Futures.immediateVoidFuture(), Duration.ofMinutes(5), scheduler).get(1,
            TimeUnit.SECONDS);
        assertEquals(0, scheduler.getQueue().size(), "a timer for answers already in");
    }

    @Test
    void aClosedSchedulerLeavesTheAnswersToCompleteIt() throws Exception {
        scheduler.shutdown();
        final SettableFuture<String> answers = SettableFuture.create();
        final ListenableFuture<Void> wait = AnsweredOrDeadline.of(answers, Duration.ofMillis(1), scheduler);
        assertFalse(wait.isDone());
        answers.set("answered");
        wait.get(10, TimeUnit.SECONDS);
    }
}
