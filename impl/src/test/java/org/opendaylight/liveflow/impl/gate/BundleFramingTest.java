/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The ONF bundle messages of OpenFlow 1.3 as Open vSwitch reads them (struct ofp14_bundle_ctrl_msg behind an
 * experimenter header of the ONF, experimenter types 2300 and 2301, ONF extension 230), and the flags every liveflow
 * bundle carries: atomic and ordered.
 */
class BundleFramingTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void controlMessagesOpenCommitAndDiscardABundle() {
        // version 4, EXPERIMENTER, length 24, xid 0; ONF, 2300; bundle id; type; flags atomic | ordered
        assertEquals("04040018" + "00000000" + "4f4e4600" + "000008fc" + "0000002a" + "0000" + "0003",
            HEX.formatHex(BundleFraming.open(42)));
        assertEquals("0004", HEX.formatHex(BundleFraming.commit(42)).substring(40, 44));
        assertEquals("0006", HEX.formatHex(BundleFraming.discard(42)).substring(40, 44));
        assertEquals("fffffffe", HEX.formatHex(BundleFraming.open(0xFFFF_FFFEL)).substring(32, 40));
    }

    @Test
    void anAddCarriesTheWholeMessageAfterItsHeader() {
        final byte[] barrier = HEX.parseHex("0414000800000000");
        // length 32; ONF, 2301; bundle id; padding; flags; the message
        assertEquals("04040020" + "00000000" + "4f4e4600" + "000008fd" + "00000007" + "0000" + "0003"
            + "0414000800000000", HEX.formatHex(BundleFraming.add(7, barrier)));
        assertTrue(BundleFraming.isAdd(BundleFraming.add(7, barrier)));
        assertFalse(BundleFraming.isAdd(BundleFraming.open(7)));
        assertFalse(BundleFraming.isAdd(barrier));
    }
}
