/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.liveflow.impl.gate.TestMessages.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gate follows a switch's stream however TCP splits it: every OpenFlow 1.3 PACKET_IN is copied out whole, once,
 * with its cookie, in_port and frame, and nothing else is; the chunks themselves are left as they came.
 */
class OpenflowStreamScannerTest {
    private static final long DATAPATH_ID = 0xFEDCBA9876543210L;
    private static final long COOKIE = 0x0700_0000_0000_002AL;

    @Test
    void everyPacketInIsCopiedOutOnceWhicheverWayTheStreamIsSplit() {
        final byte[] rarp = frame(60, 1);
        final byte[] other = frame(98, 2);
        final ByteBuf stream = Unpooled.buffer();
        stream.writeBytes(message(4, 0, 7, new byte[0]));                       // HELLO
        stream.writeBytes(packetIn(4, COOKIE, 5, rarp, true));               // in_port among other fields
        stream.writeBytes(message(4, 19, 7, new byte[2000]));                   // a large multipart reply
        stream.writeBytes(message(4, 2, 7, new byte[] { 1, 2, 3 }));            // echo request
        stream.writeBytes(packetIn(1, COOKIE, 9, other, false));             // OpenFlow 1.0: not read
        stream.writeBytes(packetIn(4, 1L, 0xFFFF_FF00L, other, false));      // another cookie, in_port alone
        final byte[] bytes = new byte[stream.readableBytes()];
        stream.readBytes(bytes);
        for (long seed = 1; seed <= 200; seed++) {
            final Random random = new Random(seed);
            final OpenflowStreamScanner scanner = new OpenflowStreamScanner();
            final List<GatePacketIn> copied = new ArrayList<>();
            int at = 0;
            while (at < bytes.length) {
                final int size = Math.min(bytes.length - at, 1 + random.nextInt(seed % 4 == 0 ? 3 : 400));
                final ByteBuf chunk = Unpooled.wrappedBuffer(bytes, at, size);
                final int readerBefore = chunk.readerIndex();
                assertTrue(scanner.scan(chunk, OpenflowStreamScanner.packetIns(message -> copied.add(
                    GatePacketIn.parse(DATAPATH_ID, message).orElseThrow()))));
                assertEquals(readerBefore, chunk.readerIndex(), "the relay's chunk is not consumed");
                at += size;
            }
            assertEquals(2, copied.size(), "seed " + seed);
            assertEquals(COOKIE, copied.get(0).cookie());
            assertEquals(5, copied.get(0).inPort());
            assertArrayEquals(rarp, copied.get(0).frame());
            assertEquals("openflow:" + Long.toUnsignedString(DATAPATH_ID) + ":5", copied.get(0).connectorId());
            assertEquals(1L, copied.get(1).cookie());
            assertEquals(0xFFFF_FF00L, copied.get(1).inPort());
            assertArrayEquals(other, copied.get(1).frame());
        }
    }

    @Test
    void withoutAConsumerNothingIsCopiedAndTheBoundariesAreStillFollowed() {
        final OpenflowStreamScanner scanner = new OpenflowStreamScanner();
        final List<ByteBuf> copied = new ArrayList<>();
        final ByteBuf first = Unpooled.wrappedBuffer(packetIn(4, COOKIE, 5, frame(60, 1), true));
        // the first packet-in passes while nobody takes packet-ins, the second once somebody does
        assertTrue(scanner.scan(first.retainedSlice(0, 30), null));
        assertTrue(scanner.scan(first.retainedSlice(30, first.readableBytes() - 30),
            OpenflowStreamScanner.packetIns(copied::add)));
        assertEquals(List.of(), copied);
        assertTrue(scanner.scan(Unpooled.wrappedBuffer(packetIn(4, COOKIE, 6, frame(60, 3), true)),
            OpenflowStreamScanner.packetIns(message -> copied.add(message.copy()))));
        assertEquals(1, copied.size());
        assertEquals(6, GatePacketIn.parse(DATAPATH_ID, copied.get(0)).orElseThrow().inPort());
    }

    @Test
    void aStreamThatIsNotOpenFlowStopsTheScan() {
        final OpenflowStreamScanner scanner = new OpenflowStreamScanner();
        final ByteBuf bad = Unpooled.buffer();
        bad.writeBytes(message(4, 0, 7, new byte[0]));
        bad.writeBytes(new byte[] { 4, 10, 0, 3, 0, 0, 0, 0 });
        assertFalse(scanner.scan(bad, OpenflowStreamScanner.packetIns(message -> { })));
    }

    @Test
    void aPacketInWhoseMatchNamesNoInPortIsNotRead() {
        final ByteBuf message = Unpooled.wrappedBuffer(packetIn(4, COOKIE, -1, frame(60, 1), true));
        assertEquals(Optional.empty(), GatePacketIn.parse(DATAPATH_ID, message));
        assertEquals(Optional.empty(), GatePacketIn.parse(DATAPATH_ID, Unpooled.wrappedBuffer(message(4, 10, 7,
            new byte[12]))));
    }

    static byte[] frame(final int length, final int seed) {
        final byte[] frame = new byte[length];
        new Random(seed).nextBytes(frame);
        return frame;
    }

    /**
     * An OpenFlow 1.3 PACKET_IN as OVS sends it (section 7.4.1): buffer id, total length, reason, table, cookie, an
     * OXM match padded to 8 bytes, 2 bytes of padding, the frame. {@code inPort} -1 leaves in_port out.
     */
    static byte[] packetIn(final int version, final long cookie, final long inPort, final byte[] frame,
            final boolean moreFields) {
        final ByteBuf fields = Unpooled.buffer();
        if (moreFields) {
            // OXM metadata (field 2, 8 bytes) and tunnel id (field 38), as OVS adds them when they are set
            fields.writeInt(0x8000_0408).writeLong(0x3e9L);
            fields.writeInt(0x8000_4C08).writeLong(0x65L);
        }
        if (inPort >= 0) {
            fields.writeInt(0x8000_0004).writeInt((int) inPort);
        }
        final int matchLength = 4 + fields.readableBytes();
        final ByteBuf body = Unpooled.buffer();
        body.writeInt(-1).writeShort(frame.length).writeByte(1).writeByte(60).writeLong(cookie);
        body.writeShort(1).writeShort(matchLength).writeBytes(fields);
        body.writeZero((matchLength + 7) / 8 * 8 - matchLength);
        body.writeZero(2);
        body.writeBytes(frame);
        return message(version, OpenflowStreamScanner.PACKET_IN, 7, bytes(body));
    }

    private static byte[] bytes(final ByteBuf buffer) {
        final byte[] out = new byte[buffer.readableBytes()];
        buffer.readBytes(out);
        return out;
    }
}
