/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.liveness;

import java.util.Map;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;

/**
 * The liveness of every configured chassis, by name, as one immutable snapshot.
 */
public record LivenessSnapshot(Map<String, ChassisHealth> chassis) {
    private static final LivenessSnapshot EMPTY = new LivenessSnapshot(Map.of());

    public LivenessSnapshot {
        chassis = Map.copyOf(chassis);
    }

    public static LivenessSnapshot empty() {
        return EMPTY;
    }

    /**
     * Returns a chassis' reason, never-connected for one not known.
     */
    public ChassisReason reasonOf(final String name) {
        final ChassisHealth health = chassis.get(name);
        return health == null ? ChassisReason.NeverConnected : health.reason();
    }
}
