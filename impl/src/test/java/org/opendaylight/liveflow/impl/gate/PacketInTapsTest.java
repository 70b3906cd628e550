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

import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.concepts.Registration;

/**
 * A packet-in goes to the consumers whose cookies it has, each once; a consumer that fails does not keep it from
 * the others, and a closed registration takes nothing more.
 */
class PacketInTapsTest {
    private static final long TRAP = 0x0700_0000_0000_0001L;
    private static final long OTHER = 0x0100_0000_0000_0001L;

    @Test
    void packetInsGoToTheConsumersOfTheirCookie() {
        final PacketInTaps taps = new PacketInTaps();
        assertFalse(taps.any());
        final List<GatePacketIn> traps = new ArrayList<>();
        final List<GatePacketIn> all = new ArrayList<>();
        taps.tap(cookie -> true, packetIn -> {
            throw new IllegalStateException("a consumer that fails");
        });
        final Registration trapTap = taps.tap(cookie -> cookie >>> 56 == 7, traps::add);
        taps.tap(cookie -> true, all::add);
        assertTrue(taps.any());
        final byte[] frame = OpenflowStreamScannerTest.frame(60, 1);
        taps.offer(1, Unpooled.wrappedBuffer(OpenflowStreamScannerTest.packetIn(4, TRAP, 5, frame, false)));
        taps.offer(1, Unpooled.wrappedBuffer(OpenflowStreamScannerTest.packetIn(4, OTHER, 6, frame, false)));
        assertEquals(1, traps.size());
        assertEquals(TRAP, traps.get(0).cookie());
        assertEquals(5, traps.get(0).inPort());
        assertArrayEquals(frame, traps.get(0).frame());
        assertEquals(List.of(TRAP, OTHER), all.stream().map(GatePacketIn::cookie).toList());
        trapTap.close();
        taps.offer(1, Unpooled.wrappedBuffer(OpenflowStreamScannerTest.packetIn(4, TRAP, 5, frame, false)));
        assertEquals(1, traps.size(), "closed: nothing more");
        assertEquals(3, all.size());
    }
}
