/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.OPERATIONAL;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.impl.topology.Subscribers;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchInventoryService;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeIdentifier;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNodeConnector;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.node.NodeConnector;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the OpenFlowPlugin's operational inventory (a node per connected switch, a node-connector per port)
 * and publishes a new {@link SwitchInventory} only when switches or port numbers actually change, not on every
 * statistics update.
 */
@Component(service = SwitchInventoryService.class)
public final class OpenflowInventoryListener implements SwitchInventoryService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenflowInventoryListener.class);

    private final Subscribers<SwitchInventory> subscribers = new Subscribers<>();
    private final Registration registration;
    private volatile SwitchInventory current = SwitchInventory.empty();

    @Activate
    public OpenflowInventoryListener(@Reference final DataBroker broker) {
        registration = broker.registerDataListener(
            DataTreeIdentifier.create(OPERATIONAL, InstanceIdentifier.create(Nodes.class)), this::nodesChanged);
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }

    @Override
    public SwitchInventory current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(final Consumer<SwitchInventory> subscriber) {
        return subscribers.add(subscriber, current);
    }

    private synchronized void nodesChanged(final @Nullable Nodes nodes) {
        final SwitchInventory next = withDisconnected(inventoryOf(nodes), current);
        if (!next.equals(current)) {
            LOG.info("Switches: {}", next.switches().values().stream()
                .map(view -> view.nodeId() + (view.connected() ? "" : " (disconnected)")).toList());
            current = next;
            subscribers.publish(next);
        }
    }

    /**
     * Adds to the connected switches the ones that were seen before and are gone now, marked disconnected.
     */
    static SwitchInventory withDisconnected(final SwitchInventory connected, final SwitchInventory previous) {
        final Map<String, SwitchView> all = new HashMap<>(connected.switches());
        previous.switches().forEach((nodeId, view) -> all.putIfAbsent(nodeId, view.disconnected()));
        return new SwitchInventory(all);
    }

    static SwitchInventory inventoryOf(final @Nullable Nodes nodes) {
        if (nodes == null) {
            return SwitchInventory.empty();
        }
        final Map<String, SwitchView> switches = new HashMap<>();
        for (Node node : nodes.nonnullNode().values()) {
            if (node.augmentation(FlowCapableNode.class) == null) {
                continue;
            }
            final Map<String, Long> ports = new HashMap<>();
            for (NodeConnector connector : node.nonnullNodeConnector().values()) {
                final FlowCapableNodeConnector port = connector.augmentation(FlowCapableNodeConnector.class);
                if (port != null && port.getName() != null && port.getPortNumber() != null
                        && port.getPortNumber().getUint32() != null) {
                    ports.put(port.getName(), port.getPortNumber().getUint32().toJava());
                }
            }
            final String nodeId = node.getId().getValue();
            switches.put(nodeId, new SwitchView(nodeId, ports, true));
        }
        return new SwitchInventory(switches);
    }
}
