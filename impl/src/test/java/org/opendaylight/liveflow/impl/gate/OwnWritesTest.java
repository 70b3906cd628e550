/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.SettableFuture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class OwnWritesTest {
    private static final long FIRST = PluginStreamSplicer.GATE_XIDS;

    private static byte[] flowMod(final int fill) {
        final byte[] message = new byte[24];
        message[0] = 4;
        message[1] = 14;
        message[3] = 24;
        java.util.Arrays.fill(message, 8, 24, (byte) fill);
        return message;
    }

    private static ByteBuf reply(final int type, final long xid, final int errorType, final int errorCode) {
        final ByteBuf out = Unpooled.buffer();
        out.writeByte(4).writeByte(type).writeShort(type == OwnWrites.ERROR ? 12 : 8).writeInt((int) xid);
        if (type == OwnWrites.ERROR) {
            out.writeShort(errorType).writeShort(errorCode);
        }
        return out;
    }

    @Test
    void eachMessageGetsAnXidOfTheGatesRangeAndABarrierFollows() {
        final OwnWrites writes = new OwnWrites();
        final Map.Entry<Long, ByteBuf> first = writes.start(List.of(flowMod(1), flowMod(2)), SettableFuture.create());
        final Map.Entry<Long, ByteBuf> second = writes.start(List.of(flowMod(3)), SettableFuture.create());
        assertEquals(FIRST, first.getKey());
        assertEquals(FIRST + 3, second.getKey(), "two flow-mods and a barrier before it");
        final ByteBuf bytes = first.getValue();
        assertEquals(24 + 24 + 8, bytes.readableBytes());
        assertEquals(FIRST, bytes.getUnsignedInt(4));
        assertEquals(1, bytes.getByte(8), "the body as given");
        assertEquals(FIRST + 1, bytes.getUnsignedInt(24 + 4));
        assertEquals(OwnWrites.BARRIER_REQUEST, bytes.getUnsignedByte(48 + 1));
        assertEquals(8, bytes.getUnsignedShort(48 + 2));
        assertEquals(FIRST + 2, bytes.getUnsignedInt(48 + 4));
        assertTrue(OwnWrites.ours(FIRST));
        assertFalse(OwnWrites.ours(FIRST - 1));
    }

    @Test
    void aBundleAddsMessageCarriesTheXidOfTheAddAndNothingElseIsChanged() {
        final OwnWrites writes = new OwnWrites();
        final byte[] open = BundleFraming.open(9);
        final byte[] add = BundleFraming.add(9, flowMod(7));
        final ByteBuf bytes = writes.start(List.of(open, add, flowMod(5)), SettableFuture.create()).getValue();
        assertEquals(FIRST, bytes.getUnsignedInt(4));
        final int addAt = open.length;
        assertEquals(FIRST + 1, bytes.getUnsignedInt(addAt + 4), "the bundle-add's own xid");
        assertEquals(FIRST + 1, bytes.getUnsignedInt(addAt + 24 + 4), "the xid of the message it adds");
        assertEquals(7, bytes.getByte(addAt + 24 + 8), "the added message's body as given");
        final int plainAt = addAt + add.length;
        assertEquals(FIRST + 2, bytes.getUnsignedInt(plainAt + 4));
        assertEquals(5, bytes.getByte(plainAt + 8 + 4), "a message not a bundle-add is changed only in its xid");
    }

    @Test
    void theBarriersReplyEndsAWriteWithTheRefusalsBeforeIt() throws Exception {
        final OwnWrites writes = new OwnWrites();
        final SettableFuture<SwitchWriters.Receipt> first = SettableFuture.create();
        final SettableFuture<SwitchWriters.Receipt> second = SettableFuture.create();
        writes.start(List.of(flowMod(1), flowMod(2), flowMod(3)), first);
        writes.start(List.of(flowMod(4)), second);

        assertFalse(writes.reply(reply(OwnWrites.ERROR, FIRST + 1, 5, 6)));
        assertFalse(first.isDone(), "an error alone does not end the write");
        writes.reply(reply(OwnWrites.BARRIER_REPLY, FIRST + 4 + 1, 0, 0));
        assertEquals(new SwitchWriters.Receipt(1, List.of()), second.get(), "writes are told apart by xid");
        writes.reply(reply(OwnWrites.BARRIER_REPLY, FIRST + 3, 0, 0));
        assertEquals(new SwitchWriters.Receipt(3, List.of(new SwitchWriters.Refusal(1, 5, 6))), first.get());
        // a reply for a write already ended changes nothing
        writes.reply(reply(OwnWrites.ERROR, FIRST + 2, 1, 1));
        assertEquals(List.of(new SwitchWriters.Refusal(1, 5, 6)), first.get().refused());
    }

    @Test
    void aRefusalAsNotFromTheMasterIsTold() throws Exception {
        final OwnWrites writes = new OwnWrites();
        final SettableFuture<SwitchWriters.Receipt> write = SettableFuture.create();
        writes.start(List.of(flowMod(1), flowMod(2)), write);
        // OFPET_BAD_REQUEST, OFPBRC_IS_SLAVE
        assertTrue(writes.reply(reply(OwnWrites.ERROR, FIRST, 1, 10)));
        assertTrue(writes.reply(reply(OwnWrites.ERROR, FIRST + 1, 1, 10)));
        writes.reply(reply(OwnWrites.BARRIER_REPLY, FIRST + 2, 0, 0));
        assertTrue(write.get().refused().stream().allMatch(SwitchWriters.Refusal::notMaster));
        assertEquals(2, write.get().refused().size());
    }

    @Test
    void aWriteFailedOrOnAClosedConnectionEndsWithoutAReceipt() {
        final OwnWrites writes = new OwnWrites();
        final SettableFuture<SwitchWriters.Receipt> timedOut = SettableFuture.create();
        final SettableFuture<SwitchWriters.Receipt> open = SettableFuture.create();
        final long key = writes.start(List.of(flowMod(1)), timedOut).getKey();
        writes.start(List.of(flowMod(2)), open);
        writes.failed(key, new TimeoutException("no barrier reply"));
        // its barrier's reply, late, is not taken for another write's
        writes.reply(reply(OwnWrites.BARRIER_REPLY, FIRST + 1, 0, 0));
        assertFalse(open.isDone());
        writes.closed();
        assertInstanceOf(TimeoutException.class,
            assertThrows(ExecutionException.class, timedOut::get).getCause());
        assertInstanceOf(IllegalStateException.class, assertThrows(ExecutionException.class, open::get).getCause());
    }
}
