/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides, after the controller starts, when the programmer may change switches: once every configured switch
 * has reconnected and the inventory has settled, or once {@link #GRACE} has passed since the first configured
 * switch reconnected. Compiling while some switches are still unknown would withdraw, and then re-add, every
 * flow towards them.
 *
 * <p>The grace period counts from the first reconnection, not from the controller's start: the OpenFlowPlugin
 * opens its port some time after liveflow starts (13 to 30 s on a 2-core machine), and Open vSwitch retries a
 * lost controller only every few seconds (up to 8 s by default), so a grace counted from the start can end
 * before the first switch is back. Until a switch is back there is nothing to program anyway. Pure: the
 * caller passes the clock.
 */
final class StartupHold {
    static final Duration GRACE = Duration.ofSeconds(30);

    /**
     * What the programmer should do now.
     *
     * @param program true once switches may be changed
     * @param retryAt when to look again if not; empty when the next inventory change is the moment to look
     * @param unseen configured switches not seen yet
     */
    record Decision(boolean program, Optional<Instant> retryAt, long unseen) {
    }

    private Instant firstSwitchAt;

    /**
     * Decides at {@code now}, given how many configured switches have been seen since start, how many have not,
     * and when the switch inventory last changed (switches report their ports over several updates).
     */
    Decision decide(final Instant now, final long seen, final long unseen, final Instant settledAt) {
        if (firstSwitchAt == null && seen > 0) {
            firstSwitchAt = now;
        }
        if (firstSwitchAt == null) {
            // nothing connected, nothing to program: the first connection changes the inventory and asks again
            return new Decision(unseen == 0, Optional.empty(), unseen);
        }
        final Instant graceEnds = firstSwitchAt.plus(GRACE);
        if (!now.isBefore(graceEnds)) {
            return new Decision(true, Optional.empty(), unseen);
        }
        if (unseen > 0) {
            return new Decision(false, Optional.of(graceEnds), unseen);
        }
        if (now.isBefore(settledAt)) {
            return new Decision(false, Optional.of(settledAt), 0);
        }
        return new Decision(true, Optional.empty(), 0);
    }
}
