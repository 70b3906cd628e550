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
 * What of one relayed chunk is passed on: ranges of it, merged while contiguous, and copies of message headers that
 * began in an earlier chunk. Passes the chunk itself when all of it is kept, so the common chunk costs no slice and
 * no allocation. One per connection, reused for every chunk: every read of every switch passes here.
 */
final class KeptParts {
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

    /**
     * Keeps a whole message header: the {@code taken} bytes of the chunk from {@code start} if it began in this
     * chunk, else a copy of {@code header} (its first bytes were held back with the end of the chunk before).
     */
    void keepHeader(final boolean split, final ByteBuf header, final int start, final int taken) {
        if (split) {
            flushRange();
            cut = true;
            out.accept(Unpooled.copiedBuffer(header));
        } else {
            keep(start, taken);
        }
    }

    /** Passes on what was kept, and releases the chunk (the parts passed on hold their own references). */
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
