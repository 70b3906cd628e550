/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.liveness;

import java.time.Instant;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the prober knows of one connected switch: when its current connection was first seen, and when it last
 * answered an echo request.
 */
record SwitchProbe(Instant connectedAt, @Nullable Instant lastReply) {
    /**
     * Returns the last moment the switch was known to work: its last reply, or its connection if it has not
     * answered yet.
     */
    Instant lastHeard() {
        return lastReply == null || lastReply.isBefore(connectedAt) ? connectedAt : lastReply;
    }
}
