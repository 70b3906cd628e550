/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which karaf/await-ready reports a first boot may be retried on: only liveflow's own check failing, as printed.
 */
class ReadinessTest {
    @Test
    void onlyTheLiveflowCheckFailingIsThatForm() {
        final var report = new KarafInstance.Readiness(false, List.of("check shell passed after 13s",
            "check restconf passed after 31s", "check openflow passed after 31s",
            "not ready after 240s: liveflow failed: liveflow:network-list does not answer, or its switch gate does "
                + "not listen on 27781", "  switch gate 127.0.0.1:27781: not listening"));
        assertTrue(report.onlyLiveflowFailed());
    }

    @Test
    void anEarlierCheckFailingOrAReadyBootIsNot() {
        assertFalse(new KarafInstance.Readiness(false, List.of("check shell passed after 13s",
            "not ready after 240s: restconf failed: GET /rests/operations answers 401",
            "  liveflow log: liveflow failed: nothing")).onlyLiveflowFailed());
        assertFalse(new KarafInstance.Readiness(false, List.of(
            "not ready after 3s: process failed: the Karaf JVM is not running")).onlyLiveflowFailed());
        final var ready = new KarafInstance.Readiness(true, List.of("check liveflow passed after 33s",
            "ready after 33s"));
        assertFalse(ready.onlyLiveflowFailed());
        assertEquals(List.of(), ready.recoveries());
    }
}
