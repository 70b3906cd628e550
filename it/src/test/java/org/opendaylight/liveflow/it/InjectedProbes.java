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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opendaylight.liveflow.it.lab.PcapFile;

/**
 * Streams of UDP probes injected into the lab through {@code netdev-dummy/receive}, one stream per kind of
 * traffic (switched, routed, from the external network), each probe numbered so that the captures of the ports
 * that deliver them tell which arrived, where and how often, whatever the router or the NAT rewrote on the way:
 * the stream is the UDP destination port ({@link #BASE_PORT} + stream), the sequence number the source port.
 */
final class InjectedProbes implements AutoCloseable {
    /** One probe: its stream and sequence number. */
    record Probe(int stream, int seq) {
    }

    /** Puts one frame, hex-encoded, into the lab where a stream's sender sits. */
    interface Injector {
        void inject(String hexFrame) throws IOException;
    }

    /**
     * One stream's sender and the headers its probes start with.
     */
    record Sender(int stream, Injector injector, String srcMac, String dstMac, String srcIp, String dstIp) {
    }

    static final int BASE_PORT = 7000;
    private static final int ETH_IPV4 = 0x0800;
    private static final int UDP = 17;

    private final List<Sender> senders;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentHashMap<Probe, Long> sentAt = new ConcurrentHashMap<>();
    private int seq;
    private volatile IOException failure;

    InjectedProbes(final List<Sender> senders) {
        this.senders = List.copyOf(senders);
    }

    void start(final long gapMillis) {
        ticker.scheduleWithFixedDelay(this::tick, 0, gapMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            for (Sender sender : senders) {
                sender.injector().inject(HexFormat.of().formatHex(frame(sender, seq)));
                sentAt.put(new Probe(sender.stream(), seq), ProbeStream.micros(Instant.now()));
            }
            seq++;
        } catch (IOException e) {
            failure = e;
        }
    }

    /**
     * Returns the probes of a stream whose injection ended at or after the given time (microseconds).
     */
    List<Probe> sentSince(final int stream, final long micros) {
        final List<Probe> out = new ArrayList<>();
        sentAt.forEach((probe, at) -> {
            if (probe.stream() == stream && at >= micros) {
                out.add(probe);
            }
        });
        return out;
    }

    /**
     * Returns the probes of a stream sent before the given time (microseconds).
     */
    List<Probe> sentBefore(final int stream, final long micros) {
        final List<Probe> out = new ArrayList<>();
        sentAt.forEach((probe, at) -> {
            if (probe.stream() == stream && at < micros) {
                out.add(probe);
            }
        });
        return out;
    }

    @Override
    public void close() throws IOException {
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

    /**
     * Returns the probes among captured frames, in capture order (a probe delivered twice appears twice).
     */
    static List<Probe> probesIn(final List<PcapFile.Frame> frames) {
        return frames.stream().map(frame -> parse(frame.bytes())).flatMap(Optional::stream).toList();
    }

    static Optional<Probe> parse(final byte[] frame) {
        if (frame.length < 42 || ((frame[12] & 0xff) << 8 | frame[13] & 0xff) != ETH_IPV4 || frame[23] != UDP) {
            return Optional.empty();
        }
        final int udp = 14 + (frame[14] & 0x0f) * 4;
        final int seq = (frame[udp] & 0xff) << 8 | frame[udp + 1] & 0xff;
        final int stream = ((frame[udp + 2] & 0xff) << 8 | frame[udp + 3] & 0xff) - BASE_PORT;
        return stream >= 0 && stream < 100 ? Optional.of(new Probe(stream, seq)) : Optional.empty();
    }

    private static byte[] frame(final Sender sender, final int sequence) {
        final ByteBuffer out = ByteBuffer.allocate(14 + 20 + 8 + 18);
        out.put(HexFormat.ofDelimiter(":").parseHex(sender.dstMac()))
            .put(HexFormat.ofDelimiter(":").parseHex(sender.srcMac())).putShort((short) ETH_IPV4);
        final int ip = out.position();
        out.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + 18)).putShort((short) 0).putShort((short) 0)
            .put((byte) 64).put((byte) UDP).putShort((short) 0).put(ProbeStream.address(sender.srcIp()))
            .put(ProbeStream.address(sender.dstIp()));
        out.putShort(ip + 10, ProbeStream.checksum(out.array(), ip, 20));
        out.putShort((short) sequence).putShort((short) (BASE_PORT + sender.stream())).putShort((short) (8 + 18))
            .putShort((short) 0);
        return out.array();
    }
}
