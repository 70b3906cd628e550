/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.cluster;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opendaylight.liveflow.impl.migration.MigrationTrap;
import org.opendaylight.mdsal.binding.api.NotificationService;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.RelayAnnouncement;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.RelayAnnouncementInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.RelayAnnouncementOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.PacketReceived;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on every cluster member and hands the packet-ins of migration traps it receives to the member that runs the
 * control loop (RPC relay-announcement, which MD-SAL routes to the one member that registered it). The
 * OpenFlowPlugin delivers a switch's packet-ins only where that switch's master is, and mastership is the plugin's
 * choice, per switch: without this, the announcement of a VM resumed behind a switch mastered elsewhere would never
 * activate its migration (dual delivery would carry its traffic until the binding timeout). On the member that runs
 * the control loop the migration engine hears the packet-in itself, and this relays nothing.
 */
@Component(service = {}, immediate = true)
public final class AnnouncementRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementRelay.class);

    /** How long a relay that found no member running the control loop keeps trying: longer than a takeover. */
    static final Duration RETRY_FOR = Duration.ofSeconds(90);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "liveflow-announcement-relay"));
    private final RelayAnnouncement relay;
    private final Registration packetIns;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ControlLoopLease lease;

    @Activate
    public AnnouncementRelay(@Reference final NotificationService notifications,
            @Reference final RpcConsumerRegistry rpcs) {
        relay = rpcs.getRpc(RelayAnnouncement.class);
        packetIns = notifications.registerListener(PacketReceived.class, this::packetReceived, executor);
    }

    @Deactivate
    @Override
    public void close() {
        packetIns.close();
        executor.shutdownNow();
    }

    private void packetReceived(final PacketReceived packet) {
        if (lease == null) {
            MigrationTrap.of(packet).ifPresent(trap -> relay(trap, Instant.now().plus(RETRY_FOR)));
        }
    }

    private void relay(final MigrationTrap trap, final Instant giveUpAt) {
        LOG.info("relaying a migration trap's packet-in from {} to the member that runs the control loop",
            trap.connectorId());
        Futures.addCallback(relay.invoke(new RelayAnnouncementInputBuilder().setNode(trap.nodeId())
            .setNodeConnector(trap.connectorId()).setCookie(Uint64.fromLongBits(trap.cookie()))
            .setPayload(trap.payload()).build()), new FutureCallback<RpcResult<RelayAnnouncementOutput>>() {
                @Override
                public void onSuccess(final RpcResult<RelayAnnouncementOutput> result) {
                    if (!result.isSuccessful()) {
                        LOG.warn("relay-announcement from {} refused: {}", trap.connectorId(),
                            result.getErrors());
                    }
                }

                @Override
                public void onFailure(final Throwable cause) {
                    // no member runs the control loop at this moment (a handover): the VM announced itself once,
                    // so the announcement is kept and relayed again until the member taking over registers the
                    // RPC; dual delivery carries the port's traffic meanwhile, and the engine ignores it if the
                    // migration moved on (its cookie names the generation)
                    if (Instant.now().isAfter(giveUpAt) || executor.isShutdown()) {
                        LOG.warn("Could not relay a migration trap's packet-in from {}", trap.connectorId(), cause);
                        return;
                    }
                    LOG.info("No member takes a relayed announcement from {} yet ({}): trying again in {}",
                        trap.connectorId(), cause.getMessage(), RETRY_EVERY);
                    executor.schedule(() -> relay(trap, giveUpAt), RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                }
            }, MoreExecutors.directExecutor());
    }
}
