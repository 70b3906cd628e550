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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.compiler.PortMigration.Phase;
import org.opendaylight.mdsal.binding.dom.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.mdsal.binding.dom.codec.impl.BindingCodecContext;
import org.opendaylight.mdsal.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * Every flow and group the reconciler writes comes back equal from the datastore's representation (the MD-SAL's
 * binding codec, the same one the config datastore stores through): otherwise the reconciler, which compares what
 * it wants with what it reads back, would rewrite them on every pass and after every restart.
 */
class OpenflowTranslatorRoundTripTest {
    private static BindingNormalizedNodeSerializer codec;

    @BeforeAll
    static void codec() {
        codec = new BindingCodecContext(BindingRuntimeHelpers.createRuntimeContext(FlowCapableNode.class));
    }

    private static <T extends DataObject> T roundTrip(final InstanceIdentifier<T> path, final T data) {
        final var normalized = codec.toNormalizedDataObject(path, data);
        @SuppressWarnings("unchecked")
        final T back = (T) codec.fromNormalizedNode(normalized.path(), normalized.node()).getValue();
        return back;
    }

    @Test
    void everyFlowAndGroupOfEveryPhaseSurvivesTheDatastoresRepresentation() {
        final var node = FlowReconciler.nodePath(LabFlows.NODE);
        int checked = 0;
        for (String chassis : new String[] { "c1", "c2" }) {
            for (Phase phase : new Phase[] { null, Phase.PREPARED, Phase.SWITCHED }) {
                final ReconcilePlan.Contents contents = LabFlows.translate(LabFlows.compile(chassis, phase));
                assertFalse(contents.flows(LabFlows.NODE).isEmpty());
                for (var flow : contents.flows(LabFlows.NODE).values()) {
                    assertEquals(flow, roundTrip(ReconcilePlan.flowPath(node, flow), flow), flow.getId().getValue());
                    checked++;
                }
                for (var group : contents.groups().entrySet()) {
                    assertEquals(group.getValue(), roundTrip(ReconcilePlan.groupPath(node, group.getKey()),
                        group.getValue()), "group " + group.getKey());
                    checked++;
                }
            }
        }
        assertFalse(checked < 100, "only " + checked + " flows and groups checked");
    }
}
