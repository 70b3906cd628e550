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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.compiler.FlowDelta;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.gate.SwitchWriters;
import org.opendaylight.liveflow.impl.migration.Placements;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlowOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlowInput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlowOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.binding.Rpc;
import org.opendaylight.yangtools.yang.binding.RpcService;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * The fast path's hand-offs, through flow RPCs that record which switch each flow-mod went to and answer at once:
 * every switch's flow-mods but the source's first, the source's after them, each armed activation once.
 */
class ActivationFastPathTest {
    private static final PortMigration PREPARED = new PortMigration("p1", PortMigration.Phase.PREPARED, "c1", "c2",
        3, true);

    /** How the recording RPCs list the warm-up's flow-mod, by its node. */
    private static final String WARM_UP = "warm-up of ";

    /** The flow RPCs, recording the node of every flow-mod, in the order handed over. */
    private static final class RecordingFlowRpcs implements RpcConsumerRegistry {
        final List<String> nodes = Collections.synchronizedList(new ArrayList<>());
        final List<RemoveFlowInput> warmUps = Collections.synchronizedList(new ArrayList<>());

        @Override
        public <S extends RpcService> S getRpcService(final Class<S> serviceInterface) {
            throw new UnsupportedOperationException("the fast path uses Rpc lookups only");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R extends Rpc<?, ?>> R getRpc(final Class<R> rpcInterface) {
            if (rpcInterface == AddFlow.class) {
                final AddFlow add = input -> {
                    nodes.add(nodeOf(input.getNode()));
                    return Futures.immediateFuture(RpcResultBuilder.<AddFlowOutput>success().build());
                };
                return (R) add;
            }
            if (rpcInterface == RemoveFlow.class) {
                final RemoveFlow remove = input -> {
                    if (ActivationFastPath.WARM_UP_PRIORITY.equals(input.getPriority())) {
                        warmUps.add(input);
                        nodes.add(WARM_UP + nodeOf(input.getNode()));
                    } else {
                        nodes.add(nodeOf(input.getNode()));
                    }
                    return Futures.immediateFuture(RpcResultBuilder.<RemoveFlowOutput>success().build());
                };
                return (R) remove;
            }
            throw new UnsupportedOperationException(rpcInterface.getName());
        }

        private static String nodeOf(final NodeRef ref) {
            return ((InstanceIdentifier<?>) ref.getValue()).firstKeyOf(Node.class).getId().getValue();
        }
    }

    private final RecordingFlowRpcs rpcs = new RecordingFlowRpcs();
    /** A permit per pass the fast path asked for: once a part is handed over, and once it is answered. */
    private final Semaphore passesAsked = new Semaphore(0);
    private final FlowReconciler reconciler = new FlowReconciler(null, rpcs, NoGate.INSTANCE, () -> { });
    /** The switch gate's writes, by datapath id: what each held, hex-encoded, in order. */
    private final List<String> gateWrites = Collections.synchronizedList(new ArrayList<>());
    /** What the switch gate answers a write for a datapath id: by default it cannot write (the plugin's way). */
    private volatile LongFunction<Optional<ListenableFuture<SwitchWriters.Receipt>>> gate = dpid -> Optional.empty();
    /** The warm-ups of the gate's way the gate was given, by datapath id: each switch's message, hex-encoded. */
    private final List<String> gateWarmUps = Collections.synchronizedList(new ArrayList<>());
    /** Each write of flow-mods the gate was given: the thread it came from and its switches' datapath ids. */
    private final List<String> gateCalls = Collections.synchronizedList(new ArrayList<>());
    private final ActivationFastPath fastPath = fastPathWaiting(ActivationFastPath.ANSWER_WAIT);
    /** A second fast path, when a test waits for answers longer or shorter than the default. */
    private ActivationFastPath other;

