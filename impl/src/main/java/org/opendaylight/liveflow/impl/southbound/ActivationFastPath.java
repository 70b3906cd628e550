/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.impl.compiler.FlowDelta;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.gate.SwitchWriters;
import org.opendaylight.liveflow.impl.migration.Placements;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.Table;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.TableKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlowInput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlowInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.FlowTableRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlowInput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlowInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlowOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches a prepared migration the moment the engine activates it. The programmer arms it, on every pass, with
 * each chassis' flow-mods from prepared to switched ({@link org.opendaylight.liveflow.impl.compiler
 * .ActivationPlanner}), encoded there as OpenFlow ({@link FlowModEncoder}); when placements arrive in which the port
 * is switched, with the armed generation, it writes every switch's flow-mods on that switch's connection through
 * the switch gate ({@link SwitchWriters}) without waiting for answers: first, on the engine's thread as it
 * publishes, the flow-mods of every switch but the source (the senders that must stop sending to it); then, on a
 * thread of its own, the following of what the switches answer, and the source's once the others have answered
 * (or {@link #ANSWER_WAIT} has passed), behind the senders of any activation that follows ({@link HandOffQueue}).
 * Writing bytes already encoded takes microseconds per switch; the OpenFlowPlugin's flow RPCs converted and
 * serialized each flow-mod on its threads, which at 100 switches took most of an activation. A switch the gate
 * cannot write to (no gate, or another cluster member is its master) gets the same flow-mods through the plugin's
 * flow RPCs.
 *
 * <p>Each flow-mod a switch confirms (it answered the barrier after it without refusing it) is handed to the
 * {@link FlowReconciler}, which takes it into what it knows the switch holds, and into its record, so the pass
 * that follows sends only the rest (a delivery group to delete, say). A flow-mod refused, lost, or confirmed only
 * after that pass planned is repaired or repeated by the pass, as an identical replacement. Each armed migration
 * fires once.
 */
final class ActivationFastPath {
    private static final Logger LOG = LoggerFactory.getLogger(ActivationFastPath.class);
    /**
     * The warm-up's priority and cookie: liveflow's priorities stay far below the highest, and its cookies carry an
     * owner kind (1 and up) in their top byte; with both, the warm-up's strict removal matches no flow at all.
     */
    static final Uint16 WARM_UP_PRIORITY = Uint16.MAX_VALUE;
    static final Uint64 WARM_UP_COOKIE = Uint64.fromLongBits(0x00FE_EDFA_CE00_0001L);
    private static final String WARM_UP_ID = "liveflow-fast-path-warm-up";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * How long the source's flow-mods, and the pass after an activation, wait at most for the other switches to
     * answer their write. Long enough for the last of 1,000 bystanders in the scale lab (their barriers answered
     * within 60 to 110 ms when alone, the last 104 and 143 ms after the activation's write in two runs); a switch
     * that never answers (it left, or hangs) holds the source back no longer than this.
     */
    static final Duration ANSWER_WAIT = Duration.ofMillis(250);

    /**
     * A prepared migration's activation, by switch node id.
     *
     * @param sourceNode the node id of the chassis the port leaves, if connected: its flow-mods go out last
     */
    record Armed(long generation, @Nullable String sourceNode, Map<String, FlowDelta> deltas) {
        Armed {
            deltas = Map.copyOf(deltas);
        }
    }

    /**
     * Writes OpenFlow messages on switches' connections through the switch gate, by datapath id, and answers for the
     * switches it took ({@link SwitchWriters#write}).
     */
    @FunctionalInterface
    interface GateWriter {
        Map<Long, ListenableFuture<SwitchWriters.Receipt>> write(Map<Long, List<byte[]>> messages);
    }

    /**
     * One flow-mod of an armed activation, translated and encoded when armed so that firing only hands it over: the
     * FLOW_MOD for the gate, and an add-flow input, or a remove-flow one, for the plugin's way.
     */
    private record FlowMod(String nodeId, FlowSpec spec, Flow flow, byte[] encoded, @Nullable AddFlowInput add,
            @Nullable RemoveFlowInput remove) {
        boolean removal() {
            return remove != null;
        }
    }

    /**
     * One switch's flow-mods of an armed activation, in their order, with the switch's datapath id (null if its node
     * id names none: the plugin's way only) and the flow-mods' encoding, as the gate takes them.
     */
    private record SwitchMods(String nodeId, @Nullable Long datapathId, List<FlowMod> mods, List<byte[]> encoded) {
        static SwitchMods of(final String nodeId, final List<FlowMod> mods) {
            return new SwitchMods(nodeId, FlowReconciler.datapathIdOf(nodeId), List.copyOf(mods),
                mods.stream().map(FlowMod::encoded).toList());
        }
    }

    /**
     * An armed activation as it was given, and its flow-mods in the order they go out, switch by switch: every
     * switch's but the source's, then the source's.
     */
    private record Ready(Armed armed, List<SwitchMods> senders, List<SwitchMods> source) {
        Stream<FlowMod> mods() {
            return Stream.concat(senders.stream(), source.stream()).flatMap(ofSwitch -> ofSwitch.mods().stream());
        }
    }

    private final FlowReconciler reconciler;
    private final Map<String, Ready> armed = new HashMap<>();
    /** The last generation fired per port: a pass compiled before the activation must not re-arm it. */
    private final Map<String, Long> fired = new HashMap<>();
    private final AddFlow addFlow;
    private final RemoveFlow removeFlow;
    private final GateWriter gate;
    private final Runnable requestPass;
    private final Duration answerWait;
    private final ScheduledExecutorService handOffThread = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "liveflow-fast-path"));
    private final HandOffQueue handOffs = new HandOffQueue(handOffThread);
    /** Whether the plugin's flow-mod path has been exercised once ({@link #warmUp}). */
    private final AtomicBoolean warmed = new AtomicBoolean();
    /** The most switches a warm-up of the gate's way reached ({@link #warmUpGate}); only arm's thread uses it. */
    private int gateWarmedWidth;

    ActivationFastPath(final RpcConsumerRegistry rpcs, final GateWriter gate, final FlowReconciler reconciler,
            final Runnable requestPass) {
        this(rpcs, gate, reconciler, requestPass, ANSWER_WAIT);
    }

    ActivationFastPath(final RpcConsumerRegistry rpcs, final GateWriter gate, final FlowReconciler reconciler,
            final Runnable requestPass, final Duration answerWait) {
        this.gate = gate;
        this.answerWait = answerWait;
        // looked up once (the OpenFlowPlugin's flow RPCs are routed per switch when invoked): a lookup on the
        // engine's thread took 4 to 18 ms of an activation at 100 switches
        addFlow = rpcs.getRpc(AddFlow.class);
        removeFlow = rpcs.getRpc(RemoveFlow.class);
        this.reconciler = reconciler;
        this.requestPass = requestPass;
    }

    /**
     * Replaces what is armed with these activations, by port id (ports left out are disarmed). Each is translated
     * here, on the programmer's thread, unless it is the same as armed before: an activation hands its flow-mods
     * over without building anything. The translation runs outside the lock {@link #fire} takes, and reuses every
     * flow-mod an armed activation already holds: with 50 migrations prepared at once (a host evacuation) every
     * plug changed every activation a little, re-arming took up to 13 s a pass, and an activation arriving
     * meanwhile waited for it (EvacuationBenchmark).
     */
    void arm(final Map<String, Armed> activations) {
        final Map<String, Ready> before;
        final Map<String, Long> firedBefore;
        synchronized (this) {
            before = Map.copyOf(armed);
            firedBefore = Map.copyOf(fired);
        }
        // what is armed already, by flow-mod: built only when an activation changed (most passes change none)
        Map<FlowModKey, FlowMod> translated = null;
        final Map<String, Ready> next = new HashMap<>();
        for (Map.Entry<String, Armed> entry : activations.entrySet()) {
            final String port = entry.getKey();
            final Armed activation = entry.getValue();
            final Long last = firedBefore.get(port);
            if (last != null && last >= activation.generation()) {
                continue;
            }
            final Ready same = before.get(port);
            if (same != null && same.armed().equals(activation)) {
                next.put(port, same);
                continue;
            }
            if (translated == null) {
                translated = new HashMap<>();
                for (Ready ready : before.values()) {
                    final Map<FlowModKey, FlowMod> into = translated;
                    ready.mods().forEach(mod -> into.put(FlowModKey.of(mod), mod));
                }
            }
            next.put(port, translate(activation, translated));
        }
        synchronized (this) {
            armed.clear();
            // an activation fired while this one was translated is not armed again
            next.forEach((port, ready) -> {
                final Long last = fired.get(port);
                if (last == null || last < ready.armed().generation()) {
                    armed.put(port, ready);
                }
            });
        }
        if (!next.isEmpty() && warmed.compareAndSet(false, true)) {
            final var sample = next.values().stream().flatMap(Ready::mods).findFirst();
            if (sample.isPresent()) {
                try {
                    handOffThread.execute(() -> warmUp(sample.orElseThrow()));
                } catch (RejectedExecutionException e) {
                    LOG.debug("fast path closed before its warm-up", e);
                }
            } else {
                warmed.set(false);
            }
        }
        next.values().stream().map(Ready::senders).max(Comparator.comparingInt(List::size))
            .filter(senders -> senders.size() > gateWarmedWidth).ifPresent(senders -> {
                gateWarmedWidth = senders.size();
                try {
                    handOffThread.execute(() -> warmUpGate(senders));
                } catch (RejectedExecutionException e) {
                    LOG.debug("fast path closed before its gate way's warm-up", e);
                }
            });
    }

    /**
     * Writes, through the gate and on the fast path's own thread, a flow-mod that changes nothing to every switch of
     * an armed activation's senders (those the gate takes), by the same steps as the activation's write, and
     * follows their answers: a strict removal in the table and with the match of the switch's first armed flow-mod,
     * at a priority and with a cookie (masked exactly) that no liveflow flow has. The first activation of a
     * controller's life ran those steps for the first time at 1,000 switches: the JIT compiled 35 methods in the
     * 250 ms from the RARP and threw away 27 compiled ones, 18 of them optimised code compiled while the gate wrote
     * bundles (a single flow-mod broke their assumptions), on the same two cores the switches needed to switch
     * (MigrationBenchmark with the JIT's log). An activation reaching more switches than any warm-up before is
     * warmed up again, once it is armed, well before its VM resumes (a live migration's copy takes seconds).
     */
    // a warm-up to a switch that just left must not escape the fast path's thread
    @SuppressWarnings("checkstyle:IllegalCatch")
    private void warmUpGate(final List<SwitchMods> senders) {
        final List<SwitchMods> noOps = new ArrayList<>(senders.size());
        for (SwitchMods ofSwitch : senders) {
            if (ofSwitch.datapathId() != null) {
                noOps.add(new SwitchMods(ofSwitch.nodeId(), ofSwitch.datapathId(), List.of(),
                    List.of(FlowModEncoder.deleteStrictOf(ofSwitch.mods().get(0).spec(),
                        WARM_UP_PRIORITY.intValue(), WARM_UP_COOKIE.longValue()))));
            }
        }
        final long began = System.nanoTime();
        final Written written;
        try {
            written = write(noOps);
        } catch (RuntimeException e) {
            LOG.info("the fast path's gate way was not warmed up, the first activation pays for it", e);
            return;
        }
        final AtomicInteger refused = new AtomicInteger();
        for (ListenableFuture<SwitchWriters.Receipt> receipt : written.receipts().values()) {
            Futures.addCallback(receipt, new FutureCallback<SwitchWriters.Receipt>() {
                @Override
                public void onSuccess(final SwitchWriters.Receipt answer) {
                    refused.addAndGet(answer.refused().size());
                }

                @Override
                public void onFailure(final Throwable cause) {
                    refused.incrementAndGet();
                }
            }, MoreExecutors.directExecutor());
        }
        Futures.whenAllComplete(written.receipts().values()).run(() -> LOG.info("the fast path's gate way warmed "
            + "up on {} switches of {}: written in {} us ({} us of CPU), answered {} us after the write began, {} "
            + "refused or not answered", written.receipts().size(), senders.size(), written.wallNanos() / 1000,
            written.cpuNanos() / 1000, (System.nanoTime() - began) / 1000, refused.get()),
            MoreExecutors.directExecutor());
    }

    /**
     * Sends one flow-mod that changes nothing through the plugin's flow-mod path, on the fast path's thread, before
     * the first activation: a strict removal shaped like an armed flow-mod (same switch, table, match and
     * instructions) at a priority and with a cookie (masked exactly) that no liveflow flow has. The plugin loads
     * and links its flow-mod conversion, serialization and flow registry on first use (a stack sample caught the
     * first hand-off of a host evacuation linking the add-flow path); the first activation of a controller's life
     * paid for it while its senders kept sending to the chassis the VM left (its hand-off took 14 ms at 3 chassis,
     * against about 1 ms after; the warm-up takes 10 to 25 ms, before any activation). The plugin's way is still
     * taken for a switch the gate cannot write to. The gate's way has a warm-up of its own ({@link #warmUpGate}).
     */
    // like a hand-off, a warm-up to a switch that just left must not escape the fast path's thread
    @SuppressWarnings("checkstyle:IllegalCatch")
    private void warmUp(final FlowMod like) {
        final long began = System.nanoTime();
        final Flow noOp = new FlowBuilder(like.flow())
            .setId(new FlowId(WARM_UP_ID))
            .setPriority(WARM_UP_PRIORITY)
            .setCookie(new FlowCookie(WARM_UP_COOKIE))
            .setCookieMask(new FlowCookie(Uint64.MAX_VALUE))
            .build();
        final String nodeId = like.nodeId();
        final ListenableFuture<RpcResult<RemoveFlowOutput>> answer;
        try {
            answer = removeFlow.invoke(strictRemoval(nodeId, noOp));
        } catch (RuntimeException e) {
            LOG.info("{}: fast-path warm-up not handed over, the first activation pays for it", nodeId, e);
            return;
        }
        final long handedOver = (System.nanoTime() - began) / 1000;
        Futures.addCallback(answer, new FutureCallback<RpcResult<RemoveFlowOutput>>() {
            @Override
            public void onSuccess(final RpcResult<RemoveFlowOutput> outcome) {
                LOG.info("{}: fast path warmed up in {} us (answered after {} us, {})", nodeId, handedOver,
                    (System.nanoTime() - began) / 1000, outcome.isSuccessful() ? "ok" : outcome.getErrors());
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.info("{}: fast path warmed up in {} us, its no-op flow-mod failed", nodeId, handedOver, cause);
            }
        }, MoreExecutors.directExecutor());
    }

    /** What makes two flow-mods the same: the switch, the flow and whether it is added or removed. */
    private record FlowModKey(String nodeId, FlowSpec spec, boolean removal) {
        static FlowModKey of(final FlowMod mod) {
            return new FlowModKey(mod.nodeId(), mod.spec(), mod.removal());
        }
    }

    /**
     * Returns the activation ready to fire: its flow-mods, switch by switch, the switches with the fewest first, the
     * source's apart. A bystander waits for one flow-mod, not behind the source's hundreds (which are not urgent:
     * until the senders switch, dual delivery still feeds the destination). A flow-mod already translated (in
     * {@code translated}) is reused.
     */
    private static Ready translate(final Armed activation, final Map<FlowModKey, FlowMod> translated) {
        final List<Map.Entry<String, FlowDelta>> switches = new ArrayList<>(activation.deltas().entrySet());
        switches.sort(Comparator.<Map.Entry<String, FlowDelta>>comparingInt(entry -> entry.getValue().size())
            .thenComparing(Map.Entry::getKey));
        final List<SwitchMods> senders = new ArrayList<>();
        final List<SwitchMods> source = new ArrayList<>();
        for (Map.Entry<String, FlowDelta> entry : switches) {
            final String nodeId = entry.getKey();
            final List<FlowMod> mods = new ArrayList<>();
            for (FlowSpec spec : entry.getValue().put()) {
                mods.add(translated.computeIfAbsent(new FlowModKey(nodeId, spec, false), key -> addition(nodeId,
                    spec)));
            }
            for (FlowSpec spec : entry.getValue().removed()) {
                mods.add(translated.computeIfAbsent(new FlowModKey(nodeId, spec, true), key -> removal(nodeId, spec)));
            }
            if (!mods.isEmpty()) {
                (nodeId.equals(activation.sourceNode()) ? source : senders).add(SwitchMods.of(nodeId, mods));
            }
        }
        return new Ready(activation, List.copyOf(senders), List.copyOf(source));
    }

    private static FlowMod addition(final String nodeId, final FlowSpec spec) {
        final Flow flow = OpenflowTranslator.flow(nodeId, spec);
        final InstanceIdentifier<Table> table = tableOf(nodeId, flow);
        return new FlowMod(nodeId, spec, flow, FlowModEncoder.add(spec), new AddFlowInputBuilder(flow)
            .setNode(nodeRef(nodeId)).setFlowTable(new FlowTableRef(table)).setFlowRef(flowRefOf(table, flow)).build(),
            null);
    }

    private static FlowMod removal(final String nodeId, final FlowSpec spec) {
        final Flow flow = OpenflowTranslator.flow(nodeId, spec);
        return new FlowMod(nodeId, spec, flow, FlowModEncoder.deleteStrict(spec), null, strictRemoval(nodeId, flow));
    }

    private static RemoveFlowInput strictRemoval(final String nodeId, final Flow flow) {
        final InstanceIdentifier<Table> table = tableOf(nodeId, flow);
        return new RemoveFlowInputBuilder(flow).setNode(nodeRef(nodeId)).setStrict(true)
            .setFlowTable(new FlowTableRef(table)).setFlowRef(flowRefOf(table, flow)).build();
    }

    private static NodeRef nodeRef(final String nodeId) {
        return new NodeRef(FlowReconciler.nodePath(nodeId).firstIdentifierOf(Node.class));
    }

    /**
     * Queues the armed flow-mods of every port these placements show switched, with the armed generation, for the
     * fast path's thread. Returns whether any were: the fast path then asks for the pass that follows itself.
     */
    synchronized boolean fire(final Placements placements) {
        boolean queued = false;
        for (PortMigration migration : placements.ports().values()) {
            final Ready activation = armed.get(migration.port());
            if (migration.phase() == PortMigration.Phase.SWITCHED && activation != null
                    && activation.armed().generation() == migration.generation()) {
                armed.remove(migration.port());
                fired.put(migration.port(), migration.generation());
                final String port = migration.port();
                final long firedAt = System.nanoTime();
                // what the switches confirm counts for passes compiled from these placements on (FlowReconciler)
                final long firedFor = placements.version();
                // the senders' flow-mods go to the gate's network threads from here, the engine's thread: handing
                // them to the fast path's thread first cost that thread's wake-up (1 to 7 ms at 100 switches, at
                // the moment the cores are busiest) before any switch was written
                final Written senders = write(activation.senders());
                // the source's flow-mods are written once the senders' switches have answered theirs: written at
                // once, the source's thousands of flow-mods (two per remote chassis) kept its ovs-vswitchd busy on
                // the cores the senders' switches needed at that moment; until they are written, dual delivery
                // still feeds the destination
                handOffs.urgent(() -> follow(port, "every switch but the source", senders, firedAt, firedFor)
                    .addListener(() -> handOffs.cleanUp(() -> follow(port, "the source", write(activation.source()),
                        firedAt, firedFor)), MoreExecutors.directExecutor()));
                queued = true;
            }
        }
        return queued;
    }

    /** Stops the fast path's thread; hand-offs still queued are left to the passes of the next start. */
    void close() throws InterruptedException {
        handOffThread.shutdownNow();
        handOffThread.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Some switches' flow-mods as written through the gate: the receipts of the switches it took, and how long the
     * write took, in wall time and in its thread's CPU.
     */
    private record Written(List<SwitchMods> switches, Map<Long, ListenableFuture<SwitchWriters.Receipt>> receipts,
            long wallNanos, long cpuNanos) {
    }

    /** Hands these switches' flow-mods to the gate's network threads (those it takes); does not wait for them. */
    private Written write(final List<SwitchMods> switches) {
        if (switches.isEmpty()) {
            return new Written(switches, Map.of(), 0, 0);
        }
        final long began = System.nanoTime();
        final long cpuBefore = THREADS.getCurrentThreadCpuTime();
        final Map<Long, List<byte[]>> encoded = new HashMap<>();
        for (SwitchMods ofSwitch : switches) {
            if (ofSwitch.datapathId() != null) {
                encoded.put(ofSwitch.datapathId(), ofSwitch.encoded());
            }
        }
        final Map<Long, ListenableFuture<SwitchWriters.Receipt>> receipts = writeThroughGate(encoded);
        return new Written(switches, receipts, System.nanoTime() - began,
            THREADS.getCurrentThreadCpuTime() - cpuBefore);
    }

    /**
     * Follows a write on the fast path's thread: watches the gate's receipts, hands the flow-mods of the switches
     * the gate did not take to the plugin, and asks for the passes that follow. Returns when the switches have
     * answered, or {@link #answerWait} has passed.
     */
    private ListenableFuture<?> follow(final String port, final String part, final Written written,
            final long firedAt, final long firedFor) {
        final List<SwitchMods> switches = written.switches();
        if (switches.isEmpty()) {
            requestPass.run();
            return Futures.immediateVoidFuture();
        }
        final long began = System.nanoTime();
        final long cpuBefore = THREADS.getCurrentThreadCpuTime();
        final List<ListenableFuture<?>> answers = new ArrayList<>(switches.size());
        int throughGate = 0;
        int total = 0;
        for (SwitchMods ofSwitch : switches) {
            final ListenableFuture<SwitchWriters.Receipt> receipt = ofSwitch.datapathId() == null ? null
                : written.receipts().get(ofSwitch.datapathId());
            if (receipt != null) {
                answers.add(watchGate(ofSwitch.mods(), receipt, firedFor));
                throughGate += ofSwitch.mods().size();
            } else {
                answers.addAll(handToPlugin(ofSwitch.mods(), firedFor));
            }
            total += ofSwitch.mods().size();
        }
        // one combined future over the receipts (999 at 1,000 chassis), watched twice
        final ListenableFuture<?> allAnswered = Futures.whenAllComplete(answers).call(() -> null,
            MoreExecutors.directExecutor());
        // the pass after an activation (a compile of every chassis) starts once the switches have answered, not
        // while they are still applying the flow-mods on the same cores
        final ListenableFuture<?> answered = AnsweredOrDeadline.of(allAnswered, answerWait, handOffThread);
        answered.addListener(requestPass, MoreExecutors.directExecutor());
        // a pass that planned before these were confirmed may have planned against what they replace (a change
        // made meanwhile): one more pass, once they are, leaves every switch as desired
        allAnswered.addListener(requestPass, MoreExecutors.directExecutor());
        final long now = System.nanoTime();
        // the CPU time beside the wall time tells the threads' own work from the time they waited for a core
        LOG.info("port {}: activation fast path wrote {} flow-mods ({}) to {} switches through the switch gate and "
            + "handed {} to the OpenFlowPlugin; the write took {} us ({} us of CPU), following it up {} us ({} us of "
            + "the fast path's CPU), {} us after the activation", port, throughGate, part, written.receipts().size(),
            total - throughGate, written.wallNanos() / 1000, written.cpuNanos() / 1000, (now - began) / 1000,
            (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1000, (now - firedAt) / 1000);
        return answered;
    }

    // the gate failing must not stop the hand-off: what it did not take goes the plugin's way
    @SuppressWarnings("checkstyle:IllegalCatch")
    private Map<Long, ListenableFuture<SwitchWriters.Receipt>> writeThroughGate(
            final Map<Long, List<byte[]>> messages) {
        try {
            return gate.write(messages);
        } catch (RuntimeException e) {
            LOG.warn("The switch gate did not take the fast path's flow-mods, the OpenFlowPlugin gets them", e);
            return Map.of();
        }
    }

    // a flow-mod the plugin cannot take (its switch just left) must not stop the others behind it
    @SuppressWarnings("checkstyle:IllegalCatch")
    private List<ListenableFuture<?>> handToPlugin(final List<FlowMod> mods, final long firedFor) {
        final List<ListenableFuture<?>> answers = new ArrayList<>(mods.size());
        for (FlowMod mod : mods) {
            try {
                final RemoveFlowInput remove = mod.remove();
                answers.add(remove != null ? watch(mod, removeFlow.invoke(remove), firedFor)
                    : watch(mod, addFlow.invoke(Objects.requireNonNull(mod.add())), firedFor));
            } catch (RuntimeException e) {
                LOG.warn("{}: fast-path flow-mod not handed over, the next pass repairs it: {}", mod.nodeId(),
                    mod.spec(), e);
            }
        }
        return answers;
    }

    /**
     * Tells the reconciler of each flow-mod the switch applied (it answered the barrier after them and refused none
     * of these); logs the ones it refused. A write the gate could not make at all (the switch's connection closed or
     * changed master meanwhile) goes to the plugin's way instead.
     */
    private ListenableFuture<?> watchGate(final List<FlowMod> mods, final ListenableFuture<SwitchWriters.Receipt>
            receipt, final long firedFor) {
        final String nodeId = mods.get(0).nodeId();
        Futures.addCallback(receipt, new FutureCallback<SwitchWriters.Receipt>() {
            @Override
            public void onSuccess(final SwitchWriters.Receipt answer) {
                final Set<Integer> refused = new HashSet<>();
                final List<FlowMod> notMaster = new ArrayList<>();
                for (SwitchWriters.Refusal refusal : answer.refused()) {
                    refused.add(refusal.index());
                    if (refusal.notMaster()) {
                        notMaster.add(mods.get(refusal.index()));
                    } else {
                        LOG.warn("{}: the switch refused a fast-path flow-mod (OpenFlow error type {} code {}), the "
                            + "next pass repairs it: {}", nodeId, refusal.errorType(), refusal.errorCode(),
                            mods.get(refusal.index()).spec());
                    }
                }
                if (!notMaster.isEmpty()) {
                    LOG.info("{}: {} fast-path flow-mods were refused as not from the switch's master, the "
                        + "OpenFlowPlugin gets them", nodeId, notMaster.size());
                    toPluginLater(notMaster, firedFor);
                }
                for (int i = 0; i < mods.size(); i++) {
                    if (!refused.contains(i)) {
                        reconciler.appliedOutsideBundle(nodeId, mods.get(i).spec(), mods.get(i).removal(), firedFor);
                    }
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                if (cause instanceof SwitchWriters.NotWritten) {
                    LOG.info("{}: the switch gate wrote none of {} fast-path flow-mods ({}), the OpenFlowPlugin gets "
                        + "them", nodeId, mods.size(), cause.getMessage());
                    toPluginLater(mods, firedFor);
                } else {
                    LOG.warn("{}: {} fast-path flow-mods written through the switch gate were not confirmed, the next "
                        + "pass repairs them", nodeId, mods.size(), cause);
                }
            }
        }, MoreExecutors.directExecutor());
        return receipt;
    }

    // called on the gate's network thread: the plugin's conversion runs on the fast path's own
    private void toPluginLater(final List<FlowMod> mods, final long firedFor) {
        onOwnThread(() -> Futures.whenAllComplete(handToPlugin(mods, firedFor)).run(requestPass,
            MoreExecutors.directExecutor()));
    }

    /**
     * Runs a task on the fast path's thread: the plugin's way for what the gate said it could not write, taken off
     * the gate's network thread that said so. Once closed, the task is dropped (the passes of the next start repair
     * what it would have written).
     */
    void onOwnThread(final Runnable task) {
        try {
            handOffThread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("fast path closed, a task for its thread dropped", e);
        }
    }

    private static InstanceIdentifier<Table> tableOf(final String nodeId, final Flow flow) {
        return FlowReconciler.nodePath(nodeId).child(Table.class, new TableKey(flow.getTableId()));
    }

    private static FlowRef flowRefOf(final InstanceIdentifier<Table> table, final Flow flow) {
        return new FlowRef(table.child(Flow.class, new FlowKey(flow.getId())));
    }

    /**
     * Logs a flow-mod the switch refused or that failed; tells the reconciler of one the switch confirmed, so the
     * pass that follows does not send it again.
     */
    private <T> ListenableFuture<RpcResult<T>> watch(final FlowMod mod, final ListenableFuture<RpcResult<T>> result,
            final long firedFor) {
        Futures.addCallback(result, new FutureCallback<RpcResult<T>>() {
            @Override
            public void onSuccess(final RpcResult<T> outcome) {
                if (outcome.isSuccessful()) {
                    reconciler.appliedOutsideBundle(mod.nodeId(), mod.spec(), mod.removal(), firedFor);
                } else {
                    LOG.warn("{}: fast-path flow-mod refused ({}), the next pass repairs it: {}", mod.nodeId(),
                        outcome.getErrors(), mod.spec());
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("{}: fast-path flow-mod failed, the next pass repairs it: {}", mod.nodeId(), mod.spec(),
                    cause);
            }
        }, MoreExecutors.directExecutor());
        return result;
    }
}
