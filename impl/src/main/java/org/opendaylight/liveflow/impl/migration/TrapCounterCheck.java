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
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * Asks a destination switch whether the announcement traps of a prepared migration counted a packet: the VM
 * resumed and announced itself while no controller took its packet-in (a cluster member taking the control loop
 * over, or a controller restarting), so the migration is activated from the switch's own counter instead. The traps
 * match only frames from the port's MAC on its interface on the destination, which the VM sends once it runs there.
 * An OpenFlow flow-stats request filtered by the traps' cookie, retried while the switch has no master yet.
 */
final class TrapCounterCheck implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrapCounterCheck.class);
    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long RETRY_MILLIS = 1000;
    private static final long REQUEST_TIMEOUT_MILLIS = 5000;
    private static final long ALL_BITS = -1L;
    private static final long ETH_TYPE_RARP = 0x8035;

    private final RpcConsumerRegistry rpcs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "liveflow-trap-counters"));

    TrapCounterCheck(final RpcConsumerRegistry rpcs) {
        this.rpcs = rpcs;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /**
     * Completes with the kind of announcement ("RARP" or "GARP") the traps of the port's migration generation
     * counted on the switch, or empty if they counted none; fails if the switch did not answer within
     * {@link #PATIENCE}.
     */
    ListenableFuture<Optional<String>> counted(final String nodeId, final String port, final long generation) {
        final SettableFuture<Optional<String>> outcome = SettableFuture.create();
        attempt(nodeId, Owner.migration(port, generation).cookie(), Instant.now().plus(PATIENCE), outcome);
        return outcome;
    }

    private void attempt(final String nodeId, final long cookie, final Instant deadline,
            final SettableFuture<Optional<String>> outcome) {
        Futures.addCallback(trapStatistics(nodeId, cookie), new FutureCallback<GetFlowStatisticsOutput>() {
            @Override
            public void onSuccess(final GetFlowStatisticsOutput result) {
                outcome.set(result == null ? Optional.empty() : announcementCounted(result));
            }

            @Override
            public void onFailure(final Throwable cause) {
                if (Instant.now().isAfter(deadline)) {
                    outcome.setException(cause);
                    return;
                }
                LOG.debug("{}: trap counters not readable yet", nodeId, cause);
                try {
                    scheduler.schedule(() -> attempt(nodeId, cookie, deadline, outcome), RETRY_MILLIS,
                        TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    outcome.cancel(false);
                }
            }
        }, MoreExecutors.directExecutor());
    }

    static Optional<String> announcementCounted(final GetFlowStatisticsOutput statistics) {
        for (FlowAndStatisticsMapList trap : statistics.nonnullFlowAndStatisticsMapList()) {
            final Uint64 packets = trap.getPacketCount() == null ? null : trap.getPacketCount().getValue();
            if (packets != null && packets.longValue() > 0) {
                final var ethernet = trap.getMatch() == null ? null : trap.getMatch().getEthernetMatch();
                final boolean rarp = ethernet != null && ethernet.getEthernetType() != null
                    && ethernet.getEthernetType().getType().getValue().longValue() == ETH_TYPE_RARP;
                return Optional.of(rarp ? "RARP" : "GARP");
            }
        }
        return Optional.empty();
    }

    private ListenableFuture<GetFlowStatisticsOutput> trapStatistics(final String nodeId, final long cookie) {
        final NodeRef node = new NodeRef(InstanceIdentifier.create(Nodes.class)
            .child(Node.class, new NodeKey(new NodeId(nodeId))));
        final ListenableFuture<RpcResult<GetFlowStatisticsOutput>> request = rpcs.getRpc(GetFlowStatistics.class)
            .invoke(new GetFlowStatisticsInputBuilder().setNode(node).setStoreStats(false)
                .setMatch(new MatchBuilder().build()).setCookie(new FlowCookie(Uint64.fromLongBits(cookie)))
                .setCookieMask(new FlowCookie(Uint64.fromLongBits(ALL_BITS))).build());
        return Futures.transform(Futures.withTimeout(request, REQUEST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS,
            scheduler), result -> {
                if (!result.isSuccessful()) {
                    throw new IllegalStateException("flow statistics refused: " + result.getErrors());
                }
                return result.getResult();
            }, MoreExecutors.directExecutor());
    }
}