    private ActivationFastPath fastPathWaiting(final Duration answerWait) {
        return new ActivationFastPath(rpcs, messages -> {
            final boolean warmUp = messages.values().stream().allMatch(ofSwitch -> ofSwitch.size() == 1
                && isWarmUp(ofSwitch.get(0)));
            if (!warmUp) {
                gateCalls.add(Thread.currentThread().getName() + " " + new TreeMap<>(messages).keySet());
            }
            final Map<Long, ListenableFuture<SwitchWriters.Receipt>> taken = new HashMap<>();
            new TreeMap<>(messages).forEach((datapathId, ofSwitch) -> {
                ofSwitch.forEach(message -> (warmUp ? gateWarmUps : gateWrites).add(datapathId + " "
                    + HexFormat.of().formatHex(message)));
                gate.apply(datapathId).ifPresent(answer -> taken.put(datapathId, answer));
            });
            return taken;
        }, reconciler, passesAsked::release, answerWait);
    }

    /** Whether the gate was given the FLOW_MOD of a warm-up: it carries the warm-up's cookie. */
    private static boolean isWarmUp(final byte[] message) {
        return message[1] == 14 && ByteBuffer.wrap(message).getLong(8) == ActivationFastPath.WARM_UP_COOKIE.longValue();
    }

    @AfterEach
    void close() throws InterruptedException {
        fastPath.close();
        if (other != null) {
            other.close();
        }
        reconciler.close();
    }

    private static FlowDelta activationOn(final String chassis) {
        return FlowDelta.between(LabFlows.compile(chassis, PortMigration.Phase.PREPARED),
            LabFlows.compile(chassis, PortMigration.Phase.SWITCHED));
    }

    private static Placements switched(final PortMigration migration) {
        return new Placements(1, Map.of(migration.port(), migration.switched()));
    }

    /** Arms p1's activation from c1 to c2 with these switches' flow-mods, and fires it. */
    private void armAndFire(final FlowDelta source, final FlowDelta destination) {
        fastPath.arm(Map.of("p1", new ActivationFastPath.Armed(3, "openflow:1",
            Map.of("openflow:1", source, "openflow:2", destination))));
        assertTrue(fastPath.fire(switched(PREPARED)));
    }

    @Test
    void theSourcesFlowModsGoAfterEveryOtherSwitchs() throws InterruptedException {
        final FlowDelta source = activationOn("c1");
        final FlowDelta destination = activationOn("c2");
        assertFalse(source.isEmpty());
        assertFalse(destination.isEmpty());
        armAndFire(source, destination);

        assertTrue(passesAsked.tryAcquire(4, 10, TimeUnit.SECONDS), "both parts handed over and answered");
        final int toDestination = destination.size();
        final List<String> expected = new ArrayList<>(List.of(WARM_UP + "openflow:2"));
        expected.addAll(Collections.nCopies(toDestination, "openflow:2"));
        expected.addAll(Collections.nCopies(source.size(), "openflow:1"));
        assertEquals(expected, rpcs.nodes);
    }

    @Test
    void anActivationFiresOnceAndOnlyWithTheArmedGeneration() throws InterruptedException {
        final FlowDelta destination = activationOn("c2");
        fastPath.arm(Map.of("p1", new ActivationFastPath.Armed(3, "openflow:1", Map.of("openflow:2", destination))));

        // another generation of the same port: not what was armed
        assertFalse(fastPath.fire(switched(new PortMigration("p1", PortMigration.Phase.PREPARED, "c1", "c2", 4,
            true))));
        assertTrue(fastPath.fire(switched(PREPARED)));
        assertFalse(fastPath.fire(switched(PREPARED)));
        // re-armed by a pass that planned before the activation: it is not armed again
        fastPath.arm(Map.of("p1", new ActivationFastPath.Armed(3, "openflow:1", Map.of("openflow:2", destination))));
        assertFalse(fastPath.fire(switched(PREPARED)));

        // the senders' part: handed over and answered; the empty source part: a pass all the same. Only fire queues
        // hand-offs, and it said it queued one: nothing else can be handed over
        assertTrue(passesAsked.tryAcquire(3, 10, TimeUnit.SECONDS), "the passes after the activation");
        final List<String> expected = new ArrayList<>(List.of(WARM_UP + "openflow:2"));
        expected.addAll(Collections.nCopies(destination.size(), "openflow:2"));
        assertEquals(expected, rpcs.nodes);
    }

