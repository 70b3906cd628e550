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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatistics;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapListBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.AddBundleMessages;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.AddBundleMessagesOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.ControlBundle;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.ControlBundleOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.add.bundle.messages.input.messages.Message;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleAddFlowCase;
import org.opendaylight.yangtools.yang.binding.Rpc;
import org.opendaylight.yangtools.yang.binding.RpcService;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * The bundle writer's conversation with a switch, through a recording bundle service that answers as the
 * OpenFlowPlugin does (a result per call, failed when the switch sent an error): open, every message in order,
 * commit; and on any refusal or silence a discard and never a commit, so the switch keeps what it had.
 */
class BundleWriterTest {
    private static final NodeRef NODE = new NodeRef(FlowReconciler.nodePath(LabFlows.NODE)
        .firstIdentifierOf(Node.class));

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    /** One call to the bundle service: its kind (a control type or ADD), bundle id and messages. */
    private record Call(String kind, long bundleId, List<Message> messages) {
    }

    /**
     * The bundle service of one switch, recording every call; each kind answers as it is told. A committed bundle's
     * messages are applied unless the switch is told to refuse commits silently (the OpenFlowPlugin reports such a
     * commit as done); the flow statistics then show the receipt, or not.
     */
    private static final class RecordingBundleService implements RpcConsumerRegistry {
        final List<Call> calls = new ArrayList<>();
        final Set<String> refused;
        final Set<String> silent;
        final List<Long> cookiesHeld = new ArrayList<>();
        boolean refusesCommitsSilently;
        /** Answers of silent calls, to give when the test says. */
        final List<Runnable> heldAnswers = new ArrayList<>();

        RecordingBundleService(final Set<String> refused, final Set<String> silent) {
            this.refused = refused;
            this.silent = silent;
        }

        @Override
        public <S extends RpcService> S getRpcService(final Class<S> serviceInterface) {
            throw new UnsupportedOperationException("the bundle writer uses Rpc lookups only");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R extends Rpc<?, ?>> R getRpc(final Class<R> rpcInterface) {
            if (rpcInterface == ControlBundle.class) {
                final ControlBundle control = input -> answer(new Call(input.getType().getName(),
                    input.getBundleId().getValue().toJava(), List.of()), ControlBundleOutput.class);
                return (R) control;
            }
            if (rpcInterface == GetFlowStatistics.class) {
                final GetFlowStatistics statistics = input -> held(input.getCookie().getValue().longValue());
                return (R) statistics;
            }
            if (rpcInterface == AddBundleMessages.class) {
                final AddBundleMessages add = input -> answer(new Call("ADD", input.getBundleId().getValue().toJava(),
                    input.getMessages().getMessage()), AddBundleMessagesOutput.class);
                return (R) add;
            }
            throw new IllegalArgumentException("unexpected RPC " + rpcInterface);
        }

        private synchronized ListenableFuture<RpcResult<GetFlowStatisticsOutput>> held(final long cookie) {
            calls.add(new Call("STATS", 0, List.of()));
            return Futures.immediateFuture(RpcResultBuilder.success(new GetFlowStatisticsOutputBuilder()
                .setFlowAndStatisticsMapList(cookiesHeld.stream().filter(held -> held == cookie)
                    .map(held -> new FlowAndStatisticsMapListBuilder().setCookie(new FlowCookie(Uint64.fromLongBits(
                        held))).build()).toList()).build()).build());
        }

        private synchronized <T> ListenableFuture<RpcResult<T>> answer(final Call call, final Class<T> output) {
            calls.add(call);
            if (call.kind().equals("ONF_BCT_COMMIT_REQUEST") && !refusesCommitsSilently
                    && !refused.contains(call.kind())) {
                // the switch applies the bundle: it now holds the last message's flow, the receipt
                calls.stream().filter(added -> added.kind().equals("ADD") && added.bundleId() == call.bundleId())
                    .flatMap(added -> added.messages().stream()).reduce((first, second) -> second)
                    .ifPresent(last -> cookiesHeld.add(((BundleAddFlowCase) last.getBundleInnerMessage())
                        .getAddFlowCaseData().getCookie().getValue().longValue()));
            }
            if (silent.contains(call.kind())) {
                final SettableFuture<RpcResult<T>> later = SettableFuture.create();
                heldAnswers.add(() -> later.set(RpcResultBuilder.<T>success().build()));
                return later;
            }
            return Futures.immediateFuture(refused.contains(call.kind())
                ? RpcResultBuilder.<T>failed().withError(ErrorType.APPLICATION, "switch said no to " + call.kind())
                    .build()
                : RpcResultBuilder.<T>success().build());
        }

        synchronized List<String> kinds() {
            return calls.stream().map(Call::kind).toList();
        }

        /** Gives every silent call so far its (successful) answer. */
        void answerHeld() {
            final List<Runnable> answers;
            synchronized (this) {
                answers = List.copyOf(heldAnswers);
                heldAnswers.clear();
            }
            answers.forEach(Runnable::run);
        }
    }

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private static List<Message> labBundle() {
        return ReconcilePlan.of(LabFlows.NODE, ReconcilePlan.Contents.EMPTY,
            LabFlows.translate(LabFlows.compile("c1", PortMigration.Phase.PREPARED))).bundle(NODE);
    }

