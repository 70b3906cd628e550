/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A frame a resumed VM sends to announce where it now runs: a RARP (what QEMU sends after a live migration) or a
 * gratuitous ARP (sender and target IP the same). Anything else is not an announcement.
 *
 * @param kind "RARP" or "GARP"
 * @param sourceMac the Ethernet source, lower case
 */
record AnnouncementFrame(String kind, String sourceMac) {
    private static final int ETH_TYPE_VLAN = 0x8100;
    private static final int ETH_TYPE_ARP = 0x0806;
    private static final int ETH_TYPE_RARP = 0x8035;
    private static final int ARP_SENDER_IP = 14;
    private static final int ARP_TARGET_IP = 24;
    private static final int IPV4_LENGTH = 4;
    private static final int RARP_REQUEST_REVERSE = 3;

    static Optional<AnnouncementFrame> parse(final byte[] frame) {
        if (frame == null || frame.length < 14) {
            return Optional.empty();
        }
        int offset = 12;
        int type = uint16(frame, offset);
        if (type == ETH_TYPE_VLAN && frame.length >= 18) {
            offset += 4;
            type = uint16(frame, offset);
        }
        final String mac = mac(frame, 6);
        final int arp = offset + 2;
        if (type == ETH_TYPE_RARP) {
            return Optional.of(new AnnouncementFrame("RARP", mac));
        }
        if (type == ETH_TYPE_ARP && frame.length >= arp + ARP_TARGET_IP + IPV4_LENGTH
                && Arrays.equals(frame, arp + ARP_SENDER_IP, arp + ARP_SENDER_IP + IPV4_LENGTH, frame,
                    arp + ARP_TARGET_IP, arp + ARP_TARGET_IP + IPV4_LENGTH)) {
            return Optional.of(new AnnouncementFrame("GARP", mac));
        }
        return Optional.empty();
    }

    /**
     * Returns the RARP a resumed VM with this MAC sends (as QEMU does: a broadcast reverse request, sender and target
     * hardware address its own, no addresses).
     */
    static byte[] rarp(final String mac) {
        final byte[] hardware = HexFormat.ofDelimiter(":").parseHex(mac);
        return ByteBuffer.allocate(42)
            .put(new byte[] {-1, -1, -1, -1, -1, -1}).put(hardware).putShort((short) ETH_TYPE_RARP)
            .putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) IPV4_LENGTH)
            .putShort((short) RARP_REQUEST_REVERSE)
            .put(hardware).put(new byte[IPV4_LENGTH]).put(hardware).put(new byte[IPV4_LENGTH])
            .array();
    }

    private static int uint16(final byte[] frame, final int offset) {
        return (frame[offset] & 0xff) << 8 | frame[offset + 1] & 0xff;
    }

    private static String mac(final byte[] frame, final int offset) {
        return HexFormat.ofDelimiter(":").formatHex(frame, offset, offset + 6).toLowerCase(Locale.ROOT);
    }
}
