/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Request slots: 5 in all, of which writes may hold 2 (the one running and one waiting), so 3 stay for reads.
 */
class AdmissionControlTest {
    private final AdmissionControl admission = new AdmissionControl(new AdmissionSettings(5, 1, Duration.ofSeconds(5),
        Duration.ofSeconds(1)));

    @Test
    void writesLeaveTheirShareOfSlotsToReads() {
        assertTrue(admission.tryBeginWrite());
        assertTrue(admission.tryBeginWrite());
        assertFalse(admission.tryBeginWrite(), "a third write while the gate lets in two");
        // the refused write took no slot: every other slot is a read's
        assertTrue(admission.tryBeginRequest());
        assertTrue(admission.tryBeginRequest());
        assertTrue(admission.tryBeginRequest());
        assertFalse(admission.tryBeginRequest(), "a sixth request of five slots");
        assertEquals(5, admission.requestsInProgress());
        assertEquals(2, admission.refusedBusy());

        // a write that ends frees a write's slot, which a write takes again
        admission.endWrite();
        assertEquals(4, admission.requestsInProgress());
        assertTrue(admission.tryBeginWrite());
        assertFalse(admission.tryBeginRequest());
    }

    @Test
    void aWriteFindingEverySlotTakenByReadsKeepsNoWriteSlot() {
        for (int i = 0; i < 5; i++) {
            assertTrue(admission.tryBeginRequest());
        }
        assertFalse(admission.tryBeginWrite());
        admission.endRequest();
        admission.endRequest();
        // had the refused write kept its write slot, only one write would get in now
        assertTrue(admission.tryBeginWrite());
        assertTrue(admission.tryBeginWrite());
        assertEquals(5, admission.requestsInProgress());
    }
}
