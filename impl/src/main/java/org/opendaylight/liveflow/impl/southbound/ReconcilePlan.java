/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * What turns the flows and groups a switch's config inventory holds into those wanted, as a pure function, in the
 * three steps {@link FlowReconciler} commits one after the other (every switch's first step, then every switch's
 * second, then every third):
 *
 * <ol>
 *   <li>groups written, flows deleted, and new flows that use no group;</li>
 *   <li>the other flows written (changed ones, and new ones that use a group);</li>
 *   <li>groups deleted.</li>
 * </ol>
 *
 * <p>Why this order: a flow may only point at a group the switch already has (Open vSwitch refuses the flow-mod
 * otherwise), Open vSwitch deletes the flows that use a group it deletes (so a group goes only after the flows
 * that pointed at it were rewritten), and what a change adds above an existing flow (a migration's guard for
 * tunnelled traffic, say) must be on the switch before that flow changes, or a packet can take the new path
 * without the guard.
 *
 * @param first groups written, flows deleted, new flows that use no group
 * @param second the other flows written
 * @param third groups deleted
 * @param changes the counts, for the log and the caller
 */
record ReconcilePlan(List<Change> first, List<Change> second, List<Change> third,
        FlowReconciler.Changes changes) {

    /** Flows and groups of one switch, by flow id and group id. */
    record Contents(Map<String, Flow> flows, Map<Long, Group> groups) {
        static final Contents EMPTY = new Contents(Map.of(), Map.of());
    }

    /** One change of the config inventory. */
    sealed interface Change {
        InstanceIdentifier<?> path();

        void applyTo(ChunkedWrites writes);
    }

    /** A flow or group written. */
    record Put<T extends DataObject>(InstanceIdentifier<T> path, T data) implements Change {
        @Override
        public void applyTo(final ChunkedWrites writes) {
            writes.put(path, data);
        }
    }

    /** A flow or group deleted. */
    record Delete(InstanceIdentifier<?> path) implements Change {
        @Override
        public void applyTo(final ChunkedWrites writes) {
            writes.delete(path);
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
                first.add(new Put<>(groupPath(node, group.getKey()), group.getValue()));
                groupsWritten++;
            }
        }
        int flowsDeleted = 0;
        for (Map.Entry<String, Flow> flow : current.flows().entrySet()) {
            if (!wanted.flows().containsKey(flow.getKey())) {
                first.add(new Delete(flowPath(node, flow.getValue())));
                flowsDeleted++;
            }
        }
        int flowsWritten = 0;
        for (Map.Entry<String, Flow> flow : wanted.flows().entrySet()) {
            final Flow installed = current.flows().get(flow.getKey());
            if (!flow.getValue().equals(installed)) {
                (installed == null && !usesGroup(flow.getValue()) ? first : second)
                    .add(new Put<>(flowPath(node, flow.getValue()), flow.getValue()));
                flowsWritten++;
            }
        }
        int groupsDeleted = 0;
        for (Long groupId : current.groups().keySet()) {
            if (!wanted.groups().containsKey(groupId)) {
                third.add(new Delete(groupPath(node, groupId)));
                groupsDeleted++;
            }
        }
        return new ReconcilePlan(first, second, third,
            new FlowReconciler.Changes(flowsWritten, flowsDeleted, groupsWritten, groupsDeleted));
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
