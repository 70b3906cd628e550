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
 * chunk, however the chunks split the messages, and copies out each whole message its {@link Copies} asks for by
 * header (the packet-ins the gate's consumers take, the replies to what the gate wrote itself). It reads the chunks
 * without consuming them: the relay passes them on as they came, and only what is asked for is copied; every other
 * message is counted past. Must start at a message boundary. Not thread-safe: one per connection, on its network
 * thread.
 */
final class OpenflowStreamScanner {
    /** OFPT_PACKET_IN in OpenFlow 1.3. */
    static final int PACKET_IN = 10;
    static final int OPENFLOW_13 = 0x04;

    /** Which messages to copy out, by header, and where the copies go. */
    interface Copies {
        /** Whether the message with this header is copied out whole. */
        boolean wants(int version, int type, long xid);

        /** Takes one whole message asked for; must not keep the buffer (it is released after the call). */
        void accept(ByteBuf message);

        /** Told that a message ends at this index of the chunk being scanned: a boundary between two messages. */
        default void boundary(final int index) {
            // most only copy
        }
    }

    private final ByteBuf header = Unpooled.buffer(FeaturesReply.HEADER_LENGTH, FeaturesReply.HEADER_LENGTH);
    /** Bytes of the current message still to come, once its header is read. */
    private int rest;
    /** The current message, while it is one being copied. */
    private @Nullable ByteBuf copy;
    private boolean broken;

    /** Copies out the OpenFlow 1.3 packet-ins only, to {@code packetIns}. */
    static Copies packetIns(final Consumer<ByteBuf> packetIns) {
        return new Copies() {
            @Override
            public boolean wants(final int version, final int type, final long xid) {
                return version == OPENFLOW_13 && type == PACKET_IN;
            }

            @Override
            public void accept(final ByteBuf message) {
                packetIns.accept(message);
            }
        };
    }

    /**
     * Scans the next chunk of the stream; each message completed in it that {@code copies} asks for goes to it,
     * unless that is null (nothing is copied then).
     *
     * @return false once the stream is not OpenFlow (a header with a length below 8): scanning stops there
     */
    boolean scan(final ByteBuf chunk, final @Nullable Copies copies) {
        int at = chunk.readerIndex();
        final int end = chunk.writerIndex();
        while (!broken && at < end) {
            if (rest > 0) {
                final int taken = Math.min(rest, end - at);
                if (copy != null) {
                    copy.writeBytes(chunk, at, taken);
                }
                at += taken;
                rest -= taken;
                if (rest == 0) {
                    messageEnded(copies, at);
                }
                continue;
            }
            final int taken = Math.min(header.writableBytes(), end - at);
            header.writeBytes(chunk, at, taken);
            at += taken;
            if (!header.isWritable()) {
                headerRead(copies);
                if (rest == 0 && !broken) {
                    messageEnded(copies, at);
                }
            }
        }
        return !broken;
    }

    /** Whether the stream scanned so far ends between two messages. */
    boolean atBoundary() {
        return rest == 0 && header.writerIndex() == 0;
    }


    private void headerRead(final @Nullable Copies copies) {
        final int length = header.getUnsignedShort(2);
        if (length < FeaturesReply.HEADER_LENGTH) {
            broken = true;
            return;
        }
        rest = length - FeaturesReply.HEADER_LENGTH;
        if (copies != null && copies.wants(header.getUnsignedByte(0), header.getUnsignedByte(1),
                header.getUnsignedInt(4))) {
            copy = Unpooled.buffer(length, length);
            copy.writeBytes(header, 0, FeaturesReply.HEADER_LENGTH);
        }
        header.clear();
    }

    private void messageEnded(final @Nullable Copies copies, final int at) {
        final ByteBuf message = copy;
        copy = null;
        if (message != null) {
            try {
                if (copies != null) {
                    copies.accept(message);
                }
            } finally {
                message.release();
            }
        }
        if (copies != null) {
            copies.boundary(at);
        }
    }
}
