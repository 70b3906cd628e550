/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.HashMap;
import java.util.Map;
import org.opendaylight.liveflow.impl.compiler.FlowDelta;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.migration.Placements;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.Table;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.TableKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlowInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.FlowTableRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlowInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches a prepared migration the moment the engine activates it. The programmer arms it, on every pass, with
 * each chassis' flow-mods from prepared to switched ({@link org.opendaylight.liveflow.impl.compiler
 * .ActivationPlanner}); when placements arrive in which the port is switched, with the armed generation, it hands
 * every flow-mod to the OpenFlowPlugin's flow RPCs at once, on the engine's thread, without waiting for answers.
 *
 * <p>Each flow-mod a switch confirms (the OpenFlowPlugin completes it at the barrier after it) is handed to the
 * {@link FlowReconciler}, which takes it into what it knows the switch holds, and into its record, so the pass
 * that follows sends only the rest (a delivery group to delete, say). A flow-mod refused, lost, or confirmed only
 * after that pass planned is repaired or repeated by the pass, as an identical replacement. Each armed migration
 * fires once.
 */
final class ActivationFastPath {
    private static final Logger LOG = LoggerFactory.getLogger(ActivationFastPath.class);

    /** A prepared migration's activation, by switch node id. */
    record Armed(long generation, Map<String, FlowDelta> deltas) {
        Armed {
            deltas = Map.copyOf(deltas);
        }
    }

    private final RpcConsumerRegistry rpcs;
    private final FlowReconciler reconciler;
    private final Map<String, Armed> armed = new HashMap<>();
    /** The last generation fired per port: a pass compiled before the activation must not re-arm it. */
    private final Map<String, Long> fired = new HashMap<>();

    ActivationFastPath(final RpcConsumerRegistry rpcs, final FlowReconciler reconciler) {
        this.rpcs = rpcs;
        this.reconciler = reconciler;
    }

    /**
     * Replaces what is armed with these activations, by port id (ports left out are disarmed).
     */
    synchronized void arm(final Map<String, Armed> activations) {
        armed.clear();
        activations.forEach((port, activation) -> {
            final Long last = fired.get(port);
            if (last == null || last < activation.generation()) {
                armed.put(port, activation);
            }
        });
    }

    /**
     * Sends the armed flow-mods of every port these placements show switched, with the armed generation.
     */
    synchronized void fire(final Placements placements) {
        for (PortMigration migration : placements.ports().values()) {
            final Armed activation = armed.get(migration.port());
            if (migration.phase() == PortMigration.Phase.SWITCHED && activation != null
                    && activation.generation() == migration.generation()) {
                armed.remove(migration.port());
                fired.put(migration.port(), migration.generation());
                send(migration.port(), activation);
            }
        }
    }

    private void send(final String port, final Armed activation) {
        final long began = System.nanoTime();
        final AddFlow addFlow = rpcs.getRpc(AddFlow.class);
        final RemoveFlow removeFlow = rpcs.getRpc(RemoveFlow.class);
        int sent = 0;
        long slowest = 0;
        String slowestNode = "";
        final long looked = System.nanoTime();
        for (Map.Entry<String, FlowDelta> entry : activation.deltas().entrySet()) {
            final long switchBegan = System.nanoTime();
            final String nodeId = entry.getKey();
            final NodeRef node = new NodeRef(FlowReconciler.nodePath(nodeId).firstIdentifierOf(Node.class));
            for (FlowSpec spec : entry.getValue().put()) {
                final Flow flow = OpenflowTranslator.flow(nodeId, spec);
                final InstanceIdentifier<Table> table = tableOf(nodeId, flow);
                watch(nodeId, spec, flow, false, addFlow.invoke(new AddFlowInputBuilder(flow).setNode(node)
                    .setFlowTable(new FlowTableRef(table)).setFlowRef(flowRefOf(table, flow)).build()));
                sent++;
            }
            for (FlowSpec spec : entry.getValue().removed()) {
                final Flow flow = OpenflowTranslator.flow(nodeId, spec);
                final InstanceIdentifier<Table> table = tableOf(nodeId, flow);
                watch(nodeId, spec, flow, true, removeFlow.invoke(new RemoveFlowInputBuilder(flow).setNode(node)
                    .setStrict(true).setFlowTable(new FlowTableRef(table)).setFlowRef(flowRefOf(table, flow))
                    .build()));
                sent++;
            }
            final long took = System.nanoTime() - switchBegan;
            if (took > slowest) {
                slowest = took;
                slowestNode = nodeId;
            }
        }
        LOG.info("port {}: activation fast path handed {} flow-mods for {} switches to the OpenFlowPlugin in {} us "
            + "(RPC lookup {} us, slowest switch {} {} us)", port, sent, activation.deltas().size(),
            (System.nanoTime() - began) / 1000, (looked - began) / 1000, slowestNode, slowest / 1000);
    }

    private static InstanceIdentifier<Table> tableOf(final String nodeId, final Flow flow) {
        return FlowReconciler.nodePath(nodeId).child(Table.class, new TableKey(flow.getTableId()));
    }

    private static FlowRef flowRefOf(final InstanceIdentifier<Table> table, final Flow flow) {
        return new FlowRef(table.child(Flow.class, new FlowKey(flow.getId())));
    }

    /**
     * Logs a flow-mod the switch refused or that failed; tells the reconciler of one the switch confirmed, so the
     * pass that follows does not send it again.
     */
    private <T> void watch(final String nodeId, final FlowSpec spec, final Flow flow, final boolean removal,
            final ListenableFuture<RpcResult<T>> result) {
        Futures.addCallback(result, new FutureCallback<RpcResult<T>>() {
            @Override
            public void onSuccess(final RpcResult<T> outcome) {
                if (outcome.isSuccessful()) {
                    reconciler.appliedOutsideBundle(nodeId, flow, removal);
                } else {
                    LOG.warn("{}: fast-path flow-mod refused ({}), the next pass repairs it: {}", nodeId,
                        outcome.getErrors(), spec);
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("{}: fast-path flow-mod failed, the next pass repairs it: {}", nodeId, spec, cause);
            }
        }, MoreExecutors.directExecutor());
    }
}
