/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Follows the message boundaries of one direction of an OpenFlow connection as its bytes are relayed, chunk after
 * chunk, however the chunks split the messages, and copies out each whole PACKET_IN when asked to. It reads the
 * chunks without consuming them: the relay passes them on as they came, and only packet-ins are copied (their
 * headers say which; every other message is counted past). Must start at a message boundary. Not thread-safe: one
 * per connection, on its network thread.
 */
final class OpenflowStreamScanner {
    /** OFPT_PACKET_IN in OpenFlow 1.3. */
    static final int PACKET_IN = 10;
    static final int OPENFLOW_13 = 0x04;

    private final ByteBuf header = Unpooled.buffer(FeaturesReply.HEADER_LENGTH, FeaturesReply.HEADER_LENGTH);
    /** Bytes of the current message still to come, once its header is read. */
    private int rest;
    /** The current message, while it is a packet-in being copied. */
    private @Nullable ByteBuf packetIn;
    private boolean broken;

    /**
     * Scans the next chunk of the stream; each PACKET_IN completed in it goes to {@code packetIns} (which must not
     * keep the buffer: it is released after the call), unless that is null (nothing is copied then).
     *
     * @return false once the stream is not OpenFlow (a header with a length below 8): scanning stops there
     */
    boolean scan(final ByteBuf chunk, final @Nullable Consumer<ByteBuf> packetIns) {
        int at = chunk.readerIndex();
        final int end = chunk.writerIndex();
        while (!broken && at < end) {
            if (rest > 0) {
                final int taken = Math.min(rest, end - at);
                if (packetIn != null) {
                    packetIn.writeBytes(chunk, at, taken);
                }
                at += taken;
                rest -= taken;
                if (rest == 0) {
                    messageEnded(packetIns);
                }
                continue;
            }
            final int taken = Math.min(header.writableBytes(), end - at);
            header.writeBytes(chunk, at, taken);
            at += taken;
            if (!header.isWritable()) {
                headerRead(packetIns != null);
                if (rest == 0) {
                    messageEnded(packetIns);
                }
            }
        }
        return !broken;
    }

    private void headerRead(final boolean copyPacketIns) {
        final int length = header.getUnsignedShort(2);
        if (length < FeaturesReply.HEADER_LENGTH) {
            broken = true;
            return;
        }
        rest = length - FeaturesReply.HEADER_LENGTH;
        if (copyPacketIns && header.getUnsignedByte(0) == OPENFLOW_13 && header.getUnsignedByte(1) == PACKET_IN) {
            packetIn = Unpooled.buffer(length, length);
            packetIn.writeBytes(header, 0, FeaturesReply.HEADER_LENGTH);
        }
        header.clear();
    }

    private void messageEnded(final @Nullable Consumer<ByteBuf> packetIns) {
        final ByteBuf message = packetIn;
        packetIn = null;
        if (message != null) {
            try {
                if (packetIns != null) {
                    packetIns.accept(message);
                }
            } finally {
                message.release();
            }
        }
    }
}
