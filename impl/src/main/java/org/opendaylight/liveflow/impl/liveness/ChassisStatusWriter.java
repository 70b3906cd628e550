/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.liveness;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.impl.datastore.StateWrites;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisStatus;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.chassis.status.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.chassis.status.ChassisBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.chassis.status.ChassisKey;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * Writes chassis-status to the operational datastore: a chassis' whole entry when its liveness changes, and
 * only its last-seen leaf otherwise, every chassis in one transaction.
 */
final class ChassisStatusWriter {
    private final StateWrites writes;

    ChassisStatusWriter(final DataBroker broker) {
        writes = new StateWrites(broker);
    }

    void changed(final Collection<ChassisHealth> changed, final Collection<String> removed, final Instant now) {
        writes.operational("chassis status", tx -> {
            for (ChassisHealth health : changed) {
                tx.put(path(health.chassis()), new ChassisBuilder()
                    .setName(new ResourceId(health.chassis())).setNodeId(health.nodeId())
                    .setAlive(health.alive()).setReason(health.reason()).setLastSeen(timeOf(health.lastSeen()))
                    .setConnectedSince(timeOf(health.connectedSince())).setChangedAt(timeOf(now)).build());
            }
            removed.forEach(name -> tx.delete(path(name)));
        });
    }

    void lastSeen(final Map<String, Instant> seen) {
        writes.operational("last-seen", tx -> seen.forEach((name, at) -> tx.merge(path(name),
            new ChassisBuilder().setName(new ResourceId(name)).setLastSeen(timeOf(at)).build())));
    }

    static @Nullable DateAndTime timeOf(final @Nullable Instant at) {
        return at == null ? null : new DateAndTime(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            at.atOffset(ZoneOffset.UTC)));
    }

    private static InstanceIdentifier<Chassis> path(final String name) {
        return InstanceIdentifier.create(ChassisStatus.class).child(Chassis.class,
            new ChassisKey(new ResourceId(name)));
    }
}
