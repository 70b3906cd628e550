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
 * Relays the OpenFlowPlugin's side of one switch connection to the switch, following its message boundaries, and
 * puts the gate's own messages into it between two of the plugin's messages, never inside one: at once when the
 * plugin's stream is between messages, else as soon as the message in passage has passed. The relayed bytes are
 * not copied; a chunk is only split where the gate's messages go in.
 *
 * <p>The gate's messages carry xids from {@link #GATE_XIDS} up. The plugin numbers its messages per connection from
 * 0 up, so it would take four billion of them on one connection to reach that range; should the plugin's stream
 * ever show such an xid, the gate writes nothing more on this connection ({@link #open}), so that no reply to the
 * plugin is taken for one to the gate. Not thread-safe: one per connection, on its network thread.
 */
final class PluginStreamSplicer {
    /** The first xid of the gate's own messages. */
    static final long GATE_XIDS = 0xF000_0000L;

    private final ByteBuf header = Unpooled.buffer(FeaturesReply.HEADER_LENGTH, FeaturesReply.HEADER_LENGTH);
    /** Bytes of the plugin's current message still to come, once its header is read. */
    private int rest;
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
        final int end = chunk.writerIndex();
        int from = chunk.readerIndex();
        int at = from;
        while (!broken && at < end) {
            if (rest > 0) {
                final int taken = Math.min(rest, end - at);
                at += taken;
                rest -= taken;
            } else {
                final int taken = Math.min(header.writableBytes(), end - at);
                header.writeBytes(chunk, at, taken);
                at += taken;
                if (!header.isWritable()) {
                    headerRead();
                }
            }
            if (!waiting.isEmpty() && atBoundary()) {
                toSwitch.accept(chunk.retainedSlice(from, at - from));
                from = at;
                for (ByteBuf own = waiting.poll(); own != null; own = waiting.poll()) {
                    toSwitch.accept(own);
                }
            }
        }
        if (broken) {
            discardWaiting();
        }
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
        if (atBoundary()) {
            toSwitch.accept(messages);
        } else {
            waiting.add(messages);
        }
        return true;
    }

    /** Releases what still waits: the connection closed. */
    void close() {
        if (!closed) {
            closed = true;
            discardWaiting();
            header.release();
        }
    }

    private boolean atBoundary() {
        return rest == 0 && header.writerIndex() == 0;
    }

    private void headerRead() {
        final int length = header.getUnsignedShort(2);
        if (length < FeaturesReply.HEADER_LENGTH) {
            broken = true;
            return;
        }
        if (header.getUnsignedInt(4) >= GATE_XIDS) {
            pluginUsesGateXids = true;
        }
        rest = length - FeaturesReply.HEADER_LENGTH;
        header.clear();
    }

    private void discardWaiting() {
        for (ByteBuf own = waiting.poll(); own != null; own = waiting.poll()) {
            own.release();
        }
    }
}
