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
 * The connections the gate refused, per datapath id they claimed: how many, and the last one (from where, why,
 * when). {@code liveflow:chassis-show} shows them for the chassis registered with that datapath id.
 */
public final class RefusedConnections {
    /**
     * Refusals of one datapath id.
     *
     * @param count how many connections were refused
     * @param lastRemote where the last one came from
     * @param lastReason why it was refused
     * @param lastAt when
     */
    public record Refusals(long count, String lastRemote, String lastReason, Instant lastAt) {
    }

    private final Map<Long, Refusals> byDatapathId = new ConcurrentHashMap<>();

    public void record(final long datapathId, final String remote, final String reason, final Instant at) {
        byDatapathId.merge(datapathId, new Refusals(1, remote, reason, at),
            (old, last) -> new Refusals(old.count() + 1, last.lastRemote(), last.lastReason(), last.lastAt()));
    }

    public Optional<Refusals> of(final long datapathId) {
        return Optional.ofNullable(byDatapathId.get(datapathId));
    }
}
