/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;

/**
 * A bound port is up only while its chassis is alive and its own admin state is up (p1 on c1, p2 on c2).
 */
class PortStatusTest {
    private static LivenessSnapshot liveness(final ChassisReason c1, final ChassisReason c2) {
        return new LivenessSnapshot(Map.of("c1", new ChassisHealth("c1", "openflow:1", c1, null, null),
            "c2", new ChassisHealth("c2", "openflow:2", c2, null, null)));
    }

    @Test
    void portsFollowTheirChassis() {
        final ConfigSnapshot config = TestOverlay.base().snapshot();
        assertEquals(Map.of("p1", new PortStatus("c1", true, "chassis c1 is alive"),
            "p2", new PortStatus("c2", false, "chassis c2 is not-answering")),
            PortStatus.of(config, liveness(ChassisReason.Alive, ChassisReason.NotAnswering)));
        assertEquals(new PortStatus("c1", false, "chassis c1 is admin-down"),
            PortStatus.of(config, liveness(ChassisReason.AdminDown, ChassisReason.Alive)).get("p1"));
        assertEquals(new PortStatus("c2", false, "chassis c2 is never-connected"),
            PortStatus.of(config, LivenessSnapshot.empty()).get("p2"));
    }

    @Test
    void anAdminDownPortIsDownOnAnAliveChassis() {
        final ConfigSnapshot config = TestOverlay.base().withPort(TestOverlay.port("p1", "net1", "fa:16:3e:00:00:01",
            "s1", "10.0.0.11").setBindingChassis(TestOverlay.id("c1")).setAdminStateUp(false)).snapshot();
        assertEquals(new PortStatus("c1", false, "port admin-state-up is false"),
            PortStatus.of(config, liveness(ChassisReason.Alive, ChassisReason.Alive)).get("p1"));
    }

    @Test
    void theStatusOfSomePortsIsTheirsAmongAll() {
        final ConfigSnapshot config = TestOverlay.base().withPort(TestOverlay.port("p3", "net1", "fa:16:3e:00:00:03"))
            .snapshot();
        final LivenessSnapshot verdicts = liveness(ChassisReason.Alive, ChassisReason.NotAnswering);
        final Map<String, PortStatus> all = PortStatus.of(config, verdicts);
        // p3 has no chassis, p9 does not exist: neither has a status
        assertEquals(Map.of("p2", all.get("p2")), PortStatus.of(config, verdicts, List.of("p2", "p3", "p9")));
    }
}
