/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * An OpenFlow 1.3 PACKET_IN as a switch sent it through the gate (OpenFlow 1.3, section 7.4.1): which flow sent it
 * (its cookie), where the frame came in and the frame.
 *
 * @param datapathId the switch's datapath id, as it claimed it in its FEATURES_REPLY
 * @param inPort the OpenFlow port the frame came in on (its OXM in_port)
 * @param cookie the cookie of the flow whose action sent it
 * @param frame the frame, as much of it as the switch sent
 * @param readNanos when the gate had read it whole ({@link System#nanoTime}): what takes it can tell how long it
 *     waited for it
 */
public record GatePacketIn(long datapathId, long inPort, long cookie, byte[] frame, long readNanos) {
    static final int COOKIE_OFFSET = 16;
    private static final int MATCH_OFFSET = 24;
    private static final int OXM_MATCH = 1;
    private static final int OXM_CLASS_BASIC = 0x8000;
    private static final int OXM_IN_PORT = 0;
    /** The two bytes of padding between the match (padded to 8) and the frame. */
    private static final int PAD_BEFORE_FRAME = 2;

    /** The OpenDaylight node id of the switch, openflow:&lt;unsigned decimal datapath id&gt;. */
    public String nodeId() {
        return "openflow:" + Long.toUnsignedString(datapathId);
    }

    /** The OpenDaylight node connector id of the ingress port, openflow:&lt;datapath id&gt;:&lt;port&gt;. */
    public String connectorId() {
        return nodeId() + ":" + inPort;
    }

    /** The cookie of a whole OpenFlow 1.3 PACKET_IN message; empty when it is too short to hold one. */
    static Optional<Long> cookieOf(final ByteBuf message) {
        return message.readableBytes() < MATCH_OFFSET ? Optional.empty()
            : Optional.of(message.getLong(message.readerIndex() + COOKIE_OFFSET));
    }

    /**
     * Reads a whole OpenFlow 1.3 PACKET_IN message; empty when it is malformed or its match names no in_port.
     */
    static Optional<GatePacketIn> parse(final long datapathId, final ByteBuf message) {
        final int start = message.readerIndex();
        final int length = message.readableBytes();
        if (length < MATCH_OFFSET + 4 || message.getUnsignedShort(start + MATCH_OFFSET) != OXM_MATCH) {
            return Optional.empty();
        }
        // the match's length counts its 4-byte header and its OXM fields, not its padding to 8 bytes
        final int matchLength = message.getUnsignedShort(start + MATCH_OFFSET + 2);
        final int frameAt = MATCH_OFFSET + (matchLength + 7) / 8 * 8 + PAD_BEFORE_FRAME;
        if (matchLength < 4 || frameAt > length) {
            return Optional.empty();
        }
        Long inPort = null;
        int field = MATCH_OFFSET + 4;
        while (field + 4 <= MATCH_OFFSET + matchLength) {
            final long oxmHeader = message.getUnsignedInt(start + field);
            final int valueLength = (int) (oxmHeader & 0xFF);
            if ((oxmHeader >>> 16) == OXM_CLASS_BASIC && (oxmHeader >>> 9 & 0x7F) == OXM_IN_PORT && valueLength == 4
                    && field + 8 <= MATCH_OFFSET + matchLength) {
                inPort = message.getUnsignedInt(start + field + 4);
            }
            field += 4 + valueLength;
        }
        if (inPort == null) {
            return Optional.empty();
        }
        final byte[] frame = new byte[length - frameAt];
        message.getBytes(start + frameAt, frame);
        return Optional.of(new GatePacketIn(datapathId, inPort, message.getLong(start + COOKIE_OFFSET), frame,
            System.nanoTime()));
    }
}
