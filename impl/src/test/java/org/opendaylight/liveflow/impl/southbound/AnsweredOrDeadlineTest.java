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

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import java.time.Duration;
import java.util.List;
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
    void everyAnswerBeforeTheDeadlineCompletesItAndDropsTheTimer() throws Exception {
        final SettableFuture<String> first = SettableFuture.create();
        final SettableFuture<String> second = SettableFuture.create();
        final ListenableFuture<Boolean> wait = AnsweredOrDeadline.of(List.of(first, second), Duration.ofMinutes(5),
            scheduler);
        first.set("answered");
        assertFalse(wait.isDone(), "done with an answer still missing");
        // a refusal is an answer too
        second.setException(new IllegalStateException("refused"));
        assertTrue(wait.get(10, TimeUnit.SECONDS));
        scheduler.purge();
        assertEquals(0, scheduler.getQueue().size(), "the timer left queued");
    }

    @Test
    void theDeadlineCompletesItWithoutCancellingTheAnswers() throws Exception {
        final SettableFuture<String> never = SettableFuture.create();
        final ListenableFuture<Boolean> wait = AnsweredOrDeadline.of(List.of(never), Duration.ofMillis(50),
            scheduler);
        assertFalse(wait.get(10, TimeUnit.SECONDS));
        assertFalse(never.isDone(), "the answer waited for was cancelled");
        // an answer after the deadline changes nothing
        never.set("late");
        assertFalse(wait.get());
    }

    @Test
    void nothingToWaitForIsDoneAtOnce() throws ExecutionException, InterruptedException, TimeoutException {
        assertTrue(AnsweredOrDeadline.of(List.of(), Duration.ofMinutes(5), scheduler).get(1, TimeUnit.SECONDS));
    }

    @Test
    void aClosedSchedulerLeavesTheAnswersToCompleteIt() throws Exception {
        scheduler.shutdown();
        final SettableFuture<String> answer = SettableFuture.create();
        final ListenableFuture<Boolean> wait = AnsweredOrDeadline.of(List.of(answer), Duration.ofMillis(1),
            scheduler);
        assertFalse(wait.isDone());
        answer.set("answered");
        assertTrue(wait.get(10, TimeUnit.SECONDS));
    }
}
