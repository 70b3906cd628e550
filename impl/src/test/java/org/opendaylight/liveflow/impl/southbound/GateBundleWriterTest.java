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

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.gate.SwitchWriters;

/**
 * The gate's bundles: open and messages first, the commit only once the switch refused none, a discard after a
 * refusal, and the plugin's way when nothing reached the switch. The gate here records what is written to one
 * switch and lets each test answer as the switch would.
 */
class GateBundleWriterTest {
    private static final long SWITCH = 1;
    private static final HexFormat HEX = HexFormat.of();

    /** One write to the switch and the answer the test gives it. */
    private record Write(List<byte[]> messages, SettableFuture<SwitchWriters.Receipt> answer) {
        /** The experimenter type of each message (2300 control, 2301 add) and, for a control, its type. */
        List<String> kinds() {
            return messages.stream().map(message -> {
                final String hex = HEX.formatHex(message);
                return hex.substring(24, 32).equals("000008fc") ? "control " + hex.substring(40, 44) : "add";
            }).toList();
        }
    }

    private static final class RecordingGate implements GateBundleWriter.Gate {
        final List<Write> writes = new ArrayList<>();
        boolean takes = true;

        @Override
        public boolean writesTo(final long datapathId) {
            return takes;
        }

        @Override
        public Map<Long, ListenableFuture<SwitchWriters.Receipt>> write(final Map<Long, List<byte[]>> messages,
                final Duration timeout) {
            if (!takes) {
                return Map.of();
            }
            final Write write = new Write(messages.get(SWITCH), SettableFuture.create());
            writes.add(write);
            return Map.of(SWITCH, write.answer());
        }
    }

    private final RecordingGate gate = new RecordingGate();
    private final AtomicInteger pluginBundles = new AtomicInteger();
    private final SettableFuture<Void> pluginOutcome = SettableFuture.create();
    /** Room for one bundle of the tests' size: a bundle that does not give it back makes the next one wait. */
    private final BundleWindow window = new BundleWindow(4, Duration.ofMillis(1));
    private final GateBundleWriter writer = new GateBundleWriter(gate, window, Duration.ofSeconds(5),
        MoreExecutors.directExecutor());

    private ListenableFuture<Void> write() {
        return writer.write("openflow:1", SWITCH, List.of(FlowModEncoder.deleteAll(), GroupModEncoder.deleteAll()),
            () -> {
                pluginBundles.incrementAndGet();
                return pluginOutcome;
            });
    }

    private static SwitchWriters.Receipt accepted(final int written) {
        return new SwitchWriters.Receipt(written, List.of());
    }

    @Test
    void theCommitGoesOutOnlyOnceTheSwitchTookEveryMessage() throws Exception {
        final ListenableFuture<Void> bundle = write();
        assertEquals(1, gate.writes.size());
        assertEquals(List.of("control 0000", "add", "add", "add"), gate.writes.get(0).kinds(),
            "the open, the two messages and the receipt");
        final byte[] receipt = gate.writes.get(0).messages().get(3);
        assertEquals(BundleReceipt.TABLE, receipt[24 + 24] & 0xFF, "the receipt's flow-mod, in the receipt's table");
        gate.writes.get(0).answer().set(accepted(4));
        assertEquals(List.of("control 0004"), gate.writes.get(1).kinds(), "the commit");
        assertFalse(bundle.isDone(), "committed only once the switch answered the commit");
        gate.writes.get(1).answer().set(accepted(1));
        bundle.get();
        assertEquals(0, pluginBundles.get());
        assertWindowFree();
    }

    @Test
    void aMessageTheSwitchRefusedIsNeverCommittedAndTheBundleIsDiscarded() {
        final ListenableFuture<Void> bundle = write();
        gate.writes.get(0).answer().set(new SwitchWriters.Receipt(4, List.of(new SwitchWriters.Refusal(2, 5, 1))));
        final ExecutionException refused = assertThrows(ExecutionException.class, bundle::get);
        assertTrue(refused.getCause().getMessage().contains("message 2 of bundle"), refused.getMessage());
        assertTrue(refused.getCause().getMessage().contains("OpenFlow error 5/1"), refused.getMessage());
        assertEquals(List.of("control 0006"), gate.writes.get(1).kinds(), "a discard, no commit");
        assertEquals(2, gate.writes.size());
        assertWindowFree();
    }

    @Test
    void aRefusedCommitFailsTheBundle() {
        final ListenableFuture<Void> bundle = write();
        gate.writes.get(0).answer().set(accepted(4));
        gate.writes.get(1).answer().set(new SwitchWriters.Receipt(1, List.of(new SwitchWriters.Refusal(0, 0xFFFF,
            2302))));
        final ExecutionException refused = assertThrows(ExecutionException.class, bundle::get);
        assertTrue(refused.getCause().getMessage().contains("refused the commit"), refused.getMessage());
        assertWindowFree();
    }

    @Test
    void aSwitchThatDoesNotAnswerHasItsBundleDiscardedAndFailed() {
        final ListenableFuture<Void> bundle = write();
        gate.writes.get(0).answer().setException(new TimeoutException("no barrier reply"));
        assertThrows(ExecutionException.class, bundle::get);
        assertEquals(List.of("control 0006"), gate.writes.get(1).kinds());
        assertEquals(0, pluginBundles.get());
    }

    @Test
    void aBundleNothingOfWhichReachedTheSwitchTakesThePluginsWay() throws Exception {
        final ListenableFuture<Void> bundle = write();
        gate.writes.get(0).answer().setException(new SwitchWriters.NotWritten("connection closed"));
        assertEquals(1, pluginBundles.get());
        assertFalse(bundle.isDone(), "the plugin's bundle is the outcome");
        pluginOutcome.set(null);
        bundle.get();
        assertEquals(1, gate.writes.size(), "nothing more through the gate");
        assertWindowFree();
    }

    @Test
    void aBundleThatCannotTakeThePluginsWayWhileTheReconcilerClosesFails() {
        final GateBundleWriter closing = new GateBundleWriter(gate, window, Duration.ofSeconds(5), runnable -> {
            throw new RejectedExecutionException("closed");
        });
        final ListenableFuture<Void> bundle = closing.write("openflow:1", SWITCH, List.of(FlowModEncoder.deleteAll()),
            () -> pluginOutcome);
        gate.writes.get(0).answer().setException(new SwitchWriters.NotWritten("connection closed"));
        final ExecutionException failed = assertThrows(ExecutionException.class, bundle::get);
        assertTrue(failed.getCause() instanceof SwitchWriters.NotWritten, failed.toString());
        assertWindowFree();
    }

    @Test
    void aSwitchTheGateStoppedWritingToTakesThePluginsWay() {
        gate.takes = false;
        final ListenableFuture<Void> bundle = write();
        assertEquals(1, pluginBundles.get());
        pluginOutcome.setException(new IllegalStateException("refused"));
        assertThrows(ExecutionException.class, bundle::get);
    }

    /** The bundle gave its room in the window back. */
    private void assertWindowFree() {
        assertEquals(4, window.room());
    }
}
