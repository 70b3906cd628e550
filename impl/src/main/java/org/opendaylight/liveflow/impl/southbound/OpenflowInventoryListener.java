/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.OPERATIONAL;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.impl.topology.Subscribers;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchInventoryService;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.mdsal.binding.api.ClusteredDataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeIdentifier;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
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
 *
 * <p>A switch that has just (re)connected reports its ports over several updates. For {@link #SETTLE} after a
 * connect, ports it reported before are kept even if not reported yet, so no flow towards them is withdrawn
 * and re-added while the inventory fills in; after that the switch's report is taken as it is.
 */
@Component(service = SwitchInventoryService.class)
public final class OpenflowInventoryListener implements SwitchInventoryService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenflowInventoryListener.class);

    static final Duration SETTLE = Duration.ofSeconds(2);

    private final Subscribers<SwitchInventory> subscribers = new Subscribers<>();
    private final Map<String, Instant> connectedAt = new HashMap<>();
    /** Connections seen per switch, for {@link SwitchView#connection()}. */
    private final Map<String, Long> connections = new HashMap<>();
    private final ScheduledExecutorService settleTimer = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "liveflow-inventory-settle"));
    private final Registration registration;
    private volatile SwitchInventory current = SwitchInventory.empty();
    private @Nullable Nodes lastNodes;
    private volatile Instant lastChange = Instant.EPOCH;

    @Activate
    public OpenflowInventoryListener(@Reference final DataBroker broker) {
        registration = broker.registerDataTreeChangeListener(
            DataTreeIdentifier.create(OPERATIONAL, InstanceIdentifier.create(Nodes.class)), new Listener());
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
        settleTimer.shutdownNow();
    }

    @Override
    public Instant lastChange() {
        return lastChange;
    }

    @Override
    public SwitchInventory current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(final Consumer<SwitchInventory> subscriber) {
        return subscribers.add(subscriber, current);
    }

    /**
     * Rebuilds the inventory from the data after the last change, only when a change can affect it. Clustered:
     * a plain listener hears changes only on the member whose replica leads the inventory's shard, and the
     * member that runs the control loop is rarely that one (its liveness saw every switch as never connected).
     */
    private final class Listener implements ClusteredDataTreeChangeListener<Nodes> {
        @Override
        public void onDataTreeChanged(final Collection<DataTreeModification<Nodes>> changes) {
            DataTreeModification<Nodes> last = null;
            boolean relevant = false;
            for (DataTreeModification<Nodes> change : changes) {
                relevant |= InventoryChangeFilter.touchesSwitchesOrPorts(change.getRootNode());
                if (last != null && removesASwitch(change)) {
                    // a switch that left and came back within one batch of changes: see it leave, so that its
                    // return counts as a new connection
                    nodesChanged(change.getRootNode().getDataAfter());
                }
                last = change;
            }
            if (relevant && last != null) {
                nodesChanged(last.getRootNode().getDataAfter());
            }
        }

        @Override
        public void onInitialData() {
            nodesChanged(null);
        }
    }

    private static boolean removesASwitch(final DataTreeModification<Nodes> change) {
        final Nodes before = change.getRootNode().getDataBefore();
        final Nodes after = change.getRootNode().getDataAfter();
        return before != null && (after == null || !after.nonnullNode().keySet().containsAll(
            before.nonnullNode().keySet()));
    }

    private synchronized void nodesChanged(final @Nullable Nodes nodes) {
        lastNodes = nodes;
        final Instant now = Instant.now();
        final SwitchInventory reported = inventoryOf(nodes);
        final Map<String, SwitchView> settled = new HashMap<>();
        for (SwitchView view : reported.switches().values()) {
            final SwitchView before = current.switches().get(view.nodeId());
            if (before == null || !before.connected()) {
                connectedAt.put(view.nodeId(), now);
                connections.merge(view.nodeId(), 1L, Long::sum);
                settleTimer.schedule(this::resettle, SETTLE.toMillis() + 10, TimeUnit.MILLISECONDS);
            }
            final long connection = connections.get(view.nodeId());
            final boolean settling = now.isBefore(connectedAt.get(view.nodeId()).plus(SETTLE));
            if (settling && before != null) {
                final Map<String, Long> ports = new HashMap<>(before.portsByName());
                ports.putAll(view.portsByName());
                settled.put(view.nodeId(), new SwitchView(view.nodeId(), ports, true, connection));
            } else {
                settled.put(view.nodeId(), view.withConnection(connection));
            }
        }
        final SwitchInventory next = withDisconnected(new SwitchInventory(settled), current);
        if (!next.equals(current)) {
            // port changes alone are not logged: at 100 switches they come by the thousand
            final List<String> switches = summaryOf(next);
            if (!switches.equals(summaryOf(current))) {
                LOG.info("Switches: {}", switches);
            }
            current = next;
            lastChange = now;
            subscribers.publish(next);
        }
    }

    private static List<String> summaryOf(final SwitchInventory inventory) {
        return inventory.switches().values().stream().map(view -> view.nodeId()
            + (view.connected() ? "" : " (disconnected)")).sorted().toList();
    }

    private synchronized void resettle() {
        nodesChanged(lastNodes);
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
