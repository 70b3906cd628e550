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
import static org.opendaylight.liveflow.impl.southbound.LabFlows.groupsUsedBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.compiler.PortMigration.Phase;
import org.opendaylight.liveflow.impl.compiler.SwitchFlows;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * The reconciler's write and delete order on real compiled flows: a switch never gets a flow before the group it
 * uses, never loses a group while a flow still uses it, and gets what a change adds before what it changes.
 */
class ReconcilePlanTest {
    private static ReconcilePlan plan(final ReconcilePlan.Contents current, final ReconcilePlan.Contents wanted) {
        return ReconcilePlan.of(LabFlows.NODE, current, wanted);
    }

    /** The flows a step writes, as the plugin's objects (a new flow is kept as its spec: translated here). */
    private static Stream<Flow> flowsPut(final List<ReconcilePlan.Change> step) {
        return step.stream().<Flow>mapMulti((change, flows) -> {
            if (change instanceof ReconcilePlan.Put<?> put && put.data() instanceof Flow flow) {
                flows.accept(flow);
            } else if (change instanceof ReconcilePlan.NewFlow added) {
                flows.accept(OpenflowTranslator.flow(added.nodeId(), added.spec()));
            }
        });
    }

    private static Set<Long> groupsPut(final List<ReconcilePlan.Change> step) {
        final Set<Long> groups = new HashSet<>();
        step.stream().filter(ReconcilePlan.Put.class::isInstance).map(change -> ((ReconcilePlan.Put<?>) change)
            .data()).filter(Group.class::isInstance)
            .forEach(group -> groups.add(((Group) group).getGroupId().getValue().toJava()));
        return groups;
    }

    @Test
    void anEmptySwitchGetsEveryGroupWithTheFlowsThatUseNoneAndThenTheFlowsThatUseOne() {
        final ReconcilePlan.Contents wanted = LabFlows.translate(LabFlows.compile("c1", Phase.PREPARED));
        final ReconcilePlan plan = plan(ReconcilePlan.Contents.EMPTY, wanted);
        assertEquals(wanted.groups().keySet(), groupsPut(plan.first()));
        assertFalse(wanted.groups().isEmpty(), "the lab must have groups for this test to mean something");
        assertTrue(flowsPut(plan.first()).allMatch(flow -> groupsUsedBy(flow).isEmpty()));
        final List<Flow> second = flowsPut(plan.second()).toList();
        assertFalse(second.isEmpty(), "the lab must have flows that use a group");
        second.forEach(flow -> assertTrue(wanted.groups().keySet().containsAll(groupsUsedBy(flow)), flow.toString()));
        assertEquals(List.of(), plan.third());
        assertEquals(new FlowReconciler.Changes(wanted.flowCount(), 0, wanted.groups().size(), 0), plan.changes());
    }

    @Test
    void whatIsAlreadyThereIsNotWrittenAgain() {
        final ReconcilePlan.Contents wanted = LabFlows.translate(LabFlows.compile("c1", Phase.PREPARED));
        final ReconcilePlan plan = plan(wanted, LabFlows.translate(LabFlows.compile("c1", Phase.PREPARED)));
        assertTrue(plan.changes().isEmpty(), plan.changes().toString());
        assertEquals(List.of(), plan.first());
        assertEquals(List.of(), plan.second());
        assertEquals(List.of(), plan.third());
    }

    @Test
    void aSwitchKnownFromItsRecordThatHoldsWhatIsWantedIsNotWrittenAgain() {
        // a restarted controller reads inventory objects, not specs: it must find them equal to what it translates
        final SwitchFlows flows = LabFlows.compile("c1", Phase.PREPARED);
        final ReconcilePlan plan = plan(LabFlows.recorded(flows), LabFlows.translate(flows));
        assertTrue(plan.changes().isEmpty(), plan.changes().toString());
    }

    @Test
    void aRecordedFlowThatDiffersIsRewrittenWithTheRecordedOneAsWhatItReplaces() {
        final SwitchFlows flows = LabFlows.compile("c1", null);
        final ReconcilePlan.Contents wanted = LabFlows.translate(flows);
        final Map<String, Flow> recorded = new HashMap<>(LabFlows.recorded(flows).recorded());
        final Flow changed = recorded.values().iterator().next();
        final Flow older = new FlowBuilder(changed).setCookie(new FlowCookie(Uint64.valueOf(7))).build();
        recorded.put(changed.getId().getValue(), older);
        final ReconcilePlan plan = plan(ReconcilePlan.Contents.recorded(recorded, wanted.groups()), wanted);
        assertEquals(new FlowReconciler.Changes(1, 0, 0, 0), plan.changes());
        final ReconcilePlan.Put<?> put = (ReconcilePlan.Put<?>) plan.all().findFirst().orElseThrow();
        assertEquals(changed, put.data());
        assertEquals(older, put.previous());
    }

    @Test
    void aFlowIsEitherTranslatedOrRecordedNotBoth() {
        final SwitchFlows flows = LabFlows.compile("c1", null);
        assertThrows(IllegalArgumentException.class, () -> new ReconcilePlan.Contents(flows.flows(),
            LabFlows.recorded(flows).recorded(), Map.of()));
    }

