/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opendaylight.liveflow.impl.compiler.Owner;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatistics;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsOutput;
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
 *
 * <p>Asynchronous: each request has a fixed timeout and retries are scheduled, so a source switch that hangs
 * holds no thread and delays no other migration's check.
 */
final class SourceCleanupCheck implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceCleanupCheck.class);
    static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final long RETRY_MILLIS = 200;
    private static final long REQUEST_TIMEOUT_MILLIS = 5000;
    private static final long ALL_BITS = -1L;

    private final RpcConsumerRegistry rpcs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "liveflow-cleanup-check"));

    SourceCleanupCheck(final RpcConsumerRegistry rpcs) {
        this.rpcs = rpcs;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /**
     * Checks until the switch holds no flow of the ports (a port and its trunk's sub-ports), or {@link #PATIENCE}
     * is over; completes with the outcome.
     */
    ListenableFuture<SourceCleanup> check(final String nodeId, final List<String> ports) {
        final SettableFuture<SourceCleanup> outcome = SettableFuture.create();
        attempt(nodeId, ports, Instant.now().plus(PATIENCE), outcome);
        return outcome;
    }

    private void attempt(final String nodeId, final List<String> ports, final Instant deadline,
            final SettableFuture<SourceCleanup> outcome) {
        final List<ListenableFuture<Integer>> counts = new ArrayList<>();
        for (String each : ports) {
            counts.add(flowsOf(nodeId, each));
        }
        Futures.addCallback(Futures.allAsList(counts), new FutureCallback<List<Integer>>() {
            @Override
            public void onSuccess(final List<Integer> perPort) {
                final int left = perPort.stream().mapToInt(Integer::intValue).sum();
                if (left == 0) {
                    LOG.info("{}: no flow of port(s) {} left on the source", nodeId, String.join(", ", ports));
                    outcome.set(SourceCleanup.VERIFIED);
                } else if (Instant.now().isAfter(deadline)) {
                    LOG.warn("{}: {} flows of port(s) {} still on the source after {}", nodeId, left,
                        String.join(", ", ports), PATIENCE);
                    outcome.set(SourceCleanup.FLOWS_LEFT);
                } else {
                    retry(nodeId, ports, deadline, outcome);
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.debug("{}: flow statistics request failed", nodeId, cause);
                if (Instant.now().isAfter(deadline)) {
                    outcome.set(SourceCleanup.UNVERIFIABLE);
                } else {
                    retry(nodeId, ports, deadline, outcome);
                }
            }
        }, MoreExecutors.directExecutor());
    }

    private void retry(final String nodeId, final List<String> ports, final Instant deadline,
            final SettableFuture<SourceCleanup> outcome) {
        try {
            scheduler.schedule(() -> attempt(nodeId, ports, deadline, outcome), RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            outcome.cancel(false);
        }
    }

    private ListenableFuture<Integer> flowsOf(final String nodeId, final String port) {
        final NodeRef node = new NodeRef(InstanceIdentifier.create(Nodes.class)
            .child(Node.class, new NodeKey(new NodeId(nodeId))));
        final ListenableFuture<RpcResult<GetFlowStatisticsOutput>> request = rpcs.getRpc(GetFlowStatistics.class)
            .invoke(new GetFlowStatisticsInputBuilder()
                .setNode(node).setStoreStats(false).setMatch(new MatchBuilder().build())
                .setCookie(new FlowCookie(Uint64.fromLongBits(Owner.port(port).cookie())))
                .setCookieMask(new FlowCookie(Uint64.fromLongBits(ALL_BITS)))
                .build());
        return Futures.transform(Futures.withTimeout(request, REQUEST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS,
            scheduler), result -> {
                if (!result.isSuccessful()) {
                    throw new IllegalStateException("flow statistics refused: " + result.getErrors());
                }
                final GetFlowStatisticsOutput output = result.getResult();
                return output == null ? 0 : output.nonnullFlowAndStatisticsMapList().size();
            }, MoreExecutors.directExecutor());
    }
}
