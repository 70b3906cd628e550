/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.liveness;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.opendaylight.liveflow.impl.datastore.StateWrites;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.port.status.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.port.status.PortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.port.status.PortKey;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * Keeps the operational port-status in step with {@link PortStatus}, writing only the ports whose status changed.
 */
final class PortStatusWriter {
    private final StateWrites writes;
    private final Map<String, PortStatus> published = new HashMap<>();

    PortStatusWriter(final DataBroker broker) {
        writes = new StateWrites(broker);
    }

    /** Writes what changed since the last update; nothing at all when nothing did. */
    void update(final Map<String, PortStatus> now) {
        writes.operational("port status", tx -> {
            for (var entry : now.entrySet()) {
                final PortStatus status = entry.getValue();
                if (!status.equals(published.put(entry.getKey(), status))) {
                    tx.put(path(entry.getKey()), new PortBuilder().setId(new ResourceId(entry.getKey()))
                        .setChassis(new ResourceId(status.chassis())).setUp(status.up())
                        .setReason(status.reason()).build());
                }
            }
            for (String gone : Map.copyOf(published).keySet()) {
                if (!now.containsKey(gone)) {
                    published.remove(gone);
                    tx.delete(path(gone));
                }
            }
        });
    }

    /**
     * Writes what changed among {@code ids} only: their status now is in {@code now}, or they have none (a port
     * removed, or no longer bound).
     */
    void update(final Map<String, PortStatus> now, final Collection<String> ids) {
        writes.operational("port status", tx -> {
            for (String id : ids) {
                final PortStatus status = now.get(id);
                if (status == null) {
                    if (published.remove(id) != null) {
                        tx.delete(path(id));
                    }
                } else if (!status.equals(published.put(id, status))) {
                    tx.put(path(id), new PortBuilder().setId(new ResourceId(id)).setChassis(new ResourceId(
                        status.chassis())).setUp(status.up()).setReason(status.reason()).build());
                }
            }
        });
    }

    private static InstanceIdentifier<Port> path(final String id) {
        return InstanceIdentifier.create(org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123
            .PortStatus.class).child(Port.class, new PortKey(new ResourceId(id)));
    }
}