    private BundleWriter writer(final RecordingBundleService service) {
        return new BundleWriter(service, timer, MoreExecutors.directExecutor(), Duration.ofMillis(300),
            new BundleWindow(BundleWriter.MESSAGES_IN_FLIGHT, Duration.ofMillis(300)));
    }

    @Test
    void opensAddsEveryMessageInOrderAndCommitsOneBundle() throws Exception {
        final RecordingBundleService service = new RecordingBundleService(Set.of(), Set.of());
        final List<Message> messages = labBundle();
        writer(service).write(LabFlows.NODE, messages).get(5, TimeUnit.SECONDS);

        assertEquals(List.of("ONF_BCT_OPEN_REQUEST", "ADD", "ONF_BCT_COMMIT_REQUEST", "STATS"), service.kinds());
        assertEquals(1, service.calls.stream().filter(call -> !call.kind().equals("STATS")).map(Call::bundleId)
            .distinct().count(), "one bundle id throughout");
        final List<Message> added = service.calls.get(1).messages();
        assertEquals(messages, added.subList(0, messages.size()), "every message, in the order given");
        assertEquals(messages.size() + 1, added.size(), "then the receipt");
    }

    @Test
    void aLargeBundleIsAddedInOrderedPartsBeforeTheCommit() throws Exception {
        final RecordingBundleService service = new RecordingBundleService(Set.of(), Set.of());
        final List<Message> messages = new ArrayList<>();
        while (messages.size() < 2 * BundleWriter.MESSAGES_PER_CALL + 100) {
            messages.addAll(labBundle());
        }
        writer(service).write(LabFlows.NODE, messages).get(5, TimeUnit.SECONDS);

        final List<String> kinds = service.kinds();
        assertEquals(List.of("ONF_BCT_OPEN_REQUEST", "ADD", "ADD", "ADD", "ONF_BCT_COMMIT_REQUEST", "STATS"), kinds);
        final List<Message> added = service.calls.stream().filter(call -> call.kind().equals("ADD"))
            .flatMap(call -> call.messages().stream()).toList();
        assertEquals(messages, added.subList(0, messages.size()), "every message, each once, in the order given");
        assertEquals(messages.size() + 1, added.size(), "then the receipt");
    }

    @Test
    void aRefusedMessageDiscardsTheBundleAndNothingIsCommitted() {
        final RecordingBundleService service = new RecordingBundleService(Set.of("ADD"), Set.of());
        final ExecutionException failure = assertThrows(ExecutionException.class,
            () -> writer(service).write(LabFlows.NODE, labBundle()).get(5, TimeUnit.SECONDS));

        assertTrue(failure.getCause().getMessage().contains("refused"), failure.getCause().getMessage());
        assertEquals(List.of("ONF_BCT_OPEN_REQUEST", "ADD", "ONF_BCT_DISCARD_REQUEST"), service.kinds());
    }

    @Test
    void aRefusedCommitFailsTheWrite() {
        final RecordingBundleService service = new RecordingBundleService(Set.of("ONF_BCT_COMMIT_REQUEST"),
            Set.of());
        final ExecutionException failure = assertThrows(ExecutionException.class,
            () -> writer(service).write(LabFlows.NODE, labBundle()).get(5, TimeUnit.SECONDS));

        assertTrue(failure.getCause().getMessage().contains("commit"), failure.getCause().getMessage());
        assertEquals(List.of("ONF_BCT_OPEN_REQUEST", "ADD", "ONF_BCT_COMMIT_REQUEST"), service.kinds());
    }