    @Test
    void theFirstArmWarmsTheFlowModPathOnceWithAStrictRemovalThatMatchesNoFlow() throws InterruptedException {
        final FlowDelta destination = activationOn("c2");
        final FlowDelta source = activationOn("c1");
        fastPath.arm(Map.of());
        fastPath.arm(Map.of("p1", new ActivationFastPath.Armed(3, "openflow:1",
            Map.of("openflow:1", source, "openflow:2", destination))));
        fastPath.arm(Map.of("p1", new ActivationFastPath.Armed(3, "openflow:1",
            Map.of("openflow:1", source, "openflow:2", destination)),
            "p2", new ActivationFastPath.Armed(1, "openflow:2", Map.of("openflow:2", source))));
        assertTrue(fastPath.fire(switched(PREPARED)));
        assertTrue(passesAsked.tryAcquire(4, 10, TimeUnit.SECONDS), "both parts handed over and answered");

        // the warm-up went first, once, although three passes armed (the first with nothing to take its shape)
        assertEquals(WARM_UP + "openflow:2", rpcs.nodes.get(0));
        assertEquals(1, rpcs.warmUps.size());
        final RemoveFlowInput warmUp = rpcs.warmUps.get(0);
        // shaped like the first flow-mod handed over (the same table and match), but strict, at a priority and with
        // an exactly masked cookie no compiled flow has: OpenFlow removes nothing
        final Flow like = OpenflowTranslator.flow("openflow:2", destination.put().isEmpty()
            ? destination.removed().iterator().next() : destination.put().iterator().next());
        assertEquals(like.getTableId(), warmUp.getTableId());
        assertEquals(like.getMatch(), warmUp.getMatch());
        assertTrue(warmUp.getStrict());
        assertEquals(Uint64.MAX_VALUE, warmUp.getCookieMask().getValue());
        assertEquals(ActivationFastPath.WARM_UP_COOKIE, warmUp.getCookie().getValue());
        final var compiled = new ArrayList<FlowSpec>();
        for (String chassis : List.of("c1", "c2")) {
            compiled.addAll(LabFlows.compile(chassis, null).flows().values());
            for (PortMigration.Phase phase : PortMigration.Phase.values()) {
                compiled.addAll(LabFlows.compile(chassis, phase).flows().values());
            }
        }
        for (FlowSpec spec : compiled) {
            assertNotEquals(ActivationFastPath.WARM_UP_PRIORITY.intValue(), spec.priority(), spec::toString);
            assertNotEquals(ActivationFastPath.WARM_UP_COOKIE.longValue(), spec.owner().cookie(), spec::toString);
        }
    }

    @Test
    void anActivationWiderThanAnyBeforeWarmsTheGatesWayOnEverySendersSwitchWithARemovalOfNothing()
            throws InterruptedException {
        gate = dpid -> Optional.of(Futures.immediateFuture(new SwitchWriters.Receipt(1, List.of())));
        final FlowDelta destination = activationOn("c2");
        final FlowDelta source = activationOn("c1");
        final ActivationFastPath.Armed toC2 = new ActivationFastPath.Armed(3, "openflow:1",
            Map.of("openflow:1", source, "openflow:2", destination));
        fastPath.arm(Map.of("p1", toC2));
        // as wide as before (one sender each): no warm-up
        fastPath.arm(Map.of("p1", toC2, "p2", new ActivationFastPath.Armed(1, "openflow:2",
            Map.of("openflow:2", source, "openflow:3", destination))));
        // wider: two senders
        fastPath.arm(Map.of("p1", new ActivationFastPath.Armed(3, "openflow:1",
            Map.of("openflow:1", source, "openflow:2", destination, "openflow:3", destination))));
        assertTrue(fastPath.fire(switched(PREPARED)));
        assertTrue(passesAsked.tryAcquire(4, 10, TimeUnit.SECONDS), "both parts handed over and answered");

        // each sender's switch got a strict removal in the table and with the match of its first flow-mod, at the
        // priority and with the exactly masked cookie no compiled flow has (theFirstArmWarmsTheFlowModPath...)
        final String noOp = HexFormat.of().formatHex(FlowModEncoder.deleteStrictOf(destination.put().isEmpty()
            ? destination.removed().iterator().next() : destination.put().iterator().next(),
            ActivationFastPath.WARM_UP_PRIORITY.intValue(), ActivationFastPath.WARM_UP_COOKIE.longValue()));
        assertEquals(List.of("2 " + noOp, "2 " + noOp, "3 " + noOp), List.copyOf(gateWarmUps));
        // and the activation went out as without a warm-up, the source's last
        assertEquals(List.of(Thread.currentThread().getName() + " [2, 3]", "liveflow-fast-path [1]"),
            List.copyOf(gateCalls));
    }

