/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import com.google.common.collect.Sets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.impl.compiler.Action;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.GroupActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.Table;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.TableKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.GroupKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.add.bundle.messages.input.messages.Message;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * What turns the flows and groups a switch holds (liveflow's record of it) into those wanted, as a pure function,
 * in three steps that go to the switch in this order, in one bundle:
 *
 * <ol>
 *   <li>groups written, flows deleted, and new flows that use no group;</li>
 *   <li>the other flows written (changed ones, and new ones that use a group);</li>
 *   <li>groups deleted.</li>
 * </ol>
 *
 * <p>Why this order, although the switch applies a bundle at once: Open vSwitch checks each message of a bundle
 * against the switch as the messages before it left it, so a flow may only point at a group an earlier message
 * (or the switch) has, and it deletes the flows that use a group it deletes (so a group goes only after the
 * flows that pointed at it were rewritten).
 *
 * @param first groups written, flows deleted, new flows that use no group
 * @param second the other flows written
 * @param third groups deleted
 * @param changes the counts, for the log and the caller
 */
record ReconcilePlan(List<Change> first, List<Change> second, List<Change> third,
        FlowReconciler.Changes changes) {

    /**
     * Flows and groups of one switch, by flow id and group id. A flow liveflow translated is kept as its spec, and
     * translated again when a bundle or the record needs it: the OpenFlowPlugin's object of a flow takes about 2 KB
     * of heap, several times its spec, and what every switch holds is kept for as long as the switch is connected
     * (a million flows at a thousand chassis). A flow read from the record has no spec and is kept as read.
     *
     * @param specs the flows liveflow translated, by id
     * @param recorded the flows read from the record, by id (none of them in {@code specs})
     * @param groups the groups, by id
     */
    record Contents(Map<String, FlowSpec> specs, Map<String, Flow> recorded, Map<Long, Group> groups) {
        static final Contents EMPTY = new Contents(Map.of(), Map.of(), Map.of());

        Contents {
            if (!Collections.disjoint(specs.keySet(), recorded.keySet())) {
                throw new IllegalArgumentException("a flow is both translated and recorded");
            }
        }

        /** What liveflow translated: every flow as its spec. */
        static Contents translated(final Map<String, FlowSpec> specs, final Map<Long, Group> groups) {
            return new Contents(specs, Map.of(), groups);
        }

        /** What the record holds: every flow as read. */
        static Contents recorded(final Map<String, Flow> flows, final Map<Long, Group> groups) {
            return new Contents(Map.of(), flows, groups);
        }

        int flowCount() {
            return specs.size() + recorded.size();
        }

        boolean holdsFlow(final String id) {
            return specs.containsKey(id) || recorded.containsKey(id);
        }

        /** The ids of every flow held, as a view (no copy: a pass asks this of every switch). */
        Set<String> flowIds() {
            return Sets.union(specs.keySet(), recorded.keySet());
        }

        /** The inventory object of one flow (translated now if kept as its spec), or null if not held. */
        @Nullable Flow flow(final String nodeId, final String id) {
            final FlowSpec spec = specs.get(id);
            return spec != null ? OpenflowTranslator.flow(nodeId, spec) : recorded.get(id);
        }

        /** Every flow as its inventory object, by id: for the shell and tests, not for a pass. */
        Map<String, Flow> flows(final String nodeId) {
            final Map<String, Flow> flows = new HashMap<>(recorded);
            specs.forEach((id, spec) -> flows.put(id, OpenflowTranslator.flow(nodeId, spec)));
            return flows;
        }
    }

    /** A change of the record (the config inventory), as its writer takes it. */
    sealed interface RecordChange permits Put, RecordedFlowPut, RecordedDelete {
        void applyTo(ChunkedWrites writes);
    }

    /** One change of the switch (its bundle messages); {@link #recordChanges} gives the record's. */
    sealed interface Change {
        InstanceIdentifier<?> path();

        void addTo(List<Message> bundle, NodeRef node);
    }

    /**
     * A flow or group written; {@code previous} is what the record held under the same key, if anything, and
     * {@code spec} the flow's spec when it was translated from one.
     */
    record Put<T extends DataObject>(InstanceIdentifier<T> path, T data, @Nullable T previous,
            @Nullable FlowSpec spec) implements Change, RecordChange {
        @Override
        public void applyTo(final ChunkedWrites writes) {
            writes.put(path, data);
        }

        @Override
        public void addTo(final List<Message> bundle, final NodeRef node) {
            if (data instanceof Group group) {
                bundle.add(previous == null ? BundleMessages.addGroup(node, group)
                    : BundleMessages.modifyGroup(node, group));
            } else if (data instanceof Flow flow) {
                final Flow old = replacedFlow();
                if (old != null) {
                    bundle.add(BundleMessages.removeFlow(node, old));
                }
                bundle.add(BundleMessages.addFlow(node, flow));
            }
        }

        /**
         * The flow this one replaces under another OpenFlow match, which must be deleted before it is added; null if
         * none. A flow-mod add replaces the flow with the same table, priority and match; a flow whose match changed
         * under the same id is another OpenFlow flow, and the old one would stay.
         */
        @Nullable Flow replacedFlow() {
            return data instanceof Flow flow && previous instanceof Flow old && !sameOpenflowKey(old, flow) ? old
                : null;
        }
    }

    /**
     * A flow of the record written, kept as its spec and translated when the writer builds its transaction: the
     * writer falls minutes behind the switches when a thousand chassis are programmed at once, and 1.5 million
     * translated flows waiting for it took 3 GB of a 12 GB heap (as specs, 1.9 million took 45 MB).
     */
    record RecordedFlowPut(String nodeId, FlowSpec spec) implements RecordChange {
        @Override
        public void applyTo(final ChunkedWrites writes) {
            final Flow flow = OpenflowTranslator.flow(nodeId, spec);
            writes.put(flowPath(FlowReconciler.nodePath(nodeId), flow), flow);
        }
    }

    /** A flow or group of the record deleted: only its path waits for the writer. */
    record RecordedDelete(InstanceIdentifier<?> path) implements RecordChange {
        @Override
        public void applyTo(final ChunkedWrites writes) {
            writes.delete(path);
        }
    }

    /**
     * A flow the switch does not hold, kept as its spec: translated into the plugin's object only if its bundle takes
     * the plugin's way. A bundle through the gate encodes the spec itself ({@link BundleEncoding}), and translating
     * every flow of a large change was a fifth of the programmer's time (a profile of the lab benchmark).
     *
     * @param nodeId the switch
     * @param id the flow's id ({@link FlowSpec#id}, computed once by the compiler)
     * @param spec the flow
     */
    record NewFlow(String nodeId, String id, FlowSpec spec) implements Change {
        @Override
        public InstanceIdentifier<Flow> path() {
            return FlowReconciler.nodePath(nodeId).child(Table.class, new TableKey(Uint8.valueOf(spec.table().id())))
                .child(Flow.class, new FlowKey(new FlowId(id)));
        }

        @Override
        public void addTo(final List<Message> bundle, final NodeRef node) {
            bundle.add(BundleMessages.addFlow(node, OpenflowTranslator.flow(nodeId, spec)));
        }

        boolean usesGroup() {
            return spec.actions().stream().anyMatch(Action.Group.class::isInstance);
        }
    }

    /** A flow or group deleted. */
    record Delete<T extends DataObject>(InstanceIdentifier<T> path, T data) implements Change {
        @Override
        public void addTo(final List<Message> bundle, final NodeRef node) {
            if (data instanceof Group group) {
                bundle.add(BundleMessages.removeGroup(node, group));
            } else if (data instanceof Flow flow) {
                bundle.add(BundleMessages.removeFlow(node, flow));
            }
        }
    }

    ReconcilePlan {
        first = List.copyOf(first);
        second = List.copyOf(second);
        third = List.copyOf(third);
    }

    static ReconcilePlan of(final String nodeId, final Contents current, final Contents wanted) {
        final InstanceIdentifier<FlowCapableNode> node = FlowReconciler.nodePath(nodeId);
        final List<Change> first = new ArrayList<>();
        final List<Change> second = new ArrayList<>();
        final List<Change> third = new ArrayList<>();
        int groupsWritten = 0;
        for (Map.Entry<Long, Group> group : wanted.groups().entrySet()) {
            if (!group.getValue().equals(current.groups().get(group.getKey()))) {
                first.add(new Put<>(groupPath(node, group.getKey()), group.getValue(),
                    current.groups().get(group.getKey()), null));
                groupsWritten++;
            }
        }
        int flowsDeleted = 0;
        for (String id : current.flowIds()) {
            if (!wanted.holdsFlow(id)) {
                final Flow gone = current.flow(nodeId, id);
                first.add(new Delete<>(flowPath(node, gone), gone));
                flowsDeleted++;
            }
        }
        int flowsWritten = 0;
        for (String id : wanted.flowIds()) {
            final FlowSpec wantedSpec = wanted.specs().get(id);
            final FlowSpec heldSpec = current.specs().get(id);
            if (wantedSpec != null && wantedSpec.equals(heldSpec)) {
                // the translation is a pure function of the spec: the same spec is the same flow
                continue;
            }
            if (wantedSpec != null && !current.holdsFlow(id)) {
                final NewFlow added = new NewFlow(nodeId, id, wantedSpec);
                (added.usesGroup() ? second : first).add(added);
                flowsWritten++;
                continue;
            }
            final Flow flow = wanted.flow(nodeId, id);
            final Flow installed = current.flow(nodeId, id);
            if (!flow.equals(installed)) {
                (installed == null && !usesGroup(flow) ? first : second)
                    .add(new Put<>(flowPath(node, flow), flow, installed, wantedSpec));
                flowsWritten++;
            }
        }
        int groupsDeleted = 0;
        for (Map.Entry<Long, Group> group : current.groups().entrySet()) {
            if (!wanted.groups().containsKey(group.getKey())) {
                third.add(new Delete<>(groupPath(node, group.getKey()), group.getValue()));
                groupsDeleted++;
            }
        }
        return new ReconcilePlan(first, second, third,
            new FlowReconciler.Changes(flowsWritten, flowsDeleted, groupsWritten, groupsDeleted));
    }

    /**
     * Returns this switch's bundle: every change of the three steps, in order.
     */
    List<Message> bundle(final NodeRef node) {
        final List<Message> bundle = new ArrayList<>();
        for (List<Change> step : List.of(first, second, third)) {
            step.forEach(change -> change.addTo(bundle, node));
        }
        return bundle;
    }

    /**
     * Returns the bundle that makes a switch hold exactly what is wanted, whatever it holds now: everything
     * deleted, then the groups and the flows added.
     */
    static List<Message> replacing(final String nodeId, final NodeRef node, final Contents wanted) {
        return replacing(node, of(nodeId, Contents.EMPTY, wanted));
    }

    /**
     * As {@link #replacing(String, NodeRef, Contents)}, from the plan that takes a switch holding nothing to what
     * is wanted (which has translated every flow already).
     */
    static List<Message> replacing(final NodeRef node, final ReconcilePlan fromNothing) {
        final List<Message> bundle = new ArrayList<>();
        bundle.add(BundleMessages.removeAllFlows(node));
        bundle.add(BundleMessages.removeAllGroups(node));
        bundle.addAll(fromNothing.bundle(node));
        return bundle;
    }

    /**
     * Returns what the record needs of this plan once the switch committed it, in order: every change, with a flow
     * written kept as its spec and a deletion as its path (see {@link RecordedFlowPut}).
     */
    List<RecordChange> recordChanges(final String nodeId) {
        return all().<RecordChange>map(change -> {
            if (change instanceof Put<?> put) {
                return put.spec() != null ? new RecordedFlowPut(nodeId, put.spec()) : put;
            }
            if (change instanceof NewFlow added) {
                return new RecordedFlowPut(nodeId, added.spec());
            }
            return new RecordedDelete(change.path());
        }).toList();
    }

    /** Every change of the three steps, in order. */
    Stream<Change> all() {
        return Stream.of(first, second, third).flatMap(List::stream);
    }

    boolean isEmpty() {
        return first.isEmpty() && second.isEmpty() && third.isEmpty();
    }

    /** Whether two flows are the same OpenFlow flow (table, priority, match), whatever their actions. */
    private static boolean sameOpenflowKey(final Flow one, final Flow other) {
        return Objects.equals(one.getTableId(), other.getTableId())
            && Objects.equals(one.getPriority(), other.getPriority())
            && Objects.equals(one.getMatch(), other.getMatch());
    }

    static boolean usesGroup(final Flow flow) {
        return flow.getInstructions() != null && flow.getInstructions().nonnullInstruction().values().stream()
            .anyMatch(instruction -> instruction.getInstruction() instanceof ApplyActionsCase apply
                && apply.getApplyActions().nonnullAction().values().stream()
                    .anyMatch(action -> action.getAction() instanceof GroupActionCase));
    }

    static InstanceIdentifier<Flow> flowPath(final InstanceIdentifier<FlowCapableNode> node, final Flow flow) {
        return node.child(Table.class, new TableKey(Uint8.valueOf(flow.getTableId().toJava())))
            .child(Flow.class, new FlowKey(new FlowId(flow.getId())));
    }

    static InstanceIdentifier<Group> groupPath(final InstanceIdentifier<FlowCapableNode> node, final long groupId) {
        return node.child(Group.class, new GroupKey(new GroupId(Uint32.valueOf(groupId))));
    }
}
