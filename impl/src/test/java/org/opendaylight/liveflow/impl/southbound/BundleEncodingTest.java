/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.compiler.PortMigration.Phase;
import org.opendaylight.liveflow.impl.compiler.SwitchFlows;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.add.bundle.messages.input.messages.Message;

/**
 * The bundles the gate writes against the OpenFlowPlugin's bundles of the same plans: the same messages in the same
 * order, each the bytes the plugin's serializer writes for the plugin's message.
 */
class BundleEncodingTest {
    private static final NodeRef NODE = new NodeRef(FlowReconciler.nodePath(LabFlows.NODE)
        .firstIdentifierOf(Node.class));

    @Test
    void aReplacingBundleIsThePluginsMessageForMessage() {
        final SwitchFlows flows = LabFlows.compile("c1", Phase.PREPARED);
        final ReconcilePlan fromNothing = ReconcilePlan.of(LabFlows.NODE, ReconcilePlan.Contents.EMPTY,
            LabFlows.translate(flows));
        final List<byte[]> ours = BundleEncoding.replacing(fromNothing, flows.groups());
        assertSame(ReconcilePlan.replacing(NODE, fromNothing), ours);
        assertEquals(2 + flows.flows().size() + flows.groups().size(), ours.size());
    }

    @Test
    void aChangeOfEveryKindIsThePluginsMessageForMessage() {
        // through a migration and back: flows added, replaced, re-matched and deleted, groups added, changed, deleted
        final List<Phase> phases = Arrays.asList(null, Phase.PREPARED, Phase.SWITCHED, null);
        int changes = 0;
        for (String chassis : List.of("c1", "c2")) {
            for (int i = 1; i < phases.size(); i++) {
                final SwitchFlows before = LabFlows.compile(chassis, phases.get(i - 1));
                final SwitchFlows after = LabFlows.compile(chassis, phases.get(i));
                final ReconcilePlan.Contents current = LabFlows.translate(before);
                final ReconcilePlan plan = ReconcilePlan.of(LabFlows.NODE, current, LabFlows.translate(after));
                final Optional<List<byte[]>> ours = BundleEncoding.of(plan, current, after.groups());
                assertTrue(ours.isPresent(), "a plan between specs is encoded");
                assertSame(plan.bundle(NODE), ours.orElseThrow());
                changes += plan.changes().flowsWritten() + plan.changes().flowsDeleted();
                changes += plan.changes().groupsWritten() + plan.changes().groupsDeleted();
            }
        }
        assertTrue(changes > 10, "the migration's plans change too little to prove anything: " + changes);
    }

    @Test
    void aPlanThatDeletesAFlowKnownOnlyFromTheRecordIsLeftToThePlugin() {
        final SwitchFlows before = LabFlows.compile("c1", Phase.SWITCHED);
        final SwitchFlows after = LabFlows.compile("c1", null);
        final ReconcilePlan.Contents recorded = LabFlows.recorded(before);
        final ReconcilePlan plan = ReconcilePlan.of(LabFlows.NODE, recorded, LabFlows.translate(after));
        assertTrue(plan.changes().flowsDeleted() > 0, "the plan must delete a recorded flow for this test to mean it");
        assertFalse(BundleEncoding.of(plan, recorded, after.groups()).isPresent());
    }

    private static void assertSame(final List<Message> plugin, final List<byte[]> ours) {
        assertEquals(plugin.size(), ours.size(), "messages");
        for (int i = 0; i < ours.size(); i++) {
            assertArrayEquals(PluginSerializers.bundled(plugin.get(i)), ours.get(i), "message " + i + ": "
                + plugin.get(i).getBundleInnerMessage());
        }
    }
}
