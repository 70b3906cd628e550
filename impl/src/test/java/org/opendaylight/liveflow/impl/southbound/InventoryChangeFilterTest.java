/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.binding.api.DataObjectModification;
import org.opendaylight.mdsal.binding.api.DataObjectModification.ModificationType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNodeConnector;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.node.NodeConnector;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;

/**
 * The modifications below are shaped as the datastore reports the OpenFlowPlugin's writes: statistics merged
 * under a node and its ports, a node written on connect, a port's description written or deleted.
 */
class InventoryChangeFilterTest {
    @Test
    void statisticsOfFlowsAndPortsAreIgnored() {
        final var capable = modification(FlowCapableNode.class, ModificationType.SUBTREE_MODIFIED);
        final var port = modification(NodeConnector.class, ModificationType.SUBTREE_MODIFIED);
        final var node = node(ModificationType.SUBTREE_MODIFIED, capable, List.of(port));
        assertFalse(InventoryChangeFilter.touchesSwitchesOrPorts(root(node)));
    }

    @Test
    void aSwitchConnectingOrGoingCounts() {
        assertTrue(InventoryChangeFilter.touchesSwitchesOrPorts(root(node(ModificationType.WRITE, null, List.of()))));
        assertTrue(InventoryChangeFilter.touchesSwitchesOrPorts(root(node(ModificationType.DELETE, null, List.of()))));
    }

    @Test
    void aNodeBecomingFlowCapableCounts() {
        final var capable = modification(FlowCapableNode.class, ModificationType.WRITE);
        assertTrue(InventoryChangeFilter.touchesSwitchesOrPorts(root(node(ModificationType.SUBTREE_MODIFIED,
            capable, List.of()))));
    }

    @Test
    void aPortAddedRemovedOrChangedCounts() {
        for (ModificationType type : List.of(ModificationType.WRITE, ModificationType.DELETE)) {
            final var port = modification(NodeConnector.class, type);
            assertTrue(InventoryChangeFilter.touchesSwitchesOrPorts(root(node(ModificationType.SUBTREE_MODIFIED,
                null, List.of(port)))), type.name());
        }
        final var port = modification(NodeConnector.class, ModificationType.SUBTREE_MODIFIED);
        final var description = modification(FlowCapableNodeConnector.class, ModificationType.SUBTREE_MODIFIED);
        when(port.getModifiedAugmentation(FlowCapableNodeConnector.class)).thenReturn(description);
        assertTrue(InventoryChangeFilter.touchesSwitchesOrPorts(root(node(ModificationType.SUBTREE_MODIFIED, null,
            List.of(port)))));
    }

    @Test
    void theWholeInventoryWrittenOrDeletedCounts() {
        final DataObjectModification<Nodes> root = modification(Nodes.class, ModificationType.WRITE);
        assertTrue(InventoryChangeFilter.touchesSwitchesOrPorts(root));
    }

    private static DataObjectModification<Nodes> root(final DataObjectModification<Node> node) {
        final DataObjectModification<Nodes> root = modification(Nodes.class, ModificationType.SUBTREE_MODIFIED);
        when(root.getModifiedChildren(Node.class)).thenReturn(List.of(node));
        return root;
    }

    private static DataObjectModification<Node> node(final ModificationType type,
            final DataObjectModification<FlowCapableNode> capable,
            final List<DataObjectModification<NodeConnector>> ports) {
        final DataObjectModification<Node> node = modification(Node.class, type);
        when(node.getModifiedAugmentation(FlowCapableNode.class)).thenReturn(capable);
        when(node.getModifiedChildren(NodeConnector.class)).thenReturn(ports);
        return node;
    }

    @SuppressWarnings("unchecked")
    private static <T extends org.opendaylight.yangtools.yang.binding.DataObject> DataObjectModification<T>
            modification(final Class<T> type, final ModificationType modificationType) {
        final DataObjectModification<T> modification = mock(DataObjectModification.class);
        when(modification.getModificationType()).thenReturn(modificationType);
        when(modification.getDataType()).thenReturn(type);
        return modification;
    }
}
