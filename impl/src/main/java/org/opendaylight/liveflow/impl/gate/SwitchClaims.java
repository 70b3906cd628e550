/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which connection holds each datapath id. The first main connection that presents a datapath id holds it until it
 * closes; while it holds it, another connection presenting the same id is refused, so a second switch can never
 * take a connected chassis over (the OpenFlowPlugin would give the node to the newer connection and close the
 * older one).
 */
public final class SwitchClaims {
    /**
     * The connection holding a datapath id.
     *
     * @param connection the holding connection's identity (the gate's connection number)
     * @param remote the address the holder connected from
     * @param since when it claimed the id
     */
    public record Holder(long connection, String remote, Instant since) {
    }

    private final Map<Long, Holder> holders = new ConcurrentHashMap<>();

    /**
     * Claims {@code datapathId} for {@code connection}: returns empty when it now holds it (or already did), or
     * the other connection that holds it.
     */
    public Optional<Holder> claim(final long datapathId, final long connection, final String remote,
            final Instant now) {
        final Holder holder = holders.computeIfAbsent(datapathId, id -> new Holder(connection, remote, now));
        return holder.connection() == connection ? Optional.empty() : Optional.of(holder);
    }

    /**
     * Releases {@code datapathId} if {@code connection} holds it (a closed connection's claim ends with it).
     */
    public void release(final long datapathId, final long connection) {
        holders.computeIfPresent(datapathId, (id, holder) -> holder.connection() == connection ? null : holder);
    }

    public Optional<Holder> holder(final long datapathId) {
        return Optional.ofNullable(holders.get(datapathId));
    }
}
