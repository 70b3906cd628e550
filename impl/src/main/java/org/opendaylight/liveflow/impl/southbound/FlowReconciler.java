/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.CONFIGURATION;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.GroupSpec;
import org.opendaylight.liveflow.impl.compiler.SwitchFlows;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadTransaction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.Table;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.NodeKey;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that changes what switches hold. Per switch it compares the desired flows and groups with
 * what liveflow has in the OpenFlowPlugin's config inventory and writes only the difference: new and changed
 * flows are put (a changed flow keeps its id, so the switch sees a modify), vanished ones deleted, unchanged
 * ones never touched. The forwarding-rules manager pushes the config inventory to the switch and re-syncs a
 * switch that reconnects; the config datastore survives a controller restart, so a restart rewrites nothing.
 *
 * <p>Groups are written before the flows that use them and deleted after the flows that used them.
 */
public final class FlowReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(FlowReconciler.class);
    private static final String LIVEFLOW_FLOW_PREFIX = "lf-";
    private static final long TIMEOUT_SECONDS = 30;
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

    private final DataBroker broker;
    /** Read by the shell while a reconcile runs (a pass over 100 chassis takes minutes): a concurrent map. */
    private final Map<String, ReconcilePlan.Contents> installed = new ConcurrentHashMap<>();
    /**
     * What the compiler asked for each switch at the last successful reconcile: a switch asked the same again is
     * left alone, and an unchanged flow reuses its translation. Building and comparing the inventory objects of
     * every flow of every switch took most of a pass (hundreds of ms at 20 chassis on a loaded machine), time
     * every other change waited behind.
     */
    private final Map<String, SwitchFlows> lastDesired = new HashMap<>();

    public FlowReconciler(final DataBroker broker) {
        this.broker = broker;
    }

    /**
     * Makes the config inventory of every given switch hold exactly what is desired for it, in the three steps of
     * {@link ReconcilePlan} whatever the number of switches (groups, deletions and new flows that use no group,
     * then the other flows, then group deletions), each one transaction unless it is larger than
     * {@link #OPERATIONS_PER_TRANSACTION}, so a change that touches every chassis (a migration's activation) reaches
     * them together. Returns what changed, per switch. When a step fails, what liveflow knows of these switches is
     * read again from the datastore next time.
     */
    public synchronized Map<String, Changes> reconcileAll(final Map<String, SwitchFlows> desired) {
        final ChunkedWrites first = new ChunkedWrites(broker, OPERATIONS_PER_TRANSACTION);
        final ChunkedWrites second = new ChunkedWrites(broker, OPERATIONS_PER_TRANSACTION);
        final ChunkedWrites third = new ChunkedWrites(broker, OPERATIONS_PER_TRANSACTION);
        final Map<String, Changes> changes = new HashMap<>();
        final Map<String, ReconcilePlan.Contents> next = new HashMap<>();
        for (Map.Entry<String, SwitchFlows> entry : desired.entrySet()) {
            final String nodeId = entry.getKey();
            final ReconcilePlan.Contents current = installed.computeIfAbsent(nodeId, this::readInstalled);
            final SwitchFlows previous = lastDesired.get(nodeId);
            if (entry.getValue().equals(previous)) {
                changes.put(nodeId, Changes.NONE_CHANGED);
                continue;
            }
            final ReconcilePlan.Contents wanted = translate(nodeId, entry.getValue(), previous, current);
            final ReconcilePlan plan = ReconcilePlan.of(nodeId, current, wanted);
            plan.first().forEach(change -> change.applyTo(first));
            plan.second().forEach(change -> change.applyTo(second));
            plan.third().forEach(change -> change.applyTo(third));
            changes.put(nodeId, plan.changes());
            next.put(nodeId, wanted);
        }
        try {
            first.commit(TIMEOUT_SECONDS);
            second.commit(TIMEOUT_SECONDS);
            // Open vSwitch deletes the flows that use a deleted group: the group goes only after the flows that
            // pointed at it were rewritten (a migration's delivery group, say)
            third.commit(TIMEOUT_SECONDS);
        } catch (IllegalStateException e) {
            // some steps may be in the datastore and others not: forget what was believed of these switches
            next.keySet().forEach(nodeId -> {
                installed.remove(nodeId);
                lastDesired.remove(nodeId);
            });
            throw e;
        }
        installed.putAll(next);
        next.keySet().forEach(nodeId -> lastDesired.put(nodeId, desired.get(nodeId)));
        changes.forEach((nodeId, change) -> {
            if (!change.isEmpty()) {
                LOG.info("{}: {} flows written, {} deleted; {} groups written, {} deleted", nodeId,
                    change.flowsWritten(), change.flowsDeleted(), change.groupsWritten(), change.groupsDeleted());
            }
        });
        return changes;
    }

    /**
     * Translates what is desired, reusing the installed object of every flow and group the previous reconcile
     * asked for in the same form (the translation is a pure function of the spec).
     */
    private static ReconcilePlan.Contents translate(final String nodeId, final SwitchFlows desired,
            final @Nullable SwitchFlows previous, final ReconcilePlan.Contents current) {
        final Map<String, Flow> flows = new HashMap<>();
        for (Map.Entry<String, FlowSpec> spec : desired.flows().entrySet()) {
            final Flow same = previous != null && spec.getValue().equals(previous.flows().get(spec.getKey()))
                ? current.flows().get(spec.getKey()) : null;
            flows.put(spec.getKey(), same != null ? same : OpenflowTranslator.flow(nodeId, spec.getValue()));
        }
        final Map<Long, Group> groups = new HashMap<>();
        for (Map.Entry<Long, GroupSpec> spec : desired.groups().entrySet()) {
            final Group same = previous != null && spec.getValue().equals(previous.groups().get(spec.getKey()))
                ? current.groups().get(spec.getKey()) : null;
            groups.put(spec.getKey(), same != null ? same : OpenflowTranslator.group(nodeId, spec.getValue()));
        }
        return new ReconcilePlan.Contents(flows, groups);
    }

    /**
     * Returns the liveflow groups the config inventory holds for a switch, by group id.
     */
    public Map<Long, Group> installedGroups(final String nodeId) {
        return Map.copyOf(installed.computeIfAbsent(nodeId, this::readInstalled).groups());
    }

    /**
     * Returns the liveflow flows the config inventory holds for a switch, by flow id (what the shell diffs).
     */
    public Map<String, Flow> installedFlows(final String nodeId) {
        return Map.copyOf(installed.computeIfAbsent(nodeId, this::readInstalled).flows());
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
        return new ReconcilePlan.Contents(flows, groups);
    }

    static InstanceIdentifier<FlowCapableNode> nodePath(final String nodeId) {
        return InstanceIdentifier.create(Nodes.class).child(Node.class, new NodeKey(new NodeId(nodeId)))
            .augmentation(FlowCapableNode.class);
    }
}
