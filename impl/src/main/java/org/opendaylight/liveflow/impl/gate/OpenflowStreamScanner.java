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
 * header (the packet-ins the gate's consumers take, the replies to what the gate wrote itself). Every other message
 * is counted past. Must start at a message boundary. Not thread-safe: one per connection, on its network thread.
 *
 * <p>{@link #scan} reads the chunks without consuming them. {@link #relay} also passes each chunk on, in the same
 * pass, without the messages it is told to withhold: the switch's answers to the gate's own writes, which the
 * OpenFlowPlugin never asked for (it logged every bundle reply as a WARN stack trace). A message header split between
 * two chunks is held back (at most 7 bytes) until the rest of it tells whether its message is withheld.
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

    /** Which messages {@link #relay} does not pass on, by header. */
    interface Withheld {
        boolean test(int version, int type, long xid);
    }

    private final ByteBuf header = Unpooled.buffer(FeaturesReply.HEADER_LENGTH, FeaturesReply.HEADER_LENGTH);
    /** Bytes of the current message still to come, once its header is read. */
    private int rest;
    /** The current message, while it is one being copied. */
    private @Nullable ByteBuf copy;
    /** Whether the current message is withheld from what is relayed. */
    private boolean withholding;
    private boolean broken;
    // what relay passes on of each chunk: one for every chunk, not one per chunk
    private final KeptParts kept = new KeptParts();

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
        return follow(chunk, copies, null);
    }

    /**
     * Scans the next chunk as {@link #scan} does and passes on to {@code out}, in order, what of it is not
     * withheld: the chunk itself when nothing in it is, else slices of it (and copies of headers it completes).
     * Releases the chunk; the parts passed on hold their own references. Once the stream is not OpenFlow, the rest
     * of it passes untouched.
     *
     * @return false once the stream is not OpenFlow
     */
    boolean relay(final ByteBuf chunk, final @Nullable Copies copies, final Withheld withheld,
            final Consumer<ByteBuf> out) {
        if (broken) {
            out.accept(chunk);
            return false;
        }
        kept.start(chunk, out);
        final boolean openflow = follow(chunk, copies, withheld);
        kept.end();
        return openflow;
    }

    private boolean follow(final ByteBuf chunk, final @Nullable Copies copies, final @Nullable Withheld withheld) {
        final KeptParts parts = withheld == null ? null : kept;
        int at = chunk.readerIndex();
        final int end = chunk.writerIndex();
        while (!broken && at < end) {
            if (rest > 0) {
                final int taken = Math.min(rest, end - at);
                if (copy != null) {
                    copy.writeBytes(chunk, at, taken);
                }
                if (parts != null && !withholding) {
                    parts.keep(at, taken);
                }
                at += taken;
                rest -= taken;
                if (rest == 0) {
                    messageEnded(copies, at);
                }
                continue;
            }
            final int headerStart = at;
            final boolean split = header.writerIndex() > 0;
            final int taken = Math.min(header.writableBytes(), end - at);
            header.writeBytes(chunk, at, taken);
            at += taken;
            if (header.isWritable()) {
                // the chunk ends inside this header: what it holds of it is held back until the next chunk
                continue;
            }
            headerRead(copies, withheld);
            if (parts != null && (broken || !withholding)) {
                parts.keepHeader(split, header, headerStart, taken);
            }
            if (broken) {
                // not OpenFlow from this header on: no boundary is known any more, and the rest passes as it is
                if (parts != null) {
                    parts.keep(at, end - at);
                }
                break;
            }
            header.clear();
            if (rest == 0) {
                messageEnded(copies, at);
            }
        }
        return !broken;
    }

    /** Whether the stream scanned so far ends between two messages. */
    boolean atBoundary() {
        return rest == 0 && header.writerIndex() == 0;
    }

    private void headerRead(final @Nullable Copies copies, final @Nullable Withheld withheld) {
        final int length = header.getUnsignedShort(2);
        if (length < FeaturesReply.HEADER_LENGTH) {
            broken = true;
            return;
        }
        rest = length - FeaturesReply.HEADER_LENGTH;
        final int version = header.getUnsignedByte(0);
        final int type = header.getUnsignedByte(1);
        final long xid = header.getUnsignedInt(4);
        withholding = withheld != null && withheld.test(version, type, xid);
        if (copies != null && copies.wants(version, type, xid)) {
            copy = Unpooled.buffer(length, length);
            copy.writeBytes(header, 0, FeaturesReply.HEADER_LENGTH);
        }
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
