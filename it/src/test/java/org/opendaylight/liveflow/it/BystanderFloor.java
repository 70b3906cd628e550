/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.opendaylight.liveflow.it.lab.BystanderSwitches;
import org.opendaylight.liveflow.it.lab.FlowModFloor;

/**
 * What the lab's bystander switches take, alone, to apply one flow-mod each when all of them get theirs at once
 * ({@link FlowModFloor}), read as the activation is ({@link BystanderActivation}: from the flows' ages): the part
 * of an activation's figure that no controller can take away in this lab.
 */
final class BystanderFloor {
    /** The measured flow's MAC: a locally administered one that no VM of the lab has. */
    static final String MAC = "02:00:00:00:f1:00";
    private static final long COOKIE = 0x10f1_0000L;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private BystanderFloor() {
    }

    /**
     * Measures once, deletes the measured flows, and returns the figures for the benchmark's note.
     */
    static String measure(final BystanderSwitches bystanders) throws IOException {
        try (FlowModFloor floor = FlowModFloor.connect(bystanders.managementSockets(), TIMEOUT)) {
            final FlowModFloor.Sent sent = floor.addOneFlowEach(COOKIE, MAC, TIMEOUT);
            final BystanderActivation installed = BystanderActivation.read(bystanders,
                "table=" + FlowModFloor.TABLE + ",dl_dst=" + MAC, flow -> true, ProbeStream.micros(sent.start()));
            floor.deleteFlows(COOKIE, TIMEOUT);
            if (installed.neverSwitched() > 0) {
                throw new IOException(installed.neverSwitched() + " bystanders answered the barrier without the "
                    + "flow in table " + FlowModFloor.TABLE);
            }
            return String.format("the switches alone (one flow-mod and a barrier to each bystander's management "
                + "socket, all written in %.1f ms with no controller in the way): ", sent.writeMillis())
                + installed.summary("installed it (switch-side)", "the first write")
                + new BystanderActivation(sent.answeredMillis(), 0, List.of())
                    .summary("answered the barrier (read by the test)", "the first write");
        }
    }
}
