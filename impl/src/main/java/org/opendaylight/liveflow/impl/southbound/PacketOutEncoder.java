/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import java.nio.ByteBuffer;

/**
 * Encodes the OpenFlow 1.3 PACKET_OUT liveflow writes through the switch gate: a frame of its own (a floating IP's
 * gratuitous ARP), sent out of one port of the switch, as the OpenFlowPlugin's transmit-packet sends it when given
 * an egress and no ingress (in port CONTROLLER, no buffer, one output action).
 */
final class PacketOutEncoder {
    private static final int OPENFLOW_13 = 0x04;
    private static final int PACKET_OUT = 13;
    private static final int HEADER_LENGTH = 24;
    private static final int OUTPUT_LENGTH = 16;
    private static final int NO_BUFFER = 0xFFFF_FFFF;
    private static final int PORT_CONTROLLER = 0xFFFF_FFFD;
    private static final int OUTPUT = 0;
    private static final int MAX_LENGTH_NO_BUFFER = 0xFFFF;

    private PacketOutEncoder() {
        // pure functions
    }

    /** The PACKET_OUT (xid 0: the gate sets its own) that sends this frame out of this OpenFlow port. */
    static byte[] output(final byte[] frame, final long port) {
        final int length = HEADER_LENGTH + OUTPUT_LENGTH + frame.length;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("a frame of " + frame.length + " bytes does not fit a PACKET_OUT");
        }
        return ByteBuffer.allocate(length)
            .put((byte) OPENFLOW_13).put((byte) PACKET_OUT).putShort((short) length).putInt(0)
            .putInt(NO_BUFFER).putInt(PORT_CONTROLLER).putShort((short) OUTPUT_LENGTH).put(new byte[6])
            .putShort((short) OUTPUT).putShort((short) OUTPUT_LENGTH).putInt((int) port)
            .putShort((short) MAX_LENGTH_NO_BUFFER).put(new byte[6])
            .put(frame)
            .array();
    }
}
