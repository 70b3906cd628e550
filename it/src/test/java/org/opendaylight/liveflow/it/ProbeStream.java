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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opendaylight.liveflow.it.lab.PcapFile;

/**
 * A steady stream of numbered UDP probes from several senders: every tick, each sender sends its next sequence
 * number. A probe names its sender in the UDP destination port ({@link #BASE_PORT} + sender id) and its sequence
 * number in the source port, so the capture of the port that delivers it tells which probe it is whatever a router
 * or a NAT rewrote on the way (MACs, addresses, TTL). It remembers when each probe was sent, in microseconds since
 * the epoch, the clock Open vSwitch stamps its pcap records with.
 */
final class ProbeStream implements AutoCloseable {
    /** One probe: which sender and which sequence number. */
    record Probe(int sender, int seq) {
    }

    /** Where a sender's frames enter the lab: a stream port's socket, or {@code netdev-dummy/receive}. */
    interface Link {
        void send(byte[] frame) throws IOException;

        /**
         * Returns a link that injects into a dummy port through {@code netdev-dummy/receive} (hex-encoded).
         */
        static Link injecting(final HexInjector injector) {
            return frame -> injector.inject(HexFormat.of().formatHex(frame));
        }
    }

    /** Puts one hex-encoded frame into the lab. */
    interface HexInjector {
        void inject(String hexFrame) throws IOException;
    }

    /**
     * One sender: its id (in every probe it sends), where its frames enter, and the headers they carry.
     */
    record Sender(int id, Link link, String srcMac, String dstMac, String srcIp, String dstIp) {
    }

    static final int BASE_PORT = 10000;
    private static final int MAX_SENDERS = 10000;
    private static final int ETH_IPV4 = 0x0800;
    private static final int UDP = 17;
    private static final int VXLAN_PORT = 4789;
    private static final int GENEVE_PORT = 6081;

    private final List<Sender> senders;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentHashMap<Probe, Long> sentAt = new ConcurrentHashMap<>();
    private int seq;
    private volatile IOException failure;

    ProbeStream(final List<Sender> senders) {
        this.senders = List.copyOf(senders);
    }

    void start(final long gapMicros) {
        ticker.scheduleAtFixedRate(this::tick, 0, gapMicros, TimeUnit.MICROSECONDS);
    }

    private void tick() {
        try {
            for (Sender sender : senders) {
                sender.link().send(frame(sender, seq));
                sentAt.put(new Probe(sender.id(), seq), micros(Instant.now()));
            }
            seq++;
        } catch (IOException e) {
            failure = e;
        }
    }

    long sentAt(final Probe probe) {
        return sentAt.getOrDefault(probe, -1L);
    }

    /**
     * Returns the probes whose sending ended at or after the given time (microseconds).
     */
    List<Probe> sentSince(final long micros) {
        final List<Probe> out = new ArrayList<>();
        sentAt.forEach((probe, at) -> {
            if (at >= micros) {
                out.add(probe);
            }
        });
        return out;
    }

    /**
     * Returns the probes sent before the given time (microseconds).
     */
    List<Probe> sentBefore(final long micros) {
        final List<Probe> out = new ArrayList<>();
        sentAt.forEach((probe, at) -> {
            if (at < micros) {
                out.add(probe);
            }
        });
        return out;
    }

    /**
     * Stops sending; the links stay open (their owner closes them).
     */
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
        // a frame delivered to a trunk's sub-port carries an 802.1Q tag before the IPv4 header
        final int ip = vlanOf(frame) == 0 ? 14 : 18;
        if (frame.length < ip + 28 || ((frame[ip - 2] & 0xff) << 8 | frame[ip - 1] & 0xff) != ETH_IPV4
                || frame[ip + 9] != UDP) {
            return Optional.empty();
        }
        final int udp = ip + (frame[ip] & 0x0f) * 4;
        if (frame.length < udp + 8 + 4) {
            return Optional.empty();
        }
        // the whole sequence number is the payload's first four bytes: a 1,000-chassis lab takes longer to set up
        // than 65,536 ticks, so the source port's 16 bits would run out before the VM moves
        final int seq = ByteBuffer.wrap(frame, udp + 8, 4).getInt();
        final int sender = ((frame[udp + 2] & 0xff) << 8 | frame[udp + 3] & 0xff) - BASE_PORT;
        return sender >= 0 && sender < MAX_SENDERS ? Optional.of(new Probe(sender, seq)) : Optional.empty();
    }

    /**
     * Returns the probe a frame on a lab link carries, in a VXLAN or Geneve tunnel (underlay links) or as it is
     * (external links).
     */
    static Optional<Probe> parseOnLink(final byte[] frame) {
        if (frame.length > 14 + 20 + 8 + 8 && ((frame[12] & 0xff) << 8 | frame[13] & 0xff) == ETH_IPV4
                && frame[14 + 9] == UDP) {
            final int udp = 14 + (frame[14] & 0x0f) * 4;
            final int port = (frame[udp + 2] & 0xff) << 8 | frame[udp + 3] & 0xff;
            final int tunnel = udp + 8;
            // VXLAN's header is 8 bytes; Geneve's 8 and its options (a length in 4-byte words)
            final int inner = port == VXLAN_PORT ? tunnel + 8
                : port == GENEVE_PORT ? tunnel + 8 + (frame[tunnel] & 0x3f) * 4 : -1;
            if (inner > 0) {
                return inner < frame.length ? parse(Arrays.copyOfRange(frame, inner, frame.length))
                    : Optional.empty();
            }
        }
        return parse(frame);
    }

    /**
     * Returns the VLAN id of a frame's 802.1Q tag, 0 when it has none.
     */
    static int vlanOf(final byte[] frame) {
        return frame.length >= 18 && (frame[12] & 0xff) == 0x81 && frame[13] == 0
            ? ((frame[14] & 0x0f) << 8 | frame[15] & 0xff) : 0;
    }

    /**
     * Returns the probes among captured frames, in capture order (a probe delivered twice appears twice).
     */
    static List<Probe> probesIn(final List<PcapFile.Frame> frames) {
        return frames.stream().map(frame -> parse(frame.bytes())).flatMap(Optional::stream).toList();
    }

    private static byte[] frame(final Sender sender, final int sequence) {
        final ByteBuffer out = ByteBuffer.allocate(14 + 20 + 8 + 18);
        out.put(mac(sender.dstMac())).put(mac(sender.srcMac())).putShort((short) ETH_IPV4);
        final int ip = out.position();
        out.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + 18)).putShort((short) 0).putShort((short) 0)
            .put((byte) 64).put((byte) UDP).putShort((short) 0).put(address(sender.srcIp()))
            .put(address(sender.dstIp()));
        out.putShort(ip + 10, checksum(out.array(), ip, 20));
        out.putShort((short) sequence).putShort((short) (BASE_PORT + sender.id())).putShort((short) (8 + 18))
            .putShort((short) 0).putInt(sequence);
        return out.array();
    }

    private static short checksum(final byte[] bytes, final int offset, final int length) {
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
        return HexFormat.ofDelimiter(":").parseHex(text);
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