    @Test
    void theSendersAreWrittenOnTheFiringThreadTheSourceOnTheFastPathsOwn() throws InterruptedException {
        final FlowDelta source = activationOn("c1");
        final FlowDelta destination = activationOn("c2");
        gate = dpid -> Optional.of(Futures.immediateFuture(new SwitchWriters.Receipt(1, List.of())));
        armAndFire(source, destination);
        // before fire returned: no wake-up of another thread between the activation and the senders' write
        assertEquals(List.of(Thread.currentThread().getName() + " [2]"), List.copyOf(gateCalls));

        assertTrue(passesAsked.tryAcquire(4, 10, TimeUnit.SECONDS), "both parts handed over and answered");
        assertEquals(List.of(Thread.currentThread().getName() + " [2]", "liveflow-fast-path [1]"),
            List.copyOf(gateCalls));
    }

    /**
     * Fires p1's activation on a fast path that waits {@code answerWait} for the switches' answers, with a gate that
     * takes both switches and answers for c1 at once; returns c2's answer, for the test to give.
     */
    private SettableFuture<SwitchWriters.Receipt> fireWaitingFor(final Duration answerWait) {
        other = fastPathWaiting(answerWait);
        final SettableFuture<SwitchWriters.Receipt> destinationAnswer = SettableFuture.create();
        gate = dpid -> Optional.of(dpid == 2 ? destinationAnswer
            : Futures.immediateFuture(new SwitchWriters.Receipt(1, List.of())));
        other.arm(Map.of("p1", new ActivationFastPath.Armed(3, "openflow:1",
            Map.of("openflow:1", activationOn("c1"), "openflow:2", activationOn("c2")))));
        assertTrue(other.fire(switched(PREPARED)));
        return destinationAnswer;
    }

    @Test
    void theSourceIsWrittenOnlyOnceTheOtherSwitchesAnswered() throws InterruptedException {
        final SettableFuture<SwitchWriters.Receipt> destinationAnswer = fireWaitingFor(Duration.ofSeconds(60));

        // the senders were written at once; while c2 has not answered, neither the source nor the pass
        assertEquals(List.of(Thread.currentThread().getName() + " [2]"), List.copyOf(gateCalls));
        assertFalse(passesAsked.tryAcquire(1, 300, TimeUnit.MILLISECONDS), "a pass before the senders answered");
        assertEquals(1, gateCalls.size(), "the source written before the senders answered");

        destinationAnswer.set(new SwitchWriters.Receipt(1, List.of()));
        assertTrue(passesAsked.tryAcquire(4, 10, TimeUnit.SECONDS), "both parts answered");
        assertEquals(List.of(Thread.currentThread().getName() + " [2]", "liveflow-fast-path [1]"),
            List.copyOf(gateCalls));
    }