    @Test
    void theEndOfAMigrationDeletesItsGroupOnlyAfterRewritingTheFlowsThatUsedIt() {
        final ReconcilePlan.Contents prepared = LabFlows.translate(LabFlows.compile("c2", Phase.PREPARED));
        final ReconcilePlan.Contents bound = LabFlows.translate(LabFlows.compile("c2", null));
        final ReconcilePlan plan = plan(prepared, bound);
        final Set<Long> deleted = new HashSet<>(prepared.groups().keySet());
        deleted.removeAll(bound.groups().keySet());
        assertEquals(deleted.size(), plan.third().size());
        assertTrue(plan.third().stream().allMatch(ReconcilePlan.Delete.class::isInstance));
        // no flow written in the first two steps points at a group the third deletes
        Stream.concat(flowsPut(plan.first()), flowsPut(plan.second())).forEach(flow -> assertTrue(
            groupsUsedBy(flow).stream().noneMatch(deleted::contains), flow.toString()));
        // and every flow of the prepared switch that pointed at one is deleted or rewritten before that
        final Set<String> rewritten = new HashSet<>();
        Stream.concat(plan.first().stream(), plan.second().stream())
            .forEach(change -> rewritten.add(change.path().toString()));
        prepared.flows(LabFlows.NODE).values().stream()
            .filter(flow -> groupsUsedBy(flow).stream().anyMatch(deleted::contains))
            .forEach(flow -> assertTrue(rewritten.contains(ReconcilePlan.flowPath(FlowReconciler.nodePath(
                LabFlows.NODE), flow).toString()), flow.getId().getValue()));
    }

    @Test
    void aChangedFlowWaitsForTheSecondStepAndADeletedOneGoesInTheFirst() {
        final ReconcilePlan.Contents prepared = LabFlows.translate(LabFlows.compile("c1", Phase.PREPARED));
        final ReconcilePlan.Contents switched = LabFlows.translate(LabFlows.compile("c1", Phase.SWITCHED));
        final ReconcilePlan plan = plan(prepared, switched);
        flowsPut(plan.first()).forEach(flow -> assertFalse(prepared.holdsFlow(flow.getId().getValue()),
            "the first step writes new flows only: " + flow.getId().getValue()));
        flowsPut(plan.second()).forEach(flow -> assertTrue(prepared.holdsFlow(flow.getId().getValue())
            || !groupsUsedBy(flow).isEmpty(), flow.getId().getValue()));
        final long deletions = plan.first().stream().filter(ReconcilePlan.Delete.class::isInstance).count();
        assertEquals(prepared.flowIds().stream().filter(id -> !switched.holdsFlow(id)).count(),
            deletions);
        assertTrue(plan.changes().flowsWritten() > 0, "activation changes the source's flows");
    }

    @Test
    void theRecordGetsEveryChangeInOrderWithWrittenFlowsAsSpecsThatTranslateToWhatTheSwitchGot() {
        final ReconcilePlan.Contents bound = LabFlows.translate(LabFlows.compile("c2", null));
        final ReconcilePlan.Contents prepared = LabFlows.translate(LabFlows.compile("c2", Phase.PREPARED));
        final ReconcilePlan.Contents switched = LabFlows.translate(LabFlows.compile("c2", Phase.SWITCHED));
        // preparing adds flows to the destination, switching rewrites and deletes some
        final List<ReconcilePlan.Change> changes = new ArrayList<>();
        final List<ReconcilePlan.RecordChange> record = new ArrayList<>();
        for (ReconcilePlan plan : List.of(plan(bound, prepared), plan(prepared, switched))) {
            changes.addAll(plan.all().toList());
            record.addAll(plan.recordChanges(LabFlows.NODE));
        }
        assertEquals(changes.size(), record.size());
        int flowsAsSpecs = 0;
        int newFlows = 0;
        int deletions = 0;
        for (int index = 0; index < changes.size(); index++) {
            final ReconcilePlan.Change change = changes.get(index);
            final ReconcilePlan.RecordChange recorded = record.get(index);
            if (change instanceof ReconcilePlan.Put<?> put && put.data() instanceof Flow flow) {
                final ReconcilePlan.RecordedFlowPut asSpec = (ReconcilePlan.RecordedFlowPut) recorded;
                final Flow translated = OpenflowTranslator.flow(asSpec.nodeId(), asSpec.spec());
                assertEquals(flow, translated);
                assertEquals(put.path(), ReconcilePlan.flowPath(FlowReconciler.nodePath(asSpec.nodeId()),
                    translated));
                flowsAsSpecs++;
            } else if (change instanceof ReconcilePlan.NewFlow added) {
                final ReconcilePlan.RecordedFlowPut asSpec = (ReconcilePlan.RecordedFlowPut) recorded;
                assertEquals(added.spec(), asSpec.spec());
                assertEquals(added.path(), ReconcilePlan.flowPath(FlowReconciler.nodePath(asSpec.nodeId()),
                    OpenflowTranslator.flow(asSpec.nodeId(), asSpec.spec())));
                newFlows++;
            } else if (change instanceof ReconcilePlan.Delete<?> delete) {
                assertEquals(delete.path(), ((ReconcilePlan.RecordedDelete) recorded).path());
                deletions++;
            } else {
                assertEquals(change, recorded, "a group is recorded as the switch got it");
            }
        }
        assertTrue(flowsAsSpecs > 0 && newFlows > 0 && deletions > 0,
            "a migration rewrites, adds and deletes flows on its destination: " + flowsAsSpecs + " " + newFlows
                + " " + deletions);
    }
}
