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
import java.util.Optional;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * Whether one bound port can forward as far as its chassis and its admin state go (a pure derivation, so the
 * operational port-status is only written when one of these changes).
 */
record PortStatus(String chassis, boolean up, String reason) {

    /**
     * Returns the status of every port with a chassis: its own binding, or its trunk parent's for a sub-port.
     */
    static Map<String, PortStatus> of(final ConfigSnapshot config, final LivenessSnapshot liveness) {
        final Map<String, PortStatus> out = new HashMap<>();
        for (Port port : config.ports().values()) {
            of(config, liveness, port).ifPresent(status -> out.put(ConfigSnapshot.idOf(port.getId()), status));
        }
        return out;
    }

    /**
     * Returns the status of the given ports that exist and have a chassis.
     */
    static Map<String, PortStatus> of(final ConfigSnapshot config, final LivenessSnapshot liveness,
            final Collection<String> ids) {
        final Map<String, PortStatus> out = new HashMap<>();
        for (String id : ids) {
            config.port(id).flatMap(port -> of(config, liveness, port)).ifPresent(status -> out.put(id, status));
        }
        return out;
    }

    private static Optional<PortStatus> of(final ConfigSnapshot config, final LivenessSnapshot liveness,
            final Port port) {
        final Port carrier = config.carrierOf(port).orElse(null);
        if (carrier == null || carrier.getBindingChassis() == null) {
            return Optional.empty();
        }
        final String chassis = carrier.getBindingChassis().getValue();
        final ChassisReason reason = liveness.reasonOf(chassis);
        if (Boolean.FALSE.equals(port.getAdminStateUp())) {
            return Optional.of(new PortStatus(chassis, false, "port admin-state-up is false"));
        } else if (reason != ChassisReason.Alive) {
            return Optional.of(new PortStatus(chassis, false, "chassis " + chassis + " is " + reason.getName()));
        } else {
            return Optional.of(new PortStatus(chassis, true, "chassis " + chassis + " is alive"));
        }
    }
}
