/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.liveflow.impl.compiler.Owner;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatistics;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.Table;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.TableKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlowInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.FlowTableRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.service.rev130918.AddGroup;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.service.rev130918.AddGroupInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-syncs a switch that reconnects: liveflow's flows for it are in the config inventory, but only the switch
 * knows whether it kept them (controller restart, network blip) or lost them (ovs-vswitchd restart). The
 * forwarding-rules manager's own reconnect reconciliation is switched off in the distribution, because it
 * re-sends every flow, which Open vSwitch applies as a replace. Instead this asks the switch for its flows
 * (a direct flow statistics request) until it reports all of liveflow's, and then sends nothing; if it does not
 * within {@link #WAIT}, the groups and flows are sent again.
 */
final class SwitchResync {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchResync.class);
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(500);

    private final RpcConsumerRegistry rpcs;
    private final ScheduledExecutorService scheduler;

    SwitchResync(final RpcConsumerRegistry rpcs, final ScheduledExecutorService scheduler) {
        this.rpcs = rpcs;
        this.scheduler = scheduler;
    }

    /**
     * Starts watching a switch that just reconnected and that should hold these flows and groups.
     */
    void switchReconnected(final String nodeId, final Map<String, Flow> flows, final Map<Long, Group> groups) {
        if (flows.isEmpty()) {
            return;
        }
        final Instant deadline = Instant.now().plus(WAIT);
        scheduler.schedule(() -> check(nodeId, flows, groups, deadline), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void check(final String nodeId, final Map<String, Flow> flows, final Map<Long, Group> groups,
            final Instant deadline) {
        try {
            final long onSwitch = liveflowFlowsOnSwitch(nodeId);
            if (onSwitch >= flows.size()) {
                LOG.info("{} reconnected with all {} liveflow flows: nothing to re-send", nodeId, flows.size());
                return;
            }
            if (Instant.now().isBefore(deadline)) {
                scheduler.schedule(() -> check(nodeId, flows, groups, deadline), POLL.toMillis(),
                    TimeUnit.MILLISECONDS);
                return;
            }
            LOG.info("{} reconnected with {} of {} liveflow flows: re-sending {} groups and the flows", nodeId,
                onSwitch, flows.size(), groups.size());
            resend(nodeId, flows, groups);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Re-sync of {} interrupted", nodeId, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.error("Re-sync of {} failed", nodeId, e);
        }
    }

    /**
     * Asks the switch itself (a flow statistics request, answered from the switch, not stored) how many liveflow
     * flows it holds: the OpenFlowPlugin's periodic statistics polling is off in the distribution.
     */
    private long liveflowFlowsOnSwitch(final String nodeId)
            throws InterruptedException, ExecutionException, TimeoutException {
        final NodeRef node = new NodeRef(FlowReconciler.nodePath(nodeId).firstIdentifierOf(Node.class));
        final RpcResult<GetFlowStatisticsOutput> result = rpcs.getRpc(GetFlowStatistics.class).invoke(
            new GetFlowStatisticsInputBuilder().setNode(node).setStoreStats(false).setMatch(new MatchBuilder().build())
                .build()).get(10, TimeUnit.SECONDS);
        if (!result.isSuccessful()) {
            throw new ExecutionException("flow statistics refused: " + result.getErrors(), null);
        }
        final GetFlowStatisticsOutput output = result.getResult();
        return output == null ? 0 : output.nonnullFlowAndStatisticsMapList().stream()
            .filter(flow -> flow.getCookie() != null && isLiveflowCookie(flow.getCookie().getValue().longValue()))
            .count();
    }

    private static boolean isLiveflowCookie(final long cookie) {
        final int kind = (int) (cookie >>> 56);
        for (Owner.Kind known : Owner.Kind.values()) {
            if (known.code() == kind) {
                return true;
            }
        }
        return false;
    }

    private void resend(final String nodeId, final Map<String, Flow> flows, final Map<Long, Group> groups)
            throws InterruptedException, ExecutionException, TimeoutException {
        final InstanceIdentifier<Node> node = FlowReconciler.nodePath(nodeId).firstIdentifierOf(Node.class);
        final NodeRef nodeRef = new NodeRef(node);
        final AddGroup addGroup = rpcs.getRpc(AddGroup.class);
        for (Group group : groups.values()) {
            addGroup.invoke(new AddGroupInputBuilder(group).setNode(nodeRef)
                .setGroupRef(new GroupRef(FlowReconciler.nodePath(nodeId).child(Group.class, group.key())))
                .build()).get(30, TimeUnit.SECONDS);
        }
        final AddFlow addFlow = rpcs.getRpc(AddFlow.class);
        final List<ListenableFuture<?>> sent = new ArrayList<>();
        for (Flow flow : flows.values()) {
            final var table = FlowReconciler.nodePath(nodeId).child(Table.class, new TableKey(flow.getTableId()));
            sent.add(addFlow.invoke(new AddFlowInputBuilder(flow).setNode(nodeRef)
                .setFlowTable(new FlowTableRef(table))
                .setFlowRef(new FlowRef(table.child(Flow.class, new FlowKey(flow.getId())))).build()));
        }
        Futures.allAsList(sent).get(60, TimeUnit.SECONDS);
        LOG.info("{}: re-sent {} groups and {} flows", nodeId, groups.size(), flows.size());
    }
}
