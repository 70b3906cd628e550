/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.liveness;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.OPERATIONAL;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisStatus;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.chassis.status.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.chassis.status.ChassisBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.chassis.status.ChassisKey;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps chassis-status in the operational datastore: for every configured chassis, whether its switch is
 * connected, as which OpenFlow node, and since when. Writes only when that changes.
 */
public final class ChassisStatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ChassisStatusWriter.class);

    /** What is published of one chassis, without timestamps. */
    private record State(boolean alive, String nodeId, String reason) {
    }

    private final DataBroker broker;
    private final Map<String, State> published = new HashMap<>();

    public ChassisStatusWriter(final DataBroker broker) {
        this.broker = broker;
    }

    public synchronized void update(final ConfigSnapshot config, final SwitchInventory inventory) {
        final WriteTransaction tx = broker.newWriteOnlyTransaction();
        boolean changed = false;
        final String now = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
        for (var chassis : config.chassis().values()) {
            final String name = chassis.getName().getValue();
            final Optional<String> nodeId = SwitchInventory.nodeIdOf(chassis);
            final boolean alive = inventory.connectedSwitchOf(chassis).isPresent();
            final State state = new State(alive, nodeId.orElse(""), nodeId.isEmpty()
                ? "no datapath-id configured" : alive ? "switch connected" : "switch not connected");
            if (Objects.equals(published.get(name), state)) {
                continue;
            }
            final State previous = published.put(name, state);
            final ChassisBuilder status = new ChassisBuilder().setName(new ResourceId(name)).setAlive(alive)
                .setNodeId(nodeId.orElse(null)).setReason(state.reason()).setLastSeen(alive ? new DateAndTime(now)
                    : null);
            if (alive && (previous == null || !previous.alive())) {
                status.setConnectedSince(new DateAndTime(now));
            }
            tx.merge(OPERATIONAL, path(name), status.build());
            LOG.info("chassis {}: {}", name, state.reason());
            changed = true;
        }
        for (String gone : Map.copyOf(published).keySet()) {
            if (!config.chassis().containsKey(gone)) {
                published.remove(gone);
                tx.delete(OPERATIONAL, path(gone));
                changed = true;
            }
        }
        if (changed) {
            tx.commit().addCallback(new FutureCallback<CommitInfo>() {
                @Override
                public void onSuccess(final CommitInfo result) {
                    LOG.debug("chassis status written");
                }

                @Override
                public void onFailure(final Throwable cause) {
                    LOG.warn("Could not write chassis status", cause);
                }
            }, MoreExecutors.directExecutor());
        } else {
            tx.cancel();
        }
    }

    private static InstanceIdentifier<Chassis> path(final String name) {
        return InstanceIdentifier.create(ChassisStatus.class).child(Chassis.class,
            new ChassisKey(new ResourceId(name)));
    }
}
