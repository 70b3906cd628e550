/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionSettingsTest {
    @Test
    void absentKeysKeepTheDefaults() {
        assertEquals(new AdmissionSettings.Parsed(AdmissionSettings.DEFAULTS, List.of()),
            AdmissionSettings.parse(Map.of()));
    }

    @Test
    void configuredValuesAreRead() {
        final AdmissionSettings.Parsed parsed = AdmissionSettings.parse(Map.of("max-requests", "40",
            "max-waiting-writes", "8", "max-write-wait-ms", "2500", "retry-after-seconds", "2"));
        assertEquals(List.of(), parsed.errors());
        assertEquals(new AdmissionSettings(40, 8, Duration.ofMillis(2500), Duration.ofSeconds(2)), parsed.settings());
    }

    @Test
    void aBadValueFallsBackToTheDefaultsAndSaysWhy() {
        final AdmissionSettings.Parsed parsed = AdmissionSettings.parse(Map.of("max-requests", "lots"));
        assertEquals(AdmissionSettings.DEFAULTS, parsed.settings());
        assertEquals(List.of("max-requests is not an integer: lots"), parsed.errors());
    }

    @Test
    void moreWaitingWritesThanRequestSlotsIsRefused() {
        final AdmissionSettings.Parsed parsed = AdmissionSettings.parse(Map.of("max-requests", "10",
            "max-waiting-writes", "10"));
        assertEquals(AdmissionSettings.DEFAULTS, parsed.settings());
        assertTrue(parsed.errors().get(0).contains("above max-waiting-writes"), parsed.errors().toString());
    }
}
