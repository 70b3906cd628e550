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
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.compiler.PortMigration.Phase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.add.bundle.messages.input.messages.Message;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleAddFlowCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleAddGroupCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleRemoveFlowCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleRemoveGroupCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleUpdateGroupCase;
import org.opendaylight.yangtools.yang.common.Uint16;

/**
 * A switch's bundle, played message by message on a model of what Open vSwitch checks inside a bundle: a flow may
 * only use a group the switch has at that point, a group added must not exist and a group modified must, and a
 * deleted group takes the flows still using it with it (which must never happen here). Played from what the
 * switch holds, every bundle must leave it holding exactly what is wanted, on compiled lab flows of every
 * migration step.
 */
class SwitchBundleTest {
    private static final NodeRef NODE = new NodeRef(FlowReconciler.nodePath(LabFlows.NODE)
        .firstIdentifierOf(Node.class));
    private static final long ALL_GROUPS = 0xFFFF_FFFCL;
    private static final int ALL_TABLES = 255;

    /** What identifies an OpenFlow flow on a switch. */
    private record Key(int table, int priority, Object match) {
        static Key of(final org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.Flow flow) {
            return new Key(flow.getTableId().toJava(), flow.getPriority() == null ? 0x8000 : flow.getPriority()
                .toJava(), flow.getMatch());
        }
    }

    /** What a flow does, as the switch holds it. */
    private record Entry(Object instructions, Object cookie, Set<Long> groups) {
        static Entry of(final org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.Flow flow) {
            return new Entry(flow.getInstructions(), flow.getCookie(), LabFlows.groupsUsedBy(flow));
        }
    }

    /** The model switch: flows by OpenFlow key, group ids. */
    private static final class ModelSwitch {
        final Map<Key, Entry> flows = new HashMap<>();
        final Set<Long> groups = new HashSet<>();

        static ModelSwitch holding(final ReconcilePlan.Contents contents) {
            final ModelSwitch model = new ModelSwitch();
            contents.flows(LabFlows.NODE).values().forEach(flow -> model.flows.put(Key.of(flow), Entry.of(flow)));
            model.groups.addAll(contents.groups().keySet());
            return model;
        }

        void play(final List<Message> bundle) {
            for (Message message : bundle) {
                final var inner = message.getBundleInnerMessage();
                if (inner instanceof BundleAddFlowCase add) {
                    final Entry entry = Entry.of(add.getAddFlowCaseData());
                    assertTrue(groups.containsAll(entry.groups()), "flow added before its group: " + add);
                    flows.put(Key.of(add.getAddFlowCaseData()), entry);
                } else if (inner instanceof BundleRemoveFlowCase remove) {
                    if (remove.getRemoveFlowCaseData().getTableId().toJava() == ALL_TABLES) {
                        flows.clear();
                    } else {
                        flows.remove(Key.of(remove.getRemoveFlowCaseData()));
                    }
                } else if (inner instanceof BundleAddGroupCase add) {
                    assertTrue(groups.add(add.getAddGroupCaseData().getGroupId().getValue().toJava()),
                        "group added twice (Open vSwitch refuses it): " + add);
                } else if (inner instanceof BundleUpdateGroupCase update) {
                    assertTrue(groups.contains(update.getUpdateGroupCaseData().getGroupId().getValue().toJava()),
                        "modified group does not exist: " + update);
                } else if (inner instanceof BundleRemoveGroupCase remove) {
                    final long id = remove.getRemoveGroupCaseData().getGroupId().getValue().toJava();
                    if (id == ALL_GROUPS) {
                        flows.values().removeIf(flow -> !flow.groups().isEmpty());
                        groups.clear();
                    } else {
                        assertFalse(flows.values().stream().anyMatch(flow -> flow.groups().contains(id)),
                            "group " + id + " deleted while a flow still uses it");
                        groups.remove(id);
                    }
                } else {
                    fail("unexpected message " + message);
                }
            }
        }

        void assertHolds(final ReconcilePlan.Contents wanted) {
            assertEquals(holding(wanted).flows, flows);
            assertEquals(wanted.groups().keySet(), groups);
        }
    }

    private static ReconcilePlan.Contents lab(final String chassis, final Phase phase) {
        return LabFlows.translate(LabFlows.compile(chassis, phase));
    }

    private static void assertBundleTakes(final ReconcilePlan.Contents from, final ReconcilePlan.Contents to) {
        final ModelSwitch model = ModelSwitch.holding(from);
        model.play(ReconcilePlan.of(LabFlows.NODE, from, to).bundle(NODE));
        model.assertHolds(to);
    }

    @Test
    void anEmptySwitchGetsEveryGroupBeforeTheFlowsThatUseIt() {
        final ReconcilePlan.Contents prepared = lab("c1", Phase.PREPARED);
        assertFalse(prepared.groups().isEmpty(), "the lab must have groups for this test to mean something");
        assertBundleTakes(ReconcilePlan.Contents.EMPTY, prepared);
    }

    @Test
    void everyStepOfAMigrationOnEitherChassisEndsWithExactlyWhatIsWanted() {
        final List<Phase> steps = java.util.Arrays.asList(null, Phase.PREPARED, Phase.SWITCHED, null);
        for (String chassis : List.of("c1", "c2")) {
            for (int step = 0; step + 1 < steps.size(); step++) {
                assertBundleTakes(lab(chassis, steps.get(step)), lab(chassis, steps.get(step + 1)));
            }
            // and back: an aborted migration
            assertBundleTakes(lab(chassis, Phase.PREPARED), lab(chassis, null));
        }
    }

    @Test
    void everyStepFromWhatTheRecordSaysEndsWithExactlyWhatIsWanted() {
        // a restarted controller knows a switch from its record: inventory objects, not specs
        final List<Phase> steps = java.util.Arrays.asList(null, Phase.PREPARED, Phase.SWITCHED, null);
        for (String chassis : List.of("c1", "c2")) {
            for (int step = 0; step + 1 < steps.size(); step++) {
                assertBundleTakes(LabFlows.recorded(LabFlows.compile(chassis, steps.get(step))),
                    lab(chassis, steps.get(step + 1)));
            }
        }
    }

    @Test
    void aFlowWhoseMatchChangedUnderTheSameIdLeavesNoOldFlowBehind() {
        final ReconcilePlan.Contents wanted = lab("c1", null);
        final Map<String, Flow> older = new HashMap<>(wanted.flows(LabFlows.NODE));
        final Flow changed = older.values().iterator().next();
        older.put(changed.getId().getValue(), new FlowBuilder(changed)
            .setPriority(Uint16.valueOf(changed.getPriority().toJava() + 1)).build());
        assertBundleTakes(ReconcilePlan.Contents.recorded(older, wanted.groups()), wanted);
    }

    @Test
    void aReplacingBundleEmptiesTheSwitchFirstWhateverItHeld() {
        final ReconcilePlan.Contents wanted = lab("c2", null);
        final List<Message> bundle = ReconcilePlan.replacing(LabFlows.NODE, NODE, wanted);
        for (ReconcilePlan.Contents held : List.of(lab("c2", Phase.SWITCHED), lab("c1", Phase.PREPARED),
                ReconcilePlan.Contents.EMPTY)) {
            final ModelSwitch model = ModelSwitch.holding(held);
            model.play(bundle);
            model.assertHolds(wanted);
        }
    }
}
