/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.liveness;

import java.time.Duration;
import java.time.Instant;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the prober knows of one connected switch: when its current connection was first seen, when it last
 * answered an echo request, when the request it answered was sent, and since when it leaves requests unanswered.
 *
 * @param connectedAt when the current connection was first seen
 * @param lastReply when the last reply arrived, null if none on this connection yet
 * @param answeredSent when the request of that reply was sent, null if none
 * @param unansweredSince when the first request still unanswered was sent, null when none is
 */
record SwitchProbe(Instant connectedAt, @Nullable Instant lastReply, @Nullable Instant answeredSent,
        @Nullable Instant unansweredSince) {
    /**
     * Returns the last moment the switch was known to work: its last reply, or its connection if it has not
     * answered yet.
     */
    Instant lastHeard() {
        return lastReply == null || lastReply.isBefore(connectedAt) ? connectedAt : lastReply;
    }

    /**
     * Returns when this switch's silence reaches dead-after, or null while it leaves no request unanswered. Its
     * silence counts from its last reply, but from no earlier than one probe interval before the first request it
     * left unanswered: silence nobody asked about (after a long probe interval was shortened, say) is not held
     * against it.
     */
    @Nullable Instant deadline(final Duration probeInterval, final Duration deadAfter) {
        if (unansweredSince == null) {
            return null;
        }
        final Instant askedFrom = unansweredSince.minus(probeInterval);
        return (askedFrom.isAfter(lastHeard()) ? askedFrom : lastHeard()).plus(deadAfter);
    }

    /**
     * Returns the latest moment from which this switch proves that the controller itself works: a request sent then
     * was answered, or the connection was taken in then. A reply merely received late proves nothing: after a
     * controller stall (a garbage collection, a starved thread) replies queued during it are read in any order.
     */
    Instant witnessedFrom() {
        return answeredSent == null || answeredSent.isBefore(connectedAt) ? connectedAt : answeredSent;
    }
}
