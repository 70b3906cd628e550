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
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * Relays the OpenFlowPlugin's side of one switch connection to the switch, following its message boundaries with
 * the {@link OpenflowStreamScanner} that follows the switch's side, and puts the gate's own messages into it
 * between two of the plugin's messages, never inside one: at once when the plugin's stream is between messages,
 * else as soon as the message in passage has passed. The relayed bytes are not copied; a chunk is only split where
 * the gate's messages go in.
 *
 * <p>The gate's messages carry xids from {@link #GATE_XIDS} up. The plugin numbers its messages per connection from
 * 0 up, so it would take four billion of them on one connection to reach that range; should the plugin's stream
 * ever show such an xid, the gate writes nothing more on this connection ({@link #open}), so that no reply to the
 * plugin is taken for one to the gate. Not thread-safe: one per connection, on its network thread.
 */
final class PluginStreamSplicer {
    /** The first xid of the gate's own messages. */
    static final long GATE_XIDS = 0xF000_0000L;

    private final OpenflowStreamScanner pluginMessages = new OpenflowStreamScanner();
    private final Splice splice = new Splice();
    private boolean broken;
    private boolean closed;
    private boolean pluginUsesGateXids;
    /** The gate's messages waiting for the plugin's message in passage to end. */
    private final Queue<ByteBuf> waiting = new ArrayDeque<>();

    /** Whether the gate may write its own messages on this connection. */
    boolean open() {
        return !broken && !closed && !pluginUsesGateXids;
    }

    /** Whether the plugin's stream showed an xid of the gate's range (it is then no longer {@link #open}). */
    boolean pluginUsesGateXids() {
        return pluginUsesGateXids;
    }

    /**
     * Relays one chunk of the plugin's to {@code toSwitch} (written, not flushed), with the gate's waiting messages
     * after the first message boundary in it. Takes the chunk.
     */
    void relay(final ByteBuf chunk, final Consumer<ByteBuf> toSwitch) {
        if (closed) {
            chunk.release();
            return;
        }
        if (broken) {
            toSwitch.accept(chunk);
            return;
        }
        splice.start(chunk, toSwitch);
        if (!pluginMessages.scan(chunk, splice)) {
            broken = true;
            discardWaiting();
        }
        final int from = splice.from;
        final int end = chunk.writerIndex();
        if (from == chunk.readerIndex()) {
            toSwitch.accept(chunk);
            return;
        }
        if (from < end) {
            toSwitch.accept(chunk.retainedSlice(from, end - from));
        }
        chunk.release();
    }

    /**
     * Writes the gate's messages to {@code toSwitch} now if the plugin's stream is between messages, else keeps them
     * for the next boundary. Takes the buffer.
     *
     * @return false if the gate may not write on this connection ({@link #open}); nothing is written then
     */
    boolean inject(final ByteBuf messages, final Consumer<ByteBuf> toSwitch) {
        if (!open()) {
            messages.release();
            return false;
        }
        if (pluginMessages.atBoundary()) {
            toSwitch.accept(messages);
        } else {
            waiting.add(messages);
        }
        return true;
    }

    /** Releases what still waits: the connection closed. */
    void close() {
        closed = true;
        discardWaiting();
    }

    private void discardWaiting() {
        for (ByteBuf own = waiting.poll(); own != null; own = waiting.poll()) {
            own.release();
        }
    }

    /**
     * What the scan of one chunk does: notes an xid of the gate's range, and at a boundary writes the chunk up to it
     * and then what waits. Copies nothing.
     */
    private final class Splice implements OpenflowStreamScanner.Copies {
        // one per connection, set for each chunk ({@link #start}): the relay allocates nothing per chunk
        private ByteBuf chunk = Unpooled.EMPTY_BUFFER;
        private Consumer<ByteBuf> toSwitch = ByteBuf::release;
        /** Where the part of the chunk not written yet begins. */
        private int from;

        void start(final ByteBuf next, final Consumer<ByteBuf> to) {
            chunk = next;
            toSwitch = to;
            from = next.readerIndex();
        }

        @Override
        public boolean wants(final int version, final int type, final long xid) {
            if (xid >= GATE_XIDS) {
                pluginUsesGateXids = true;
            }
            return false;
        }

        @Override
        public void accept(final ByteBuf message) {
            // wants nothing
        }

        @Override
        public void boundary(final int index) {
            if (!waiting.isEmpty()) {
                toSwitch.accept(chunk.retainedSlice(from, index - from));
                from = index;
                for (ByteBuf own = waiting.poll(); own != null; own = waiting.poll()) {
                    toSwitch.accept(own);
                }
            }
        }
    }
}