    @Test
    void aCommitReportedDoneThatTheSwitchRefusedIsCaughtByTheMissingReceipt() {
        final RecordingBundleService service = new RecordingBundleService(Set.of(), Set.of());
        service.refusesCommitsSilently = true;
        final ExecutionException failure = assertThrows(ExecutionException.class,
            () -> writer(service).write(LabFlows.NODE, labBundle()).get(5, TimeUnit.SECONDS));

        assertTrue(failure.getCause().getMessage().contains("holds no receipt"), failure.getCause().getMessage());
        assertEquals(List.of("ONF_BCT_OPEN_REQUEST", "ADD", "ONF_BCT_COMMIT_REQUEST", "STATS"), service.kinds());
    }

    @Test
    void aSwitchThatNeverAnswersTheOpenGetsNoMessagesAndTheWriteTimesOut() {
        final RecordingBundleService service = new RecordingBundleService(Set.of(), Set.of("ONF_BCT_OPEN_REQUEST"));
        assertThrows(ExecutionException.class,
            () -> writer(service).write(LabFlows.NODE, labBundle()).get(5, TimeUnit.SECONDS));

        assertEquals(List.of("ONF_BCT_OPEN_REQUEST", "ONF_BCT_DISCARD_REQUEST"), service.kinds());
    }

    @Test
    void aBundleWaitsWhileTheWindowIsFullAndGoesOutOnceAnEarlierOneEnded() throws Exception {
        final RecordingBundleService service = new RecordingBundleService(Set.of(), Set.of("ONF_BCT_COMMIT_REQUEST"));
        final List<Message> messages = labBundle();
        // room for one bundle and its receipt
        final BundleWriter writer = new BundleWriter(service, timer, MoreExecutors.directExecutor(),
            Duration.ofSeconds(5), new BundleWindow(messages.size() + 1, Duration.ofSeconds(5)));
        final ListenableFuture<Void> first = writer.write(LabFlows.NODE, messages);
        final AtomicReference<Thread> writing = new AtomicReference<>();
        final ExecutorService other = Executors.newSingleThreadExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "second-bundle");
            writing.set(thread);
            return thread;
        });
        try {
            final Future<ListenableFuture<Void>> second = other.submit(() -> writer.write(LabFlows.NODE, messages));
            // the second write was made and waits in the window, not somewhere before it
            awaitWaitingInWindow(writing);
            assertFalse(second.isDone(), "the second bundle waits for the window");
            assertEquals(List.of("ONF_BCT_OPEN_REQUEST", "ADD", "ONF_BCT_COMMIT_REQUEST"), service.kinds());

            service.answerHeld();
            first.get(5, TimeUnit.SECONDS);
            second.get(5, TimeUnit.SECONDS);
            assertEquals(List.of("ONF_BCT_OPEN_REQUEST", "ADD", "ONF_BCT_COMMIT_REQUEST", "STATS",
                "ONF_BCT_OPEN_REQUEST", "ADD", "ONF_BCT_COMMIT_REQUEST"), service.kinds());
            service.answerHeld();
            second.get().get(5, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }

    private static void awaitWaitingInWindow(final AtomicReference<Thread> writing) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            final Thread thread = writing.get();
            if (thread != null && thread.getState() == Thread.State.TIMED_WAITING && Arrays.stream(
                    thread.getStackTrace()).anyMatch(frame -> frame.getClassName().endsWith("BundleWindow")
                    && frame.getMethodName().equals("enter"))) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the second write never reached the window");
    }

    @Test
    void everyWriteUsesItsOwnBundleId() throws Exception {
        final RecordingBundleService service = new RecordingBundleService(Set.of(), Set.of());
        final BundleWriter writer = writer(service);
        writer.write(LabFlows.NODE, labBundle()).get(5, TimeUnit.SECONDS);
        writer.write(LabFlows.NODE, labBundle()).get(5, TimeUnit.SECONDS);

        assertEquals(2, service.calls.stream().filter(call -> !call.kind().equals("STATS")).map(Call::bundleId)
            .distinct().count());
    }
}