    @Test
    void aSwitchThatNeverAnswersHoldsTheSourceBackOnlyUntilTheWaitEnds() throws InterruptedException {
        final SettableFuture<SwitchWriters.Receipt> destinationAnswer = fireWaitingFor(Duration.ofMillis(100));

        // the senders' pass at the end of the wait, the source's once it is handed over and once it is answered
        assertTrue(passesAsked.tryAcquire(3, 10, TimeUnit.SECONDS), "the passes after the wait");
        assertEquals(List.of(Thread.currentThread().getName() + " [2]", "liveflow-fast-path [1]"),
            List.copyOf(gateCalls));
        // c2's receipt is still followed: the wait did not cancel it
        assertFalse(destinationAnswer.isDone());
    }

    @Test
    void theSwitchesTheGateCanWriteToGetTheEncodedFlowModsTheOthersThePlugins() throws InterruptedException {
        final FlowDelta source = activationOn("c1");
        final FlowDelta destination = activationOn("c2");
        gate = dpid -> dpid == 2 ? Optional.of(Futures.immediateFuture(new SwitchWriters.Receipt(destination.size(),
            List.of()))) : Optional.empty();
        armAndFire(source, destination);

        assertTrue(passesAsked.tryAcquire(4, 10, TimeUnit.SECONDS), "both parts handed over and answered");
        final List<String> expected = new ArrayList<>(List.of(WARM_UP + "openflow:2"));
        expected.addAll(Collections.nCopies(source.size(), "openflow:1"));
        assertEquals(expected, rpcs.nodes);
        // c2's flow-mods went through the gate as one write, encoded as the plugin would have sent them; c1's were
        // offered to the gate first
        final List<String> written = new ArrayList<>();
        destination.put().forEach(spec -> written.add("2 " + HexFormat.of().formatHex(FlowModEncoder.add(spec))));
        destination.removed().forEach(spec -> written.add("2 " + HexFormat.of().formatHex(
            FlowModEncoder.deleteStrict(spec))));
        assertEquals(written, gateWrites.subList(0, destination.size()));
        assertEquals(destination.size() + source.size(), gateWrites.size());
    }

    @Test
    void aWriteTheGateCouldNotMakeGoesToThePlugin() throws InterruptedException {
        final FlowDelta source = activationOn("c1");
        final FlowDelta destination = activationOn("c2");
        gate = dpid -> Optional.of(Futures.immediateFailedFuture(new SwitchWriters.NotWritten("master changed")));
        armAndFire(source, destination);

        // per part: once handed over, once answered, once the plugin answered what the gate did not write
        assertTrue(passesAsked.tryAcquire(6, 10, TimeUnit.SECONDS), "both parts handed to the plugin and answered");
        final List<String> expected = new ArrayList<>(List.of(WARM_UP + "openflow:2"));
        expected.addAll(Collections.nCopies(source.size(), "openflow:1"));
        expected.addAll(Collections.nCopies(destination.size(), "openflow:2"));
        final List<String> handed = new ArrayList<>(rpcs.nodes);
        Collections.sort(expected);
        Collections.sort(handed);
        assertEquals(expected, handed);
    }

    @Test
    void flowModsRefusedAsNotFromTheMasterGoToThePlugin() throws InterruptedException {
        final FlowDelta destination = activationOn("c2");
        assertTrue(destination.size() > 1);
        // another member took the master role; the switch refused the first flow-mod and, in truth, all after it
        gate = dpid -> Optional.of(Futures.immediateFuture(new SwitchWriters.Receipt(destination.size(),
            List.of(new SwitchWriters.Refusal(0, 1, 10), new SwitchWriters.Refusal(1, 2, 3)))));
        fastPath.arm(Map.of("p1", new ActivationFastPath.Armed(3, "openflow:1", Map.of("openflow:2", destination))));

        assertTrue(fastPath.fire(switched(PREPARED)));

        // handed over, answered, and the plugin answered the refused one; the empty source part: one pass
        assertTrue(passesAsked.tryAcquire(4, 10, TimeUnit.SECONDS), "the passes after the activation");
        // only the flow-mod refused as not from the master goes to the plugin; another refusal waits for the pass
        assertEquals(List.of(WARM_UP + "openflow:2", "openflow:2"), rpcs.nodes);
    }
}
