/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.CONFIGURATION;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.GroupSpec;
import org.opendaylight.liveflow.impl.compiler.SwitchFlows;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadTransaction;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.Table;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.NodeKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.add.bundle.messages.input.messages.Message;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that changes what switches hold. Per switch it compares the desired flows and groups with
 * liveflow's record of what the switch holds and sends only the difference, in one OpenFlow bundle per switch
 * (through the switch gate, {@link GateBundleWriter}, or else the OpenFlowPlugin's bundle service, {@link
 * BundleWriter}), to every switch at once: new and changed flows are added (a changed flow with the same
 * match replaces the old one), vanished ones deleted, unchanged ones never touched.
 *
 * <p>The record is the OpenFlowPlugin's config inventory, written once the switch has committed the bundle (no
 * forwarding-rules manager runs beside liveflow, so nothing else reads it), in the background: the switches are
 * programmed when their bundles commit, and liveflow keeps what they hold in memory; writing 48,000 flows into the
 * datastore takes longer than the switches take to install them, and no change should wait for that. The record
 * is in the replicated, persisted config datastore: a restarted controller, or the member that takes the control
 * loop over, knows what each switch holds, and a restart rewrites nothing. A bundle is atomic: a switch that
 * refuses one keeps what it had, and so does its record. Because a refusal, a timeout or a record that failed to
 * commit leaves liveflow unsure of the switch, the next bundle for it replaces everything the switch holds; so
 * does the bundle for a switch with no record yet, and one for a switch that came back without its flows. A
 * record that lags (a controller killed while writing it) costs no more: the first bundle from it fails (a group
 * it adds exists) or adds what the switch has again, and the next replaces.
 */
