/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.util.Optional;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.liveness.LivenessSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * Whether a port may migrate to a chassis (migration-precheck, prepare-migration), as a pure function of the
 * configuration, the chassis' liveness and the port's record.
 */
public final class PrecheckRules {
    /**
     * Why a request was refused.
     *
     * @param conflict true when the request is valid but the state forbids it (409), false when it is wrong
     *     (400)
     * @param reason what to tell the operator
     */
    public record Refusal(boolean conflict, String reason) {
    }

    private PrecheckRules() {
        // pure functions
    }

    /**
     * Returns why the port may not migrate to the destination now, or empty when it may.
     */
    public static Optional<Refusal> refusal(final ConfigSnapshot snapshot, final LivenessSnapshot liveness,
            final @Nullable MigrationRecord record, final String portId, final String destination) {
        final Port port = snapshot.port(portId).orElse(null);
        if (port == null) {
            return refused(false, "port " + portId + " does not exist");
        }
        final String vnicType = port.getVnicType() == null ? null : port.getVnicType().getName();
        if (vnicType != null && MigrationStateMachine.UNMIGRATABLE_VNIC_TYPES.contains(vnicType)) {
            return refused(false, "port " + portId + " has vnic-type " + vnicType
                + " (SR-IOV / PCI passthrough): its VM cannot live-migrate with its network");
        }
        if (port.getBindingChassis() == null) {
            return refused(false, "port " + portId + " is not bound to a chassis");
        }
        if (!snapshot.chassis().containsKey(destination)) {
            return refused(false, "chassis " + destination + " does not exist");
        }
        if (destination.equals(port.getBindingChassis().getValue())) {
            return refused(false, "port " + portId + " is already bound to " + destination);
        }
        final ChassisReason health = liveness.reasonOf(destination);
        if (health == ChassisReason.AdminDown) {
            return refused(true, "chassis " + destination
                + " is administratively down (admin-state-up false, drained): it takes no new VM");
        }
        if (health != ChassisReason.Alive) {
            return refused(true, "chassis " + destination + " is not alive (" + health.getName()
                + "): traffic could not follow the VM there");
        }
        if (record != null && record.inProgress()) {
            return refused(true, "port " + portId + " is already migrating (" + record.phase().yangName()
                + " from " + record.source() + " to " + record.destination() + ")");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refused(final boolean conflict, final String reason) {
        return Optional.of(new Refusal(conflict, reason));
    }
}
