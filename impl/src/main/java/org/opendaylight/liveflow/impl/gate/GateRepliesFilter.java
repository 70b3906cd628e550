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

/**
 * The switch's stream as the OpenFlowPlugin gets it: every message but the switch's answers to the gate's own writes
 * ({@link OwnWrites}: the errors, bundle replies and barrier replies that carry an xid of the gate's range). The
 * plugin never asked for those; it dropped the errors and barrier replies it could not match, and logged every
 * bundle reply as a WARN stack trace ("Message deserialization failed"), two for each bundle the gate wrote. The
 * gate reads them on the way before this ({@link OpenflowStreamScanner}).
 *
 * <p>Follows the message boundaries as the chunks pass. A chunk holding no withheld message is passed on as it is;
 * otherwise the parts around the withheld messages are passed as slices of it. A message header split between two
 * chunks is held back (at most 7 bytes) until the rest of it tells whether its message is withheld. A stream that is
 * not OpenFlow (a header with a length below 8) is passed on untouched from there. Not thread-safe: one per
 * connection, on its network thread.
 */
final class GateRepliesFilter {
    /** Which messages are withheld, by header. */
    interface Withheld {
        boolean test(int version, int type, long xid);
    }

    /** The header being read, while a chunk ended inside it. */
    private final ByteBuf header = Unpooled.buffer(FeaturesReply.HEADER_LENGTH, FeaturesReply.HEADER_LENGTH);
    /** Bytes of the current message still to come, once its header is read. */
    private int rest;
    private boolean withholding;
    private boolean broken;
    // one for every chunk, not one per chunk: every read of every switch passes here
    private final Parts parts = new Parts();

    /** The answers to the gate's writes: errors, experimenter (bundle) replies, barrier replies with its xids. */
    static boolean gateReply(final int version, final int type, final long xid) {
        return version == OpenflowStreamScanner.OPENFLOW_13 && OwnWrites.ours(xid)
            && (type == OwnWrites.ERROR || type == OwnWrites.EXPERIMENTER || type == OwnWrites.BARRIER_REPLY);
    }

    /**
     * Passes on to {@code out}, in order, what of this chunk is not withheld, and releases the chunk (the parts
     * passed on hold their own references).
     */
    void relay(final ByteBuf chunk, final Withheld withheld, final Consumer<ByteBuf> out) {
        if (broken) {
            out.accept(chunk);
            return;
        }
        parts.start(chunk, out);
        int at = chunk.readerIndex();
        final int end = chunk.writerIndex();
        while (at < end) {
            if (rest > 0) {
                final int taken = Math.min(rest, end - at);
                if (!withholding) {
                    parts.keep(at, taken);
                }
                at += taken;
                rest -= taken;
                continue;
            }
            final int headerStart = at;
            final boolean split = header.writerIndex() > 0;
            final int taken = Math.min(header.writableBytes(), end - at);
            header.writeBytes(chunk, at, taken);
            at += taken;
            if (header.isWritable()) {
                // the chunk ends inside this header: held back until the next chunk
                break;
            }
            final int length = header.getUnsignedShort(2);
            if (length < FeaturesReply.HEADER_LENGTH) {
                broken = true;
                parts.keepHeldHeader(split, header, headerStart, taken);
                parts.keep(at, end - at);
                header.clear();
                break;
            }
            withholding = withheld.test(header.getUnsignedByte(0), header.getUnsignedByte(1),
                header.getUnsignedInt(4));
            if (!withholding) {
                parts.keepHeldHeader(split, header, headerStart, taken);
            }
            header.clear();
            rest = length - FeaturesReply.HEADER_LENGTH;
        }
        parts.end();
    }

    /**
     * What of one chunk is passed on: ranges of it, merged while contiguous, and copies of headers that began in an
     * earlier chunk. Passes the chunk itself when all of it is kept.
     */
    private static final class Parts {
        private static final Consumer<ByteBuf> NOWHERE = part -> { };

        // between chunks, none (the chunk is released or passed on, not kept)
        private ByteBuf chunk = Unpooled.EMPTY_BUFFER;
        private Consumer<ByteBuf> out = NOWHERE;
        private int from = -1;
        private int to = -1;
        private boolean cut;

        void start(final ByteBuf next, final Consumer<ByteBuf> nextOut) {
            chunk = next;
            out = nextOut;
            from = -1;
            to = -1;
            cut = false;
        }

        void keep(final int index, final int length) {
            if (length == 0) {
                return;
            }
            if (index == to) {
                to += length;
                return;
            }
            flushRange();
            from = index;
            to = index + length;
        }

        /** Keeps a whole header: from the chunk, or as a copy if it began in an earlier chunk. */
        void keepHeldHeader(final boolean split, final ByteBuf header, final int start, final int taken) {
            if (split) {
                flushRange();
                cut = true;
                out.accept(Unpooled.copiedBuffer(header));
            } else {
                keep(start, taken);
            }
        }

        void end() {
            if (!cut && from == chunk.readerIndex() && to == chunk.writerIndex()) {
                out.accept(chunk);
            } else {
                flushRange();
                chunk.release();
            }
            chunk = Unpooled.EMPTY_BUFFER;
            out = NOWHERE;
        }

        private void flushRange() {
            if (from >= 0) {
                if (from != chunk.readerIndex() || to != chunk.writerIndex()) {
                    cut = true;
                }
                out.accept(chunk.retainedSlice(from, to - from));
                from = -1;
                to = -1;
            }
        }
    }
}
