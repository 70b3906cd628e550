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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.liveflow.impl.gate.TestMessages.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PluginStreamSplicerTest {
    private static final HexFormat HEX = HexFormat.of();

    /** Splits the written stream back into messages, hex-encoded. */
    private static List<String> messagesOf(final ByteBuf written) {
        final List<String> messages = new ArrayList<>();
        while (written.isReadable()) {
            final int length = written.getUnsignedShort(written.readerIndex() + 2);
            final byte[] message = new byte[length];
            written.readBytes(message);
            messages.add(HEX.formatHex(message));
        }
        return messages;
    }

    @Test
    void theGatesMessagesGoInAtTheFirstBoundaryAfterTheyAreGivenWhicheverWayThePluginsStreamIsSplit() {
        final List<byte[]> plugin = List.of(message(0, 1, 0, 0), message(14, 2, 120, 1), message(19, 3, 3000, 2),
            message(2, 4, 3, 3), message(14, 5, 80, 4), message(20, 6, 0, 0), message(14, 7, 900, 5));
        final ByteBuf stream = Unpooled.buffer();
        final List<Integer> boundaries = new ArrayList<>(List.of(0));
        plugin.forEach(bytes -> {
            stream.writeBytes(bytes);
            boundaries.add(stream.writerIndex());
        });
        final byte[] bytes = new byte[stream.readableBytes()];
        stream.readBytes(bytes);
        for (long seed = 1; seed <= 300; seed++) {
            final Random random = new Random(seed);
            final PluginStreamSplicer splicer = new PluginStreamSplicer();
            final ByteBuf written = Unpooled.buffer();
            final List<String> expected = new ArrayList<>();
            final List<String> pending = new ArrayList<>();
            int at = 0;
            int passed = 0;
            int own = 0;
            while (at < bytes.length) {
                // the gate writes between chunks, at whatever point the plugin's stream is
                if (random.nextInt(3) == 0) {
                    final byte[] ours = message(14, PluginStreamSplicer.GATE_XIDS + own, 16, 0x70 + own);
                    own++;
                    assertTrue(splicer.inject(Unpooled.wrappedBuffer(ours), written::writeBytes));
                    pending.add(HEX.formatHex(ours));
                    if (boundaries.contains(at)) {
                        expected.addAll(pending);
                        pending.clear();
                    }
                }
                final int size = Math.min(bytes.length - at, 1 + random.nextInt(seed % 3 == 0 ? 5 : 700));
                splicer.relay(Unpooled.copiedBuffer(bytes, at, size), chunk -> {
                    written.writeBytes(chunk);
                    chunk.release();
                });
                at += size;
                // what the plugin completed in this chunk, the gate's waiting messages after the first of them
                while (passed < plugin.size() && boundaries.get(passed + 1) <= at) {
                    expected.add(HEX.formatHex(plugin.get(passed)));
                    passed++;
                    expected.addAll(pending);
                    pending.clear();
                }
            }
            assertEquals(List.of(), pending);
            assertEquals(expected, messagesOf(written), "seed " + seed);
            assertTrue(splicer.open());
        }
    }

    @Test
    void anXidOfTheGatesRangeFromThePluginClosesTheGatesWay() {
        final PluginStreamSplicer splicer = new PluginStreamSplicer();
        final ByteBuf written = Unpooled.buffer();
        splicer.relay(Unpooled.wrappedBuffer(message(14, PluginStreamSplicer.GATE_XIDS - 1, 8, 1)),
            written::writeBytes);
        assertTrue(splicer.open());
        splicer.relay(Unpooled.wrappedBuffer(message(14, PluginStreamSplicer.GATE_XIDS + 5, 8, 1)),
            written::writeBytes);
        assertFalse(splicer.open());
        assertTrue(splicer.pluginUsesGateXids());
        final ByteBuf ours = Unpooled.wrappedBuffer(message(14, PluginStreamSplicer.GATE_XIDS, 8, 2));
        assertFalse(splicer.inject(ours, written::writeBytes));
        assertEquals(0, ours.refCnt(), "a refused write is released");
        assertEquals(2, messagesOf(written).size(), "the plugin's messages are still relayed");
    }

    @Test
    void aStreamThatIsNotOpenflowClosesTheGatesWayAndStillRelays() {
        final PluginStreamSplicer splicer = new PluginStreamSplicer();
        final ByteBuf written = Unpooled.buffer();
        final byte[] half = message(14, 1, 40, 1);
        splicer.relay(Unpooled.copiedBuffer(half, 0, 20), written::writeBytes);
        final ByteBuf waiting = Unpooled.wrappedBuffer(message(14, PluginStreamSplicer.GATE_XIDS, 8, 2));
        assertTrue(splicer.inject(waiting, written::writeBytes));
        final ByteBuf rest = Unpooled.buffer();
        rest.writeBytes(half, 20, half.length - 20);
        // a header with a length below 8
        rest.writeBytes(new byte[] { 4, 14, 0, 2, 0, 0, 0, 9 });
        splicer.relay(rest, written::writeBytes);
        assertFalse(splicer.open());
        assertEquals(half.length + 16 + 8, written.readableBytes(), "everything relayed, the waiting write first");
        splicer.close();
    }
}
