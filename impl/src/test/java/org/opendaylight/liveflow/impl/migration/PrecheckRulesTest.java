/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.id;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.port;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.liveness.ChassisHealth;
import org.opendaylight.liveflow.impl.liveness.LivenessSnapshot;
import org.opendaylight.liveflow.impl.migration.PrecheckRules.Refusal;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.VnicType;

/**
 * Every reason migration-precheck and prepare-migration refuse, with its status class (400 or 409).
 */
class PrecheckRulesTest {
    private final ConfigSnapshot config = TestOverlay.base()
        .withPort(port("sriov", "net1", "fa:16:3e:00:00:03", "s1", "10.0.0.13").setBindingChassis(id("c1"))
            .setVnicType(VnicType.Direct))
        .withPort(port("unbound", "net1", "fa:16:3e:00:00:04", "s1", "10.0.0.14"))
        .snapshot();

    private static LivenessSnapshot c2(final ChassisReason reason) {
        return new LivenessSnapshot(Map.of("c2", new ChassisHealth("c2", "openflow:2", reason, null, null)));
    }

    private Optional<Refusal> refusal(final String port, final String destination) {
        return PrecheckRules.refusal(config, c2(ChassisReason.Alive), null, port, destination);
    }

    @Test
    void aBoundPortMayMoveToAnAliveChassis() {
        assertEquals(Optional.empty(), refusal("p1", "c2"));
    }

    @Test
    void wrongRequestsAreRefusedAs400() {
        assertEquals(Optional.of(new Refusal(false, "port nope does not exist")), refusal("nope", "c2"));
        assertEquals(Optional.of(new Refusal(false, "port unbound is not bound to a chassis")),
            refusal("unbound", "c2"));
        assertEquals(Optional.of(new Refusal(false, "chassis c9 does not exist")), refusal("p1", "c9"));
        assertEquals(Optional.of(new Refusal(false, "port p1 is already bound to c1")), refusal("p1", "c1"));
        assertEquals(false, refusal("sriov", "c2").orElseThrow().conflict());
        assertEquals(true, refusal("sriov", "c2").orElseThrow().reason().contains("vnic-type direct"));
    }

    @Test
    void theStateOfTheDestinationOrOfThePortRefusesAs409() {
        final Refusal drained = PrecheckRules.refusal(config, c2(ChassisReason.AdminDown), null, "p1", "c2")
            .orElseThrow();
        assertEquals(true, drained.conflict());
        assertEquals(true, drained.reason().contains("administratively down"), drained.reason());
        final Refusal dead = PrecheckRules.refusal(config, c2(ChassisReason.NotAnswering), null, "p1", "c2")
            .orElseThrow();
        assertEquals(true, dead.conflict());
        assertEquals(true, dead.reason().contains("is not alive"), dead.reason());
        final MigrationRecord migrating = MigrationRecord.bound("p1", "c1").begin("c1", "c2",
            MigrationPhase.PREPARED, "interface plugged on c2", Instant.EPOCH);
        assertEquals(Optional.of(new Refusal(true, "port p1 is already migrating (prepared from c1 to c2)")),
            PrecheckRules.refusal(config, c2(ChassisReason.Alive), migrating, "p1", "c2"));
    }
}
