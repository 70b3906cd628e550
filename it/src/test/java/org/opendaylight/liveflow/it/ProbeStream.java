/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opendaylight.liveflow.it.lab.StreamPort;

/**
 * A steady stream of numbered UDP probes from several sender VMs to one receiver: every tick, each sender sends
 * its next sequence number (the UDP source port). It remembers when each probe was sent, in microseconds since
 * the epoch, the clock Open vSwitch stamps its pcap records with.
 */
final class ProbeStream implements AutoCloseable {
    /** One probe: which sender (index in the sender MAC) and which sequence number. */
    record Probe(int sender, int seq) {
    }

    private static final int ETH_IPV4 = 0x0800;
    private static final int UDP = 17;

    private final List<StreamPort> ports;
    private final List<Integer> senders;
    private final String dstMac;
    private final String dstIp;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentHashMap<Probe, Long> sentAt = new ConcurrentHashMap<>();
    private int seq;
    private volatile IOException failure;

    ProbeStream(final List<StreamPort> ports, final List<Integer> senders, final String dstMac, final String dstIp) {
        this.ports = List.copyOf(ports);
        this.senders = List.copyOf(senders);
        this.dstMac = dstMac;
        this.dstIp = dstIp;
    }

    void start(final long gapMicros) {
        ticker.scheduleAtFixedRate(this::tick, 0, gapMicros, TimeUnit.MICROSECONDS);
    }

    private void tick() {
        if (seq > 0xFFFF) {
            return;
        }
        try {
            for (int i = 0; i < ports.size(); i++) {
                final int sender = senders.get(i);
                ports.get(i).send(frame(sender, seq));
                sentAt.put(new Probe(sender, seq), micros(Instant.now()));
            }
            seq++;
        } catch (IOException e) {
            failure = e;
        }
    }

    long sentAt(final Probe probe) {
        return sentAt.getOrDefault(probe, -1L);
    }

    List<Probe> sentSince(final long micros) {
        final List<Probe> out = new ArrayList<>();
        sentAt.forEach((probe, at) -> {
            if (at >= micros) {
                out.add(probe);
            }
        });
        return out;
    }

    @Override
    public void close() throws IOException {
        // not shutdownNow: interrupting a tick mid-write closes its channel, and that is no failure of the stream
        ticker.shutdown();
        try {
            if (!ticker.awaitTermination(5, TimeUnit.SECONDS)) {
                ticker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (StreamPort port : ports) {
            port.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    static long micros(final Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    static String senderMac(final int sender) {
        return String.format("fa:16:3e:0b:%02x:%02x", sender >> 8, sender & 0xff);
    }

    static String senderIp(final int sender) {
        return String.format("10.9.%d.%d", 1 + (sender >> 8), sender & 0xff);
    }

    /**
     * Returns the probe a frame carries, if it is one.
     */
    static Optional<Probe> parse(final byte[] frame) {
        if (frame.length < 42 || ((frame[12] & 0xff) << 8 | frame[13] & 0xff) != ETH_IPV4 || frame[23] != UDP
                || (frame[6] & 0xff) != 0xfa || (frame[9] & 0xff) != 0x0b) {
            return Optional.empty();
        }
        final int ihl = (frame[14] & 0x0f) * 4;
        final int udp = 14 + ihl;
        final int sender = (frame[10] & 0xff) << 8 | frame[11] & 0xff;
        final int seq = (frame[udp] & 0xff) << 8 | frame[udp + 1] & 0xff;
        return Optional.of(new Probe(sender, seq));
    }

    private byte[] frame(final int sender, final int sequence) {
        final ByteBuffer out = ByteBuffer.allocate(14 + 20 + 8 + 18);
        out.put(mac(dstMac)).put(mac(senderMac(sender))).putShort((short) ETH_IPV4);
        final int ip = out.position();
        out.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + 18)).putShort((short) 0).putShort((short) 0)
            .put((byte) 64).put((byte) UDP).putShort((short) 0).put(address(senderIp(sender))).put(address(dstIp));
        out.putShort(ip + 10, checksum(out.array(), ip, 20));
        out.putShort((short) sequence).putShort((short) 9).putShort((short) (8 + 18)).putShort((short) 0);
        return out.array();
    }

    static short checksum(final byte[] bytes, final int offset, final int length) {
        int sum = 0;
        for (int i = offset; i < offset + length; i += 2) {
            sum += (bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff;
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }

    private static byte[] mac(final String text) {
        final byte[] out = new byte[6];
        final String[] parts = text.split(":");
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    static byte[] address(final String text) {
        final byte[] out = new byte[4];
        final String[] parts = text.split("\\.");
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) Integer.parseInt(parts[i]);
        }
        return out;
    }
}
