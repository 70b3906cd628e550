/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnnouncementFrameTest {
    private static final String HEADER = "ffffffffffff" + "fa163e000001";

    private static byte[] hex(final String text) {
        return HexFormat.of().parseHex(text);
    }

    @Test
    void rarpAsQemuSendsIt() {
        final String rarp = HEADER + "8035" + "0001080006040003" + "fa163e000001" + "00000000" + "fa163e000001"
            + "00000000";
        assertEquals(Optional.of(new AnnouncementFrame("RARP", "fa:16:3e:00:00:01")),
            AnnouncementFrame.parse(hex(rarp)));
        assertEquals(rarp, HexFormat.of().formatHex(AnnouncementFrame.rarp("FA:16:3E:00:00:01")),
            "the rehearsal's RARP is QEMU's");
    }

    @Test
    void gratuitousArpHasTheSameSenderAndTargetAddress() {
        final String arp = "0001080006040001" + "fa163e000001" + "0a00000b" + "000000000000";
        assertEquals(Optional.of(new AnnouncementFrame("GARP", "fa:16:3e:00:00:01")),
            AnnouncementFrame.parse(hex(HEADER + "0806" + arp + "0a00000b")));
        assertEquals(Optional.empty(), AnnouncementFrame.parse(hex(HEADER + "0806" + arp + "0a00000c")),
            "an ordinary ARP request announces nothing");
    }

    @Test
    void otherFramesAreNoAnnouncement() {
        assertEquals(Optional.empty(), AnnouncementFrame.parse(hex(HEADER + "0800" + "4500")));
        assertEquals(Optional.empty(), AnnouncementFrame.parse(hex("ffff")));
    }
}
