/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The gate's PACKET_OUT is, byte for byte, what the OpenFlowPlugin's transmit-packet writes for the same frame and
 * egress: its packet-out conversion and its serializer.
 */
class PacketOutEncoderTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aFloatingIpsGratuitousArpIsWhatThePluginSends() {
        final byte[] garp = FloatingIpAnnouncer.gratuitousArp("02:00:cb:00:71:0a", "203.0.113.10");
        assertSame(PluginSerializers.packetOut(FloatingIpAnnouncer.transmission("openflow:2", 50, garp), 2),
            PacketOutEncoder.output(garp, 50));
    }

    @Test
    void aHighPortNumberAndAnOddLengthFrame() {
        final byte[] frame = new byte[61];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (i * 7 + 3);
        }
        assertSame(PluginSerializers.packetOut(FloatingIpAnnouncer.transmission("openflow:81985529216486895",
            0xFFFF_FF00L, frame), 81_985_529_216_486_895L), PacketOutEncoder.output(frame, 0xFFFF_FF00L));
    }

    @Test
    void aFrameTooLongForOneMessageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PacketOutEncoder.output(new byte[65_536 - 40], 1));
    }

    private static void assertSame(final byte[] plugin, final byte[] gate) {
        assertArrayEquals(plugin, gate, () -> "plugin " + HEX.formatHex(plugin) + "\ngate   " + HEX.formatHex(gate));
    }
}
