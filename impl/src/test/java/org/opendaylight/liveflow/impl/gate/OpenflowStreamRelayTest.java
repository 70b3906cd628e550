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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.liveflow.impl.gate.TestMessages.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The switch's stream to the plugin without the answers to the gate's own writes, whichever way the stream is
 * split into chunks (down to single bytes, headers split across chunks), with the messages asked for copied out in
 * the same pass, and with no buffer left unreleased.
 */
class OpenflowStreamRelayTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final long GATE = PluginStreamSplicer.GATE_XIDS;

    @Test
    void theGatesRepliesAreWithheldAndEverythingElsePassesWhicheverWayTheStreamIsSplit() {
        // the plugin's: packet-ins, a multipart reply, its own barrier reply, error and experimenter reply; the
        // gate's: an error, a bundle reply, a barrier reply; a message of another type with a gate's xid passes
        final List<byte[]> messages = List.of(message(10, 0, 60, 1), message(1, GATE, 12, 2),
            message(19, 7, 3000, 3), message(4, GATE + 1, 16, 4), message(21, 8, 0, 0), message(21, GATE + 2, 0, 0),
            message(1, 9, 20, 5), message(4, 10, 16, 6), message(19, GATE + 3, 40, 7), message(10, 0, 1500, 8),
            message(21, GATE + 4, 0, 0));
        final ByteBuf stream = Unpooled.buffer();
        final ByteBuf expected = Unpooled.buffer();
        final List<String> answers = new ArrayList<>();
        for (byte[] message : messages) {
            stream.writeBytes(message);
            final ByteBuf header = Unpooled.wrappedBuffer(message);
            if (OwnWrites.answer(header.getUnsignedByte(0), header.getUnsignedByte(1), header.getUnsignedInt(4))) {
                answers.add(HEX.formatHex(message));
            } else {
                expected.writeBytes(message);
            }
        }
        assertEquals(4, answers.size());
        final byte[] bytes = new byte[stream.readableBytes()];
        stream.readBytes(bytes);
        final String wanted = HEX.formatHex(expected.array(), 0, expected.writerIndex());
        for (long seed = 1; seed <= 300; seed++) {
            final Random random = new Random(seed);
            final OpenflowStreamScanner scanner = new OpenflowStreamScanner();
            final List<String> copied = new ArrayList<>();
            final OpenflowStreamScanner.Copies copies = new OpenflowStreamScanner.Copies() {
                @Override
                public boolean wants(final int version, final int type, final long xid) {
                    return OwnWrites.answer(version, type, xid);
                }

                @Override
                public void accept(final ByteBuf message) {
                    copied.add(HEX.formatHex(ByteBufUtil.getBytes(message)));
                }
            };
            final List<ByteBuf> chunks = new ArrayList<>();
            final List<ByteBuf> passed = new ArrayList<>();
            int at = 0;
            while (at < bytes.length) {
                final int length = Math.min(bytes.length - at, random.nextBoolean() ? 1 + random.nextInt(5)
                    : 1 + random.nextInt(2000));
                final ByteBuf chunk = Unpooled.buffer(length).writeBytes(bytes, at, length);
                chunks.add(chunk);
                assertTrue(scanner.relay(chunk, copies, OwnWrites::answer, passed::add));
                at += length;
            }
            final ByteBuf written = Unpooled.buffer();
            passed.forEach(part -> {
                written.writeBytes(part, part.readerIndex(), part.readableBytes());
                part.release();
            });
            assertEquals(wanted, HEX.formatHex(written.array(), 0, written.writerIndex()), "seed " + seed);
            // the gate still reads the answers it keeps from the plugin
            assertEquals(answers, copied, "seed " + seed);
            assertTrue(scanner.atBoundary());
            for (int i = 0; i < chunks.size(); i++) {
                assertEquals(0, chunks.get(i).refCnt(), "seed " + seed + ": chunk " + i + " not released");
            }
        }
    }

    @Test
    void aChunkWithNothingWithheldIsPassedAsItIs() {
        final OpenflowStreamScanner scanner = new OpenflowStreamScanner();
        final ByteBuf chunk = Unpooled.wrappedBuffer(message(10, 0, 40, 1), message(21, 3, 0, 0));
        final List<ByteBuf> passed = new ArrayList<>();
        assertTrue(scanner.relay(chunk, null, OwnWrites::answer, passed::add));
        assertEquals(1, passed.size());
        assertSame(chunk, passed.get(0));
    }

    @Test
    void aStreamThatIsNotOpenflowPassesUntouchedFromThere() {
        final OpenflowStreamScanner scanner = new OpenflowStreamScanner();
        final byte[] broken = {4, 10, 0, 3, 0, 0, 0, 0, 9, 9};
        final List<ByteBuf> passed = new ArrayList<>();
        assertFalse(scanner.relay(Unpooled.wrappedBuffer(message(21, GATE, 0, 0), broken), null, OwnWrites::answer,
            passed::add));
        assertFalse(scanner.relay(Unpooled.wrappedBuffer(message(21, GATE, 0, 0)), null, OwnWrites::answer,
            passed::add));
        final ByteBuf written = Unpooled.buffer();
        passed.forEach(part -> written.writeBytes(part, part.readerIndex(), part.readableBytes()));
        assertEquals(HEX.formatHex(broken) + HEX.formatHex(message(21, GATE, 0, 0)),
            HEX.formatHex(written.array(), 0, written.writerIndex()));
    }
}
