/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it.lab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what Open vSwitch wrote to a dummy port's {@code options:tx_pcap} (the frames the port sent to its VM) or
 * {@code options:rxq_pcap} (the frames its VM sent into the switch).
 */
public final class PcapFile {
    /** One captured frame and when Open vSwitch wrote it (microseconds since the epoch). */
    public record Frame(long micros, byte[] bytes) {
    }

    private static final int GLOBAL_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int ETHERTYPE_LLDP = 0x88cc;
    private static final int ETHERTYPE_RARP = 0x8035;

    private PcapFile() {
        // reads files
    }

    /**
     * Returns every frame in the file with its capture time.
     */
    public static List<Frame> frames(final Path file) throws IOException {
        final List<Frame> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        final ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file));
        if (buffer.remaining() < GLOBAL_HEADER) {
            return out;
        }
        buffer.order(buffer.getInt(0) == 0xa1b2c3d4 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int offset = GLOBAL_HEADER;
        while (offset + RECORD_HEADER <= buffer.limit()) {
            final long micros = Integer.toUnsignedLong(buffer.getInt(offset)) * 1_000_000
                + Integer.toUnsignedLong(buffer.getInt(offset + 4));
            final int captured = buffer.getInt(offset + 8);
            final int frame = offset + RECORD_HEADER;
            if (frame + captured > buffer.limit()) {
                break;
            }
            final byte[] bytes = new byte[captured];
            buffer.get(frame, bytes);
            out.add(new Frame(micros, bytes));
            offset = frame + captured;
        }
        return out;
    }

    /**
     * Returns the first RARP in the file (an {@code options:rxq_pcap} capture: what a VM sent into its switch), with
     * the switch's capture time.
     */
    public static Optional<Frame> firstRarp(final Path file) throws IOException {
        return frames(file).stream().filter(frame -> frame.bytes().length >= 14
            && ((frame.bytes()[12] & 0xff) << 8 | frame.bytes()[13] & 0xff) == ETHERTYPE_RARP).findFirst();
    }

    /**
     * Counts the frames in the file other than LLDP: a distribution with the OpenFlowPlugin's topology
     * discovery (liveflow's leaves it out) sends LLDP out of every port on its own schedule, and that is no VM
     * traffic.
     */
    static long countVmFrames(final Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        final ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file));
        if (buffer.remaining() < GLOBAL_HEADER) {
            return 0;
        }
        // the magic number, read big-endian, tells the byte order the writer used
        buffer.order(buffer.getInt(0) == 0xa1b2c3d4 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long frames = 0;
        int offset = GLOBAL_HEADER;
        while (offset + RECORD_HEADER <= buffer.limit()) {
            final int captured = buffer.getInt(offset + 8);
            final int frame = offset + RECORD_HEADER;
            if (frame + captured > buffer.limit()) {
                break;
            }
            final int ethertype = captured >= 14 ? (buffer.get(frame + 12) & 0xff) << 8 | buffer.get(frame + 13) & 0xff
                : 0;
            if (ethertype != ETHERTYPE_LLDP) {
                frames++;
            }
            offset = frame + captured;
        }
        return frames;
    }
}
