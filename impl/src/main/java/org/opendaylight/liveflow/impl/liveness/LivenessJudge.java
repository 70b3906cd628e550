/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.liveness;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;

/**
 * Decides each configured chassis' liveness from the switch inventory and the probes' replies: a pure function
 * of its inputs and the time, so every rule is unit-tested without a switch.
 *
 * <p>The rules, first match wins: no datapath-id, or a switch not seen since the controller started, is
 * never-connected; a switch the OpenFlowPlugin reports gone is disconnected; a connected switch that has not
 * answered (nor connected) for dead-after is not-answering; a chassis with admin-state-up=false is admin-down;
 * anything else is alive.
 */
final class LivenessJudge {
    private LivenessJudge() {
        // pure functions
    }

    static Map<String, ChassisHealth> judge(final ConfigSnapshot config, final SwitchInventory inventory,
            final Map<String, SwitchProbe> probes, final Instant now) {
        final Map<String, ChassisHealth> out = new HashMap<>();
        for (Chassis chassis : config.chassis().values()) {
            final String name = chassis.getName().getValue();
            final String nodeId = SwitchInventory.nodeIdOf(chassis).orElse(null);
            final Optional<SwitchView> view = inventory.switchOf(chassis);
            final SwitchProbe probe = nodeId == null ? null : probes.get(nodeId);
            final ChassisReason reason;
            if (view.isEmpty()) {
                reason = ChassisReason.NeverConnected;
            } else if (!view.orElseThrow().connected()) {
                reason = ChassisReason.Disconnected;
            } else if (probe != null && !probe.lastHeard().plus(config.deadAfter()).isAfter(now)) {
                reason = ChassisReason.NotAnswering;
            } else if (Boolean.FALSE.equals(chassis.getAdminStateUp())) {
                reason = ChassisReason.AdminDown;
            } else {
                reason = ChassisReason.Alive;
            }
            final boolean connected = view.isPresent() && view.orElseThrow().connected();
            out.put(name, new ChassisHealth(name, nodeId, reason, probe == null ? null : probe.lastHeard(),
                connected && probe != null ? probe.connectedAt() : null));
        }
        return out;
    }
}
