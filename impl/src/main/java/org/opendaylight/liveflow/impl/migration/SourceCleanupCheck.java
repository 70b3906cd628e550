/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.liveflow.impl.compiler.Owner;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatistics;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapList;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.NodeKey;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the source switch itself (an OpenFlow flow-stats request filtered by cookie, not the datastore) whether it
 * still holds any flow that exists because the port was there. The removal went out through the forwarding-rules
 * manager, so the check is repeated for a while before it concludes that flows were left.
 */
final class SourceCleanupCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SourceCleanupCheck.class);
    static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final long RETRY_MILLIS = 200;
    private static final long ALL_BITS = -1L;

    private final RpcConsumerRegistry rpcs;

    SourceCleanupCheck(final RpcConsumerRegistry rpcs) {
        this.rpcs = rpcs;
    }

    /**
     * Blocks until the switch holds no flow of the ports (a port and its trunk's sub-ports), or {@link #PATIENCE}
     * is over; returns the outcome.
     */
    SourceCleanup check(final String nodeId, final List<String> ports) throws InterruptedException {
        final String port = String.join(", ", ports);
        final Instant deadline = Instant.now().plus(PATIENCE);
        int left = 0;
        while (true) {
            try {
                left = 0;
                for (String each : ports) {
                    left += flowsOf(nodeId, each).size();
                }
                if (left == 0) {
                    LOG.info("{}: no flow of port(s) {} left on the source", nodeId, port);
                    return SourceCleanup.VERIFIED;
                }
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("{}: flow statistics request failed", nodeId, e);
                if (Instant.now().isAfter(deadline)) {
                    return SourceCleanup.UNVERIFIABLE;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                LOG.warn("{}: {} flows of port(s) {} still on the source after {}", nodeId, left, port, PATIENCE);
                return SourceCleanup.FLOWS_LEFT;
            }
            Thread.sleep(RETRY_MILLIS);
        }
    }

    private List<FlowAndStatisticsMapList> flowsOf(final String nodeId, final String port)
            throws InterruptedException, ExecutionException, TimeoutException {
        final NodeRef node = new NodeRef(InstanceIdentifier.create(Nodes.class)
            .child(Node.class, new NodeKey(new NodeId(nodeId))));
        final GetFlowStatistics rpc = rpcs.getRpc(GetFlowStatistics.class);
        final RpcResult<GetFlowStatisticsOutput> result = rpc.invoke(new GetFlowStatisticsInputBuilder()
            .setNode(node).setStoreStats(false).setMatch(new MatchBuilder().build())
            .setCookie(new FlowCookie(Uint64.fromLongBits(Owner.port(port).cookie())))
            .setCookieMask(new FlowCookie(Uint64.fromLongBits(ALL_BITS)))
            .build()).get(5, TimeUnit.SECONDS);
        if (!result.isSuccessful()) {
            throw new ExecutionException("flow statistics refused: " + result.getErrors(), null);
        }
        final GetFlowStatisticsOutput output = result.getResult();
        return output == null ? List.of() : output.nonnullFlowAndStatisticsMapList();
    }
}
