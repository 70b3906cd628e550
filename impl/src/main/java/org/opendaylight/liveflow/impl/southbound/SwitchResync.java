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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.opendaylight.liveflow.impl.compiler.Owner;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatistics;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-syncs a switch that reconnects: liveflow's record says what it should hold, but only the switch knows
 * whether it kept it (controller restart, network blip) or lost it (ovs-vswitchd restart). This asks the switch
 * for its flows (a direct flow statistics request) until it reports all of liveflow's, and then sends nothing; if
 * it reports none at all (ovs-vswitchd restarted) or not all within {@link #WAIT}, the next pass replaces what the
 * switch holds with what liveflow wants on it at that moment, in one bundle. Never what was wanted at the
 * reconnect: a pass in between (a migration's activation) changes it, and re-sending the older flows put a
 * prepared migration's traps and delivery group back on switches that had moved on (seen after a cluster takeover).
 *
 * <p>Nothing here blocks a thread: every request is asynchronous with a fixed timeout (no backoff that grows),
 * and polls are jittered so that switches reconnecting together do not ask in lockstep. A switch that hangs
 * delays its own re-sync, never another switch's, nor the programmer's passes.
 */
final class SwitchResync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchResync.class);
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration JITTER = Duration.ofMillis(200);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RESEND_TIMEOUT = Duration.ofSeconds(15);

    private final RpcConsumerRegistry rpcs;
    private final FlowReconciler reconciler;
    private final Runnable requestPass;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "liveflow-resync"));
    /** The current re-sync of each switch; a newer reconnect makes an older chain stop. */
    private final Map<String, Object> current = new ConcurrentHashMap<>();

    SwitchResync(final RpcConsumerRegistry rpcs, final FlowReconciler reconciler, final Runnable requestPass) {
        this.rpcs = rpcs;
        this.reconciler = reconciler;
        this.requestPass = requestPass;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /**
     * Starts watching a switch that just reconnected, which should hold what the reconciler holds for it.
     */
    void switchReconnected(final String nodeId) {
        if (reconciler.installedFlowCount(nodeId) == 0) {
            return;
        }
        final Object attempt = new Object();
        current.put(nodeId, attempt);
        final Attempt resync = new Attempt(nodeId, attempt, Instant.now().plus(WAIT));
        resync.pollLater();
    }

    /** One re-sync of one switch, polled until the switch holds every flow or the wait is over. */
    private final class Attempt {
        private final String nodeId;
        private final Object token;
        private final Instant deadline;

        Attempt(final String nodeId, final Object token, final Instant deadline) {
            this.nodeId = nodeId;
            this.token = token;
            this.deadline = deadline;
        }

        void pollLater() {
            final long delay = POLL.toMillis() + ThreadLocalRandom.current().nextLong(JITTER.toMillis() + 1);
            scheduler.schedule(this::poll, delay, TimeUnit.MILLISECONDS);
        }

        private boolean superseded() {
            return current.get(nodeId) != token;
        }

        private void poll() {
            if (superseded()) {
                return;
            }
            Futures.addCallback(liveflowFlowsOnSwitch(nodeId), new FutureCallback<Long>() {
                @Override
                public void onSuccess(final Long onSwitch) {
                    final int held = reconciler.installedFlowCount(nodeId);
                    if (onSwitch >= held) {
                        LOG.info("{} reconnected with all {} liveflow flows: nothing to re-send", nodeId, held);
                        current.remove(nodeId, token);
                    } else if (onSwitch == 0 && !superseded()) {
                        // none at all: the switch restarted (a controller restart never empties a switch), and
                        // nobody else sends these flows, so waiting for them would only keep its VMs offline
                        current.remove(nodeId, token);
                        LOG.info("{} reconnected with none of its {} liveflow flows: re-sending its groups and "
                            + "flows", nodeId, held);
                        resend(nodeId);
                    } else {
                        next(onSwitch + " of " + held + " liveflow flows");
                    }
                }

                @Override
                public void onFailure(final Throwable cause) {
                    LOG.debug("flow statistics of {} failed", nodeId, cause);
                    next("no flow statistics (" + cause + ")");
                }
            }, MoreExecutors.directExecutor());
        }

        private void next(final String found) {
            if (superseded()) {
                return;
            }
            if (Instant.now().isBefore(deadline)) {
                pollLater();
                return;
            }
            current.remove(nodeId, token);
            LOG.info("{} reconnected with {}: re-sending its groups and flows", nodeId, found);
            resend(nodeId);
        }
    }

    /**
     * Asks the switch itself (a flow statistics request, answered from the switch, not stored) how many liveflow
     * flows it holds: the OpenFlowPlugin's periodic statistics polling is off in the distribution.
     */
    private ListenableFuture<Long> liveflowFlowsOnSwitch(final String nodeId) {
        final NodeRef node = new NodeRef(FlowReconciler.nodePath(nodeId).firstIdentifierOf(Node.class));
        final ListenableFuture<RpcResult<GetFlowStatisticsOutput>> request = rpcs.getRpc(GetFlowStatistics.class)
            .invoke(new GetFlowStatisticsInputBuilder().setNode(node).setStoreStats(false)
                .setMatch(new MatchBuilder().build()).build());
        return Futures.transform(Futures.withTimeout(request, REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS,
            scheduler), result -> {
                if (!result.isSuccessful()) {
                    throw new IllegalStateException("flow statistics refused: " + result.getErrors());
                }
                final GetFlowStatisticsOutput output = result.getResult();
                return output == null ? 0L : output.nonnullFlowAndStatisticsMapList().stream()
                    .filter(flow -> flow.getCookie() != null
                        && isLiveflowCookie(flow.getCookie().getValue().longValue()))
                    .count();
            }, MoreExecutors.directExecutor());
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

    /**
     * Has the next pass replace everything the switch holds with what liveflow wants on it then, in one bundle.
     */
    private void resend(final String nodeId) {
        reconciler.switchLost(nodeId);
        requestPass.run();
    }
}
