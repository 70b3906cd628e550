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
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;

/**
 * What liveflow knows of one chassis' liveness at one moment.
 *
 * @param chassis the chassis' name
 * @param nodeId the OpenFlow node its datapath-id names, null when it has none
 * @param reason alive, or why not
 * @param lastSeen when its switch last answered a probe (or connected), null if never since the controller started
 * @param connectedSince when its switch's current connection came up, null when not connected
 */
public record ChassisHealth(String chassis, @Nullable String nodeId, ChassisReason reason,
        @Nullable Instant lastSeen, @Nullable Instant connectedSince) {

    public boolean alive() {
        return reason == ChassisReason.Alive;
    }
}
