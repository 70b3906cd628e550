/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import com.google.common.util.concurrent.SettableFuture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gate's own writes on one switch connection, and what the switch answered: each write's messages get xids of
 * the gate's range ({@link PluginStreamSplicer#GATE_XIDS}), one after the other (a bundle-add's message gets its
 * bundle-add's), and a BARRIER_REQUEST after them.
 * The switch answers an OpenFlow message it refuses with an ERROR carrying its xid, and the barrier once it has
 * processed everything before it: the barrier's reply ends the write, with the refusals seen. The OpenFlowPlugin
 * does not see these replies ({@link #answer}, {@link OpenflowStreamScanner#relay}). Not thread-safe: one per
 * connection, on its network thread.
 */
final class OwnWrites {
    static final int ERROR = 1;
    /** The type of the switch's bundle replies (ONF experimenter messages). */
    static final int EXPERIMENTER = 4;
    static final int BARRIER_REQUEST = 20;
    static final int BARRIER_REPLY = 21;
    private static final long XIDS_END = 0x1_0000_0000L;

    /** A write not answered yet. */
    private record Pending(long firstXid, int count, SettableFuture<SwitchWriters.Receipt> done,
            List<SwitchWriters.Refusal> refused) {
        long barrierXid() {
            return firstXid + count;
        }
    }

    private long nextXid = PluginStreamSplicer.GATE_XIDS;
    private final TreeMap<Long, Pending> byFirstXid = new TreeMap<>();

    /** Whether a message with this xid answers one of the gate's. */
    static boolean ours(final long xid) {
        return xid >= PluginStreamSplicer.GATE_XIDS;
    }

    /**
     * Whether a message of the switch's with this header is one of its answers to the gate's writes: an error, an
     * experimenter (bundle) reply or a barrier reply with one of the gate's xids.
     */
    static boolean answer(final int version, final int type, final long xid) {
        return version == OpenflowStreamScanner.OPENFLOW_13 && ours(xid)
            && (type == ERROR || type == EXPERIMENTER || type == BARRIER_REPLY);
    }

    /**
     * Numbers these OpenFlow 1.3 messages and returns them with a barrier after them, to be written as one; the
     * write is pending until {@link #reply} sees the barrier's reply, {@link #failed} or {@link #closed}.
     *
     * @return the bytes to write, and the first xid, by which the write is known
     */
    Map.Entry<Long, ByteBuf> start(final List<byte[]> messages, final SettableFuture<SwitchWriters.Receipt> done) {
        final int count = messages.size();
        if (nextXid + count + 1 > XIDS_END) {
            nextXid = PluginStreamSplicer.GATE_XIDS;
        }
        final long first = nextXid;
        nextXid += count + 1;
        int length = FeaturesReply.HEADER_LENGTH;
        for (byte[] message : messages) {
            length += message.length;
        }
        final ByteBuf out = Unpooled.buffer(length, length);
        for (int i = 0; i < count; i++) {
            final int at = out.writerIndex();
            out.writeBytes(messages.get(i));
            out.setInt(at + 4, (int) (first + i));
            if (BundleFraming.isAdd(messages.get(i))) {
                // the switch refuses a bundle-add whose message does not carry the same xid
                out.setInt(at + BundleFraming.ADDED_MESSAGE_OFFSET + 4, (int) (first + i));
            }
        }
        out.writeByte(OpenflowStreamScanner.OPENFLOW_13).writeByte(BARRIER_REQUEST)
            .writeShort(FeaturesReply.HEADER_LENGTH).writeInt((int) (first + count));
        byFirstXid.put(first, new Pending(first, count, done, new ArrayList<>()));
        return Map.entry(first, out);
    }

    /**
     * Takes one copied ERROR or BARRIER_REPLY whose xid is of the gate's range.
     *
     * @return whether it is an error saying the connection is not the switch's master
     */
    boolean reply(final ByteBuf message) {
        final int type = message.getUnsignedByte(1);
        final long xid = message.getUnsignedInt(4);
        final Map.Entry<Long, Pending> entry = byFirstXid.floorEntry(xid);
        if (entry == null || xid > entry.getValue().barrierXid()) {
            // a write that timed out, or was failed, meanwhile
            return false;
        }
        final Pending pending = entry.getValue();
        if (type == BARRIER_REPLY && xid == pending.barrierXid()) {
            byFirstXid.remove(pending.firstXid());
            pending.done().set(new SwitchWriters.Receipt(pending.count(), List.copyOf(pending.refused())));
        } else if (type == ERROR && message.readableBytes() >= 12) {
            final SwitchWriters.Refusal refusal = new SwitchWriters.Refusal((int) (xid - pending.firstXid()),
                message.getUnsignedShort(8), message.getUnsignedShort(10));
            if (xid == pending.barrierXid()) {
                byFirstXid.remove(pending.firstXid());
                pending.done().setException(new IllegalStateException("the switch refused the barrier: " + refusal));
            } else {
                pending.refused().add(refusal);
            }
            return refusal.notMaster();
        }
        return false;
    }

    /** Ends the write known by this first xid, if still pending, with {@code cause}. */
    void failed(final long firstXid, final Exception cause) {
        final Pending pending = byFirstXid.remove(firstXid);
        if (pending != null) {
            pending.done().setException(cause);
        }
    }

    /** Ends every pending write: the connection closed before the switch answered. */
    void closed() {
        byFirstXid.values().forEach(pending -> pending.done().setException(
            new IllegalStateException("the switch's connection closed before it answered")));
        byFirstXid.clear();
    }
}
