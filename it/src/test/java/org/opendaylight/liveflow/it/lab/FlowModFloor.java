/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it.lab;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * The switches' own share of an activation: one flow-mod and a barrier written to every bystander bridge at once,
 * through each bridge's management socket, by a client with nothing else to do (no controller in the way), and
 * when each switch installed it. At a thousand chassis the lab's bystanders are a thousand bridges in a few
 * ovs-vswitchd on the same two cores as the controller, and how fast they can apply one flow-mod each bounds what
 * any controller can reach there; this measures that bound in the same lab, at the same moment of the benchmark.
 *
 * <p>The flow goes into a table that no pipeline uses ({@link #TABLE}; nothing is sent there, so it forwards
 * nothing), matches a MAC and outputs to port 1, much as the activation's flow for the VM's MAC does, and is
 * deleted afterwards. Plain OpenFlow 1.3 over the socket, as ovs-ofctl speaks it.
 */
public final class FlowModFloor implements AutoCloseable {
    /** The table the measured flow goes in: above liveflow's pipeline and its bundles' receipt table (250). */
    public static final int TABLE = 251;

    private static final byte VERSION = 0x04;
    private static final byte HELLO = 0;
    private static final byte ERROR = 1;
    private static final byte ECHO_REQUEST = 2;
    private static final byte ECHO_REPLY = 3;
    private static final byte FLOW_MOD = 14;
    private static final byte BARRIER_REQUEST = 20;
    private static final byte BARRIER_REPLY = 21;
    private static final int HEADER = 8;

    /**
     * When the flow-mods were written and when each switch answered its barrier.
     *
     * @param start the wall clock just before the first flow-mod was written
     * @param writeMillis how long writing all of them took
     * @param answeredMillis per switch, ms from {@code start} to its barrier's reply read here, sorted
     */
    public record Sent(Instant start, double writeMillis, List<Double> answeredMillis) {
    }

    private final Selector selector;
    private final List<Connection> connections = new ArrayList<>();

    private FlowModFloor(final Selector selector) {
        this.selector = selector;
    }

    /**
     * Connects to every management socket and completes each OpenFlow hello before anything is measured.
     */
    public static FlowModFloor connect(final List<Path> managementSockets, final Duration timeout)
            throws IOException {
        final FlowModFloor out = new FlowModFloor(Selector.open());
        try {
            for (Path socket : managementSockets) {
                final SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                channel.configureBlocking(false);
                final Connection connection = new Connection(socket, channel);
                channel.register(out.selector, SelectionKey.OP_READ, connection);
                out.connections.add(connection);
                connection.write(message(HELLO, 1, new byte[0]));
            }
            out.awaitAll(connection -> connection.helloSeen, "OpenFlow hello", timeout);
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return out;
    }

    /**
     * Writes one flow-mod (an add of the flow for {@code mac}, {@code cookie}) and a barrier to every switch, one
     * after the other, and waits for every barrier's reply. A switch that refuses the flow fails the measurement.
     */
    public Sent addOneFlowEach(final long cookie, final String mac, final Duration timeout) throws IOException {
        final byte[] add = message(FLOW_MOD, 2, flowMod(cookie, 0, mac));
        final byte[] barrier = message(BARRIER_REQUEST, 3, new byte[0]);
        final ByteBuffer both = ByteBuffer.allocate(add.length + barrier.length).put(add).put(barrier);
        for (Connection connection : connections) {
            connection.answeredNanos = -1;
        }
        final Instant start = Instant.now();
        final long startNanos = System.nanoTime();
        for (Connection connection : connections) {
            connection.write(both.array());
        }
        final long writtenNanos = System.nanoTime();
        awaitAll(connection -> connection.answeredNanos >= 0, "the barrier after the flow-mod", timeout);
        final List<Double> answered = new ArrayList<>();
        for (Connection connection : connections) {
            answered.add((connection.answeredNanos - startNanos) / 1e6);
        }
        answered.sort(Double::compare);
        return new Sent(start, (writtenNanos - startNanos) / 1e6, List.copyOf(answered));
    }

    /**
     * Deletes the flows of {@code cookie} from every switch and waits for each to say it did.
     */
    public void deleteFlows(final long cookie, final Duration timeout) throws IOException {
        final byte[] delete = message(FLOW_MOD, 4, flowMod(cookie, 3, null));
        final byte[] barrier = message(BARRIER_REQUEST, 5, new byte[0]);
        for (Connection connection : connections) {
            connection.answeredNanos = -1;
            connection.write(delete);
            connection.write(barrier);
        }
        awaitAll(connection -> connection.answeredNanos >= 0, "the barrier after the deletion", timeout);
    }

    @Override
    public void close() throws IOException {
        for (Connection connection : connections) {
            connection.channel.close();
        }
        selector.close();
    }

    private void awaitAll(final Predicate<Connection> done, final String what, final Duration timeout)
            throws IOException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (connections.stream().anyMatch(connection -> !done.test(connection))) {
            final long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new IOException(connections.stream().filter(connection -> !done.test(connection)).count()
                    + " of " + connections.size() + " switches never sent " + what + " within " + timeout);
            }
            selector.select(left);
            for (SelectionKey key : selector.selectedKeys()) {
                ((Connection) key.attachment()).read();
            }
            selector.selectedKeys().clear();
        }
    }

    /**
     * The body of an OpenFlow 1.3 flow-mod in {@link #TABLE}: {@code command} 0 adds the flow for {@code mac}
     * (priority 100, output to port 1), 3 deletes every flow of the cookie.
     */
    static byte[] flowMod(final long cookie, final int command, final String mac) {
        final ByteBuffer body = ByteBuffer.allocate(mac == null ? 48 : 80);
        body.putLong(cookie).putLong(command == 0 ? 0 : -1L).put((byte) TABLE).put((byte) command)
            .putShort((short) 0).putShort((short) 0).putShort((short) 100)
            .putInt(-1).putInt(-1).putInt(-1).putShort((short) 0).putShort((short) 0);
        if (mac == null) {
            // an empty OXM match, padded to 8 bytes
            body.putShort((short) 1).putShort((short) 4).putInt(0);
        } else {
            // an OXM match on eth_dst (class 0x8000, field 3, 6 bytes), 14 bytes padded to 16
            body.putShort((short) 1).putShort((short) 14).putShort((short) 0x8000).put((byte) (3 << 1))
                .put((byte) 6).put(HexFormat.ofDelimiter(":").parseHex(mac)).putShort((short) 0);
            // apply-actions with one output to port 1
            body.putShort((short) 4).putShort((short) 24).putInt(0)
                .putShort((short) 0).putShort((short) 16).putInt(1).putShort((short) 0).putShort((short) 0)
                .putInt(0);
        }
        return body.array();
    }

    static byte[] message(final byte type, final int xid, final byte[] body) {
        return ByteBuffer.allocate(HEADER + body.length).put(VERSION).put(type)
            .putShort((short) (HEADER + body.length)).putInt(xid).put(body).array();
    }

    /** One switch's management connection and what it has answered. */
    private static final class Connection {
        private final Path socket;
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(1 << 16);
        private boolean helloSeen;
        private long answeredNanos = -1;

        Connection(final Path socket, final SocketChannel channel) {
            this.socket = socket;
            this.channel = channel;
        }

        void write(final byte[] bytes) throws IOException {
            final ByteBuffer out = ByteBuffer.wrap(bytes);
            // a few bytes to an idle local socket: it takes them at once, and a full one is a broken switch
            for (int tries = 0; out.hasRemaining() && tries < 1000; tries++) {
                channel.write(out);
            }
            if (out.hasRemaining()) {
                throw new IOException(socket + " took no more bytes");
            }
        }

        void read() throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException(socket + " closed the connection");
            }
            in.flip();
            while (in.remaining() >= HEADER) {
                final int length = Short.toUnsignedInt(in.getShort(in.position() + 2));
                if (length < HEADER || in.remaining() < length) {
                    break;
                }
                final byte[] message = new byte[length];
                in.get(message);
                handle(message);
            }
            in.compact();
        }

        private void handle(final byte[] message) throws IOException {
            switch (message[1]) {
                case HELLO -> helloSeen = true;
                case BARRIER_REPLY -> answeredNanos = System.nanoTime();
                case ECHO_REQUEST -> {
                    message[1] = ECHO_REPLY;
                    write(message);
                }
                case ERROR -> throw new IOException(socket + " refused a message: "
                    + HexFormat.of().formatHex(message));
                default -> {
                    // nothing else is asked for: port status and the like are not this measurement's
                }
            }
        }
    }
}
