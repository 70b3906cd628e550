/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import org.opendaylight.mdsal.binding.api.DataObjectModification;
import org.opendaylight.mdsal.binding.api.DataObjectModification.ModificationType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNodeConnector;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.node.NodeConnector;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;

/**
 * Tells whether a change of the operational inventory can change what liveflow knows of the switches: a switch
 * (node or its flow-capable part) appearing or going, or a port (node-connector or its description) appearing,
 * going or changing. The OpenFlowPlugin's statistics, written every few seconds for every switch, flow and
 * port, change none of that; rebuilding the whole inventory for each of them kept the notification threads busy
 * at 100 switches (the first 100-chassis run ended in back-to-back full garbage collections).
 */
final class InventoryChangeFilter {
    private InventoryChangeFilter() {
    }

    static boolean touchesSwitchesOrPorts(final DataObjectModification<Nodes> root) {
        if (root.getModificationType() != ModificationType.SUBTREE_MODIFIED) {
            return true;
        }
        for (DataObjectModification<Node> node : root.getModifiedChildren(Node.class)) {
            if (node.getModificationType() != ModificationType.SUBTREE_MODIFIED) {
                return true;
            }
            final DataObjectModification<FlowCapableNode> capable = node.getModifiedAugmentation(FlowCapableNode.class);
            if (capable != null && capable.getModificationType() != ModificationType.SUBTREE_MODIFIED) {
                return true;
            }
            for (DataObjectModification<NodeConnector> port : node.getModifiedChildren(NodeConnector.class)) {
                if (port.getModificationType() != ModificationType.SUBTREE_MODIFIED
                        || port.getModifiedAugmentation(FlowCapableNodeConnector.class) != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