public final class FlowReconciler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlowReconciler.class);
    private static final String LIVEFLOW_FLOW_PREFIX = "lf-";
    private static final String NODE_PREFIX = "openflow:";
    private static final long TIMEOUT_SECONDS = 30;
    private static final Duration BUNDLE_STEP_TIMEOUT = Duration.ofSeconds(30);
    /** How long a pass waits for its bundles before it leaves the slow ones in flight. */
    private static final Duration PATIENCE = Duration.ofSeconds(1);
    /** About 5 MB of journal entry at the measured 500 bytes a flow; the journal's limit is 16 MB. */
    private static final int OPERATIONS_PER_TRANSACTION = 10_000;

    /**
     * What one reconcile changed on one switch.
     *
     * @param flowsWritten flows put (new or changed)
     * @param flowsDeleted flows deleted
     * @param groupsWritten groups put
     * @param groupsDeleted groups deleted
     */
    public record Changes(int flowsWritten, int flowsDeleted, int groupsWritten, int groupsDeleted) {
        static final Changes NONE_CHANGED = new Changes(0, 0, 0, 0);

        public boolean isEmpty() {
            return flowsWritten + flowsDeleted + groupsWritten + groupsDeleted == 0;
        }
    }

    /**
     * What a reconcile did.
     *
     * @param changes what changed on each switch that holds what is desired for it now
     * @param failed the switches that did not take their change (each kept what it had)
     * @param pending the switches whose bundle has not ended yet (its end asks for another pass)
     */
    public record Outcome(Map<String, Changes> changes, Set<String> failed, Set<String> pending) {
        public Outcome {
            changes = Map.copyOf(changes);
            failed = Set.copyOf(failed);
            pending = Set.copyOf(pending);
        }
    }

    private final DataBroker broker;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "liveflow-bundle-timeouts"));
    private final BundleWriter bundles;
    private final GateBundleWriter gateBundles;
    /** Hands bundle messages to the plugin, which converts them on the caller's thread ({@link BundleWriter}). */
    private final ExecutorService adds = Executors.newSingleThreadExecutor(
        runnable -> new Thread(runnable, "liveflow-bundle-adds"));
    private final ExecutorService recorder = Executors.newSingleThreadExecutor(
        runnable -> new Thread(runnable, "liveflow-flow-record"));
    /**
     * Changes the switches committed that the record does not hold yet (queued or being written): at a thousand
     * switches the record trails the switches by minutes, and a controller restarted meanwhile replaces what it
     * cannot vouch for. The shell shows it.
     */
    private final AtomicLong unrecorded = new AtomicLong();
    /** Asks the programmer for a pass: after a record that failed, or a bundle that ended after its pass. */
    private final Runnable requestPass;
    /** Read by the shell while a reconcile runs: a concurrent map. */
    private final Map<String, ReconcilePlan.Contents> installed = new ConcurrentHashMap<>();
    /**
     * What the compiler asked for each switch at the last successful reconcile: a switch asked the same again is
     * left alone, and an unchanged group reuses its translation. Building and comparing the inventory objects of
     * every flow of every switch took most of a pass (hundreds of ms at 20 chassis on a loaded machine), time
     * every other change waited behind; flows are compared as specs ({@link ReconcilePlan#of}).
     */
    private final Map<String, SwitchFlows> lastDesired = new ConcurrentHashMap<>();
    /** Bundles sent and not yet seen to end, by switch: no other bundle goes to that switch meanwhile. */
    private final Map<String, InFlight> inFlight = new HashMap<>();
    /** Switches whose contents liveflow cannot vouch for: their next bundle replaces all they hold. */
    private final Set<String> unsure = ConcurrentHashMap.newKeySet();
    /** Flow-mods switches confirmed outside a bundle, taken into {@link #installed} by the next pass. */
    private final Queue<AppliedFlowMod> appliedOutsideBundles = new ConcurrentLinkedQueue<>();

    /**
     * A flow a switch confirmed it added (or, {@code removed}, deleted) outside a bundle, for the engine's
     * publication of version {@code firedFor} (the one that switched its migration).
     */
    private record AppliedFlowMod(String nodeId, FlowSpec spec, boolean removed, long firedFor) {
    }

    /**
     * A reconciler whose bundles go through {@code gate} to the switches it writes to, and through the plugin's
     * bundle service to the others.
     */
    FlowReconciler(final DataBroker broker, final RpcConsumerRegistry rpcs, final GateBundleWriter.Gate gate,
            final Runnable requestPass) {
        this.broker = broker;
        this.requestPass = requestPass;
        final BundleWindow window = new BundleWindow(BundleWriter.MESSAGES_IN_FLIGHT, BUNDLE_STEP_TIMEOUT);
        bundles = new BundleWriter(rpcs, timer, adds, BUNDLE_STEP_TIMEOUT, window);
        gateBundles = new GateBundleWriter(gate, window, BUNDLE_STEP_TIMEOUT, adds);
    }

    /**
     * Waits for the record of what was committed before closing (a controller stopping cleanly leaves a whole
     * record behind).
     */
    @Override
    public void close() throws InterruptedException {
        recorder.shutdown();
        recorder.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        timer.shutdownNow();
        adds.shutdownNow();
    }

    /**
     * Says that a switch came back without (all of) its flows: the next reconcile replaces what it holds.
     */
    public void switchLost(final String nodeId) {
        unsure.add(nodeId);
    }

    /**
     * Makes every given switch hold exactly what is desired for it, each with one bundle, all sent at once, and then
     * has what the switches that committed now hold recorded. A switch that fails keeps what it had; it is reported
     * and replaced at its next reconcile.
     *
     * <p>A pass waits for its bundles for at most {@link #PATIENCE}: a switch that has not answered by then (a hung
     * ovs-vswitchd) is reported pending and left out of the passes that follow until its bundle ends, in success or
     * failure, which then asks for a pass. So a hung switch delays no other switch's changes.
     *
     * @param compiledFrom the version of the engine's placements {@code desired} was compiled from: flow-mods the
     *     fast path wrote for a later one are not taken in yet ({@link #appliedOutsideBundle})
     */
    public synchronized Outcome reconcileAll(final Map<String, SwitchFlows> desired, final long compiledFrom) {
        final long began = System.nanoTime();
        takeInAppliedOutsideBundles(compiledFrom);
        final Map<String, Changes> changes = new HashMap<>();
        final Set<String> pending = new HashSet<>();
        final Set<String> sentNow = new HashSet<>();
        int messages = 0;
        int throughGate = 0;
        for (Map.Entry<String, SwitchFlows> entry : desired.entrySet()) {
            final String nodeId = entry.getKey();
            if (inFlight.containsKey(nodeId)) {
                continue;
            }
            final Prepared prepared = prepare(nodeId, entry.getValue());
            if (prepared.sent() == null) {
                if (prepared.plan() != null) {
                    // nothing to send, but the translation matched: remember what was asked, and keep what the
                    // switch holds as specs (it may have been read from the record, as heavier inventory objects)
                    lastDesired.put(nodeId, entry.getValue());
                    installed.put(nodeId, prepared.wanted());
                }
                changes.put(nodeId, Changes.NONE_CHANGED);
                continue;
            }
            sentNow.add(nodeId);
            messages += prepared.messages();
            throughGate += prepared.throughGate() ? 1 : 0;
            inFlight.put(nodeId, new InFlight(prepared, entry.getValue()));
        }
        final long planned = System.nanoTime();
        final long deadline = planned + PATIENCE.toNanos();
        final Set<String> failed = new HashSet<>();
        final List<ReconcilePlan.RecordChange> toRecord = new ArrayList<>();
        final Set<String> recorded = new HashSet<>();
        for (Map.Entry<String, InFlight> entry : Map.copyOf(inFlight).entrySet()) {
            final String nodeId = entry.getKey();
            final InFlight bundle = entry.getValue();
            // this pass's bundles are waited for; an older one still in flight is only looked at
            final Boolean committed = outcomeBy(nodeId, bundle.prepared().sent(),
                sentNow.contains(nodeId) ? deadline : 0);
            if (committed == null) {
                pending.add(nodeId);
                if (bundle.watched().compareAndSet(false, true)) {
                    bundle.prepared().sent().addListener(requestPass, MoreExecutors.directExecutor());
                }
                continue;
            }
            inFlight.remove(nodeId);
            if (committed) {
                final ReconcilePlan plan = bundle.prepared().plan();
                toRecord.addAll(plan.recordChanges(nodeId));
                recorded.add(nodeId);
                changes.put(nodeId, plan.changes());
                installed.put(nodeId, bundle.prepared().wanted());
                lastDesired.put(nodeId, bundle.flows());
                unsure.remove(nodeId);
            } else {
                failed.add(nodeId);
                forget(nodeId);
            }
        }
        if (!sentNow.isEmpty()) {
            // where a large change's time goes: planning and sending, the switches' bundles (the record follows)
            final String waiting = pending.isEmpty() ? "" : "; still waiting for " + pending;
            LOG.info("{} bundles ({} through the switch gate) of {} messages in all: planned and sent in {} ms, "
                + "committed by every switch after {} ms{}", sentNow.size(), throughGate, messages,
                (planned - began) / 1_000_000, (System.nanoTime() - began) / 1_000_000, waiting);
        }
        if (!recorded.isEmpty()) {
            recordLater(toRecord, recorded);
        }
        changes.forEach((nodeId, change) -> {
            if (!change.isEmpty()) {
                LOG.info("{}: {} flows written, {} deleted; {} groups written, {} deleted", nodeId,
                    change.flowsWritten(), change.flowsDeleted(), change.groupsWritten(), change.groupsDeleted());
            }
        });
        return new Outcome(changes, failed, pending);
    }

    /** A switch's bundle not yet ended, with what was asked of the switch. */
    private record InFlight(Prepared prepared, SwitchFlows flows, AtomicBoolean watched) {
        InFlight(final Prepared prepared, final SwitchFlows flows) {
            this(prepared, flows, new AtomicBoolean());
        }
    }

    /**
     * One switch's part of a pass: its plan and the bundle sent, if anything differs.
     *
     * @param nodeId the switch
     * @param plan what changes, or null when nothing was asked that the last pass had not
     * @param wanted what the switch holds once the bundle committed
     * @param sent the bundle's outcome, or null when nothing was sent
     * @param messages how many messages the bundle carries
     * @param throughGate whether the bundle went through the switch gate (else the plugin's bundle service)
     */
    private record Prepared(String nodeId, @Nullable ReconcilePlan plan, ReconcilePlan.@Nullable Contents wanted,
            @Nullable ListenableFuture<Void> sent, int messages, boolean throughGate) {
    }

    private Prepared prepare(final String nodeId, final SwitchFlows flows) {
        final ReconcilePlan.Contents current = installed.computeIfAbsent(nodeId, this::readInstalled);
        final SwitchFlows previous = lastDesired.get(nodeId);
        final boolean vouched = !unsure.contains(nodeId);
        if (flows.equals(previous) && vouched) {
            return new Prepared(nodeId, null, null, null, 0, false);
        }
        final ReconcilePlan.Contents wanted = ReconcilePlan.Contents.translated(flows.flows(),
            translateGroups(nodeId, flows, previous, current));
        final ReconcilePlan plan = ReconcilePlan.of(nodeId, current, wanted);
        if (plan.isEmpty() && vouched) {
            return new Prepared(nodeId, plan, wanted, null, 0, false);
        }
        // only the difference to a switch liveflow vouches for; everything, replacing what it holds, to another
        final boolean delta = vouched && current.flowCount() > 0;
        // a switch liveflow knows nothing of (the first bundle) gets the plan from nothing, not another one
        final boolean holdsNothing = current.flowCount() == 0 && current.groups().isEmpty();
        final Supplier<ReconcilePlan> fromNothing = () -> holdsNothing ? plan
            : ReconcilePlan.of(nodeId, ReconcilePlan.Contents.EMPTY, wanted);
        final Supplier<List<Message>> pluginBundle = () -> {
            final NodeRef node = new NodeRef(nodePath(nodeId).firstIdentifierOf(Node.class));
            return delta ? plan.bundle(node) : ReconcilePlan.replacing(node, fromNothing.get());
        };
        final Long datapathId = datapathIdOf(nodeId);
        if (gateBundles.writesTo(datapathId)) {
            final Optional<List<byte[]>> encoded = delta ? BundleEncoding.of(plan, current, flows.groups())
                : Optional.of(BundleEncoding.replacing(fromNothing.get(), flows.groups()));
            if (encoded.isPresent()) {
                return new Prepared(nodeId, plan, wanted, gateBundles.write(nodeId, datapathId, encoded.orElseThrow(),
                    () -> bundles.write(nodeId, pluginBundle.get())), encoded.orElseThrow().size(), true);
            }
        }
        final List<Message> bundle = pluginBundle.get();
        return new Prepared(nodeId, plan, wanted, bundles.write(nodeId, bundle), bundle.size(), false);
    }

    /** The datapath id a node id of the OpenFlowPlugin names ({@code openflow:<id>}), or null if none. */
    static @Nullable Long datapathIdOf(final String nodeId) {
        if (!nodeId.startsWith(NODE_PREFIX)) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(nodeId.substring(NODE_PREFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Takes note that a switch confirmed a flow-mod sent outside a bundle (the activation fast path's): it holds
     * that flow now, or no longer holds it ({@code removed}). The next pass then does not send it again: Open vSwitch
     * would apply an identical flow as a replacement, which restarts the flow's age, and at a thousand switches
     * every activation would be followed by a thousand bundles repeating it. Called on the OpenFlowPlugin's threads,
     * so it only queues; the next pass takes it in, unless that switch has a bundle in flight or is not vouched for.
     *
     * <p>Only a pass compiled from placements of version {@code firedFor} or later takes it in. A pass compiled
     * before the activation still wants the flows the flow-mod replaced; had it taken the flow-mod in, it would have
     * found the switch different from what it wants and written those flows back (seen in a host evacuation: the
     * senders of seven VMs activated while a pass compiled were turned back to the source for two seconds, until
     * the next pass). Left out, the switch looks to that pass as the pass compiled it, and nothing of it is sent.
     */
    void appliedOutsideBundle(final String nodeId, final FlowSpec spec, final boolean removed, final long firedFor) {
        appliedOutsideBundles.add(new AppliedFlowMod(nodeId, spec, removed, firedFor));
    }

    private void takeInAppliedOutsideBundles(final long compiledFrom) {
        final Map<String, ReconcilePlan.Contents> before = new HashMap<>();
        final Map<String, Map<String, FlowSpec>> after = new HashMap<>();
        final Map<String, Map<String, Flow>> recordedAfter = new HashMap<>();
        // what was last asked of each switch, copied once per switch and pass, not once per flow-mod: a host
        // evacuation confirms thousands of flow-mods on its source, and a copy of that switch's flows per flow-mod
        // kept the programmer's thread busy through the evacuation (Java Flight Recorder, EvacuationBenchmark)
        final Map<String, Map<String, FlowSpec>> askedAfter = new HashMap<>();
        for (Iterator<AppliedFlowMod> queued = appliedOutsideBundles.iterator(); queued.hasNext();) {
            final AppliedFlowMod applied = queued.next();
            if (applied.firedFor() > compiledFrom) {
                // for an activation this pass did not compile: a later pass takes it in
                continue;
            }
            queued.remove();
            final String nodeId = applied.nodeId();
            final ReconcilePlan.Contents current = installed.get(nodeId);
            if (current == null || inFlight.containsKey(nodeId) || unsure.contains(nodeId)) {
                continue;
            }
            before.putIfAbsent(nodeId, current);
            final Map<String, FlowSpec> flows = after.computeIfAbsent(nodeId, node -> new HashMap<>(current.specs()));
            final Map<String, Flow> recorded = recordedAfter.computeIfAbsent(nodeId,
                node -> new HashMap<>(current.recorded()));
            // what was last asked of the switch changes with it: a switch asked the same as last time is left
            // alone, so "the same as last time" must now mean what it holds
            final SwitchFlows asked = lastDesired.get(nodeId);
            final Map<String, FlowSpec> specs = asked == null ? null
                : askedAfter.computeIfAbsent(nodeId, node -> new HashMap<>(asked.flows()));
            final String id = applied.spec().id();
            recorded.remove(id);
            if (applied.removed()) {
                flows.remove(id);
                if (specs != null) {
                    specs.remove(id);
                }
            } else {
                flows.put(id, applied.spec());
                if (specs != null) {
                    specs.put(id, applied.spec());
                }
            }
        }
        askedAfter.forEach((nodeId, specs) -> lastDesired.put(nodeId,
            new SwitchFlows(specs, lastDesired.get(nodeId).groups())));
        final List<ReconcilePlan.RecordChange> toRecord = new ArrayList<>();
        after.forEach((nodeId, flows) -> {
            final ReconcilePlan.Contents now = new ReconcilePlan.Contents(flows, recordedAfter.get(nodeId),
                before.get(nodeId).groups());
            toRecord.addAll(ReconcilePlan.of(nodeId, before.get(nodeId), now).recordChanges(nodeId));
            installed.put(nodeId, now);
        });
        if (!after.isEmpty()) {
            recordLater(toRecord, after.keySet());
        }
    }

    /** Queues a record write, counted from before it is queued so the shell never shows a queued write as none. */
    private void recordLater(final List<ReconcilePlan.RecordChange> changes, final Set<String> nodeIds) {
        unrecorded.addAndGet(changes.size());
        recorder.execute(() -> {
            try {
                record(changes, nodeIds);
            } finally {
                unrecorded.addAndGet(-changes.size());
            }
        });
    }

    /**
     * Returns how many changes the switches committed are not in the record yet (queued, or in the transaction
     * being written).
     */
    public long unrecordedChanges() {
        return unrecorded.get();
    }

    /**
     * Writes what the switches committed into the record, in the order the passes made it. Nothing waits for it:
     * the switches already hold it and liveflow's memory of them is up to date; the record is what a restarted
     * controller, or another member, starts from. If it cannot be written, those switches are replaced at the next
     * pass, which this asks for. Flows are translated here, one transaction at a time ({@link ChunkedWrites}), so
     * what waits for this thread is specs, and what it holds at once is one transaction's flows.
     */
    private void record(final List<ReconcilePlan.RecordChange> changes, final Set<String> nodeIds) {
        final long began = System.nanoTime();
        final ChunkedWrites record = new ChunkedWrites(broker, OPERATIONS_PER_TRANSACTION, TIMEOUT_SECONDS);
        try {
            changes.forEach(change -> change.applyTo(record));
            record.commit();
            final long took = (System.nanoTime() - began) / 1_000_000;
            if (took > 100) {
                LOG.info("recorded what {} switches committed in {} ms", nodeIds.size(), took);
            }
        } catch (IllegalStateException e) {
            LOG.error("Recording what {} switches hold failed; their next bundle replaces all they hold", nodeIds, e);
            synchronized (this) {
                nodeIds.forEach(this::forget);
            }
            requestPass.run();
        }
    }

    /**
     * Waits for a switch's bundle until the deadline; says (and logs) whether it committed, or null if it has not
     * ended yet.
     */
    private static @Nullable Boolean outcomeBy(final String nodeId, final ListenableFuture<Void> bundle,
            final long deadlineNanos) {
        try {
            bundle.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("{}: interrupted waiting for its bundle", nodeId);
            return false;
        } catch (ExecutionException e) {
            LOG.warn("{}: bundle not committed, the switch keeps what it had: {}", nodeId, e.getCause().getMessage());
            return false;
        }
    }

    /** Drops what liveflow believed of a switch: its record is read again, and its next bundle replaces all. */
    private void forget(final String nodeId) {
        installed.remove(nodeId);
        lastDesired.remove(nodeId);
        unsure.add(nodeId);
    }

    /**
     * Translates the desired groups, reusing the installed object of every group the previous reconcile asked for
     * in the same form (the translation is a pure function of the spec). Flows stay specs ({@link
     * ReconcilePlan.Contents}).
     */
    private static Map<Long, Group> translateGroups(final String nodeId, final SwitchFlows desired,
            final @Nullable SwitchFlows previous, final ReconcilePlan.Contents current) {
        final Map<Long, Group> groups = new HashMap<>();
        for (Map.Entry<Long, GroupSpec> spec : desired.groups().entrySet()) {
            final Group same = previous != null && spec.getValue().equals(previous.groups().get(spec.getKey()))
                ? current.groups().get(spec.getKey()) : null;
            groups.put(spec.getKey(), same != null ? same : OpenflowTranslator.group(nodeId, spec.getValue()));
        }
        return groups;
    }

    /**
     * Returns the liveflow groups the config inventory holds for a switch, by group id.
     */
    public Map<Long, Group> installedGroups(final String nodeId) {
        return Map.copyOf(installed.computeIfAbsent(nodeId, this::readInstalled).groups());
    }

    /**
     * Returns the liveflow flows a switch holds, by flow id (what the shell diffs), as the OpenFlowPlugin's objects:
     * translated now, so for one switch at a time.
     */
    public Map<String, Flow> installedFlows(final String nodeId) {
        return Map.copyOf(installed.computeIfAbsent(nodeId, this::readInstalled).flows(nodeId));
    }

    /**
     * Returns how many liveflow flows a switch holds.
     */
    public int installedFlowCount(final String nodeId) {
        return installed.computeIfAbsent(nodeId, this::readInstalled).flowCount();
    }

    private ReconcilePlan.Contents readInstalled(final String nodeId) {
        final Map<String, Flow> flows = new HashMap<>();
        final Map<Long, Group> groups = new HashMap<>();
        try (ReadTransaction tx = broker.newReadOnlyTransaction()) {
            final Optional<FlowCapableNode> node = tx.read(CONFIGURATION, nodePath(nodeId))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            node.ifPresent(present -> {
                for (Table table : present.nonnullTable().values()) {
                    for (Flow flow : table.nonnullFlow().values()) {
                        if (flow.getId().getValue().startsWith(LIVEFLOW_FLOW_PREFIX)) {
                            flows.put(flow.getId().getValue(), flow);
                        }
                    }
                }
                for (Group group : present.nonnullGroup().values()) {
                    groups.put(group.getGroupId().getValue().toJava(), group);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading " + nodeId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the config inventory of " + nodeId, e);
        }
        LOG.info("{}: config inventory holds {} liveflow flows and {} groups", nodeId, flows.size(), groups.size());
        return ReconcilePlan.Contents.recorded(flows, groups);
    }

    static InstanceIdentifier<FlowCapableNode> nodePath(final String nodeId) {
        return InstanceIdentifier.create(Nodes.class).child(Node.class, new NodeKey(new NodeId(nodeId)))
            .augmentation(FlowCapableNode.class);
    }
}
