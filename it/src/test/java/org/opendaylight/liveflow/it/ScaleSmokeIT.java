/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.it.lab.BystanderSwitches;
import org.opendaylight.liveflow.it.lab.FlowModFloor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scale lab in small (it/scale-benchmark runs it at 100 and 1,000 chassis): 50 bystander bridges in one
 * ovs-vswitchd beside the three real chassis of the migration lab. Each bystander has a port on the VM's network
 * and tunnels to c1 and c2. Initial programming: every bystander holds exactly what the controller programs there.
 * What the bystanders take alone to apply one flow-mod each ({@link BystanderFloor}). One migration of the VM from
 * c1 to c2: every bystander delivers to both copies while it is prepared, and to c2
 * alone once the VM resumed there and announced itself (RARP), from the switches' own flow ages.
 */
class ScaleSmokeIT {
    private static final Logger LOG = LoggerFactory.getLogger(ScaleSmokeIT.class);
    private static final int BYSTANDERS = 50;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void fiftyBridgesInOneProcessAreProgrammedAndSwitched() throws Exception {
        try (LiveflowOverlay overlay = new LiveflowOverlay(false, BYSTANDERS)) {
            overlay.setUp(3);
            final BystanderSwitches bystanders = overlay.bystanders();
            assertEquals(BYSTANDERS, bystanders.all().size());
            assertEquals(1, bystanders.all().stream().map(BystanderSwitches.Bystander::ovs).distinct().count(),
                "every bystander bridge in one ovs-vswitchd");
            final int flows = overlay.awaitBystandersSettled();
            LOG.info("scale smoke: {}{} flows on the bystanders, as programmed", overlay.programmingNote(), flows);
            // the switches' own share of an activation, in this lab: it fails unless every bystander installed
            // the flow, and leaves none of them behind
            LOG.info("scale smoke: {}", BystanderFloor.measure(bystanders));
            for (BystanderSwitches.Bystander bystander : bystanders.all()) {
                assertEquals(List.of(), bystanders.flowsMatching(bystander, "table=" + FlowModFloor.TABLE),
                    bystander.name() + " still holds the measured flow");
            }
            overlay.plugDestination();
            final long resumed = ProbeStream.micros(Instant.now());
            overlay.announce();
            // the RARP reached the controller: the engine says the migration switched
            overlay.awaitSwitched();
            final BystanderActivation activation = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> BystanderActivation.measure(bystanders, MigratingOverlay.VM_MAC,
                    overlay.destinationTunnelOfport(), resumed), measured -> measured.neverSwitched() == 0);
            LOG.info("scale smoke: activation seen on {}", activation.summary());
            assertEquals(0, activation.neverSwitched(), "bystanders that never switched to c2: " + activation);
            // the flows are the ones the activation wrote: none older than the RARP that caused them
            assertTrue(activation.percentile(0) >= -1, "a bystander's flow to c2 predates the RARP: " + activation);
            // and no bystander still sends the VM's traffic to both copies or to c1
            for (BystanderSwitches.Bystander bystander : bystanders.all()) {
                final List<String> toVm = bystanders.flows(bystander).stream()
                    .filter(flow -> flow.contains("dl_dst=" + MigratingOverlay.VM_MAC)).toList();
                assertEquals(1, toVm.size(), bystander.name() + ": " + toVm);
                assertTrue(toVm.get(0).endsWith("output:" + overlay.destinationTunnelOfport()),
                    bystander.name() + ": " + toVm);
            }
        }
    }
}
