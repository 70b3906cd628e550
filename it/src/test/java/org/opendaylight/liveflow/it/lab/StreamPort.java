/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it.lab;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The VM side of a dummy port whose {@code options:pstream} is a unix socket: frames written here are what the VM
 * sends, framed as netdev-dummy expects (a 16-bit big-endian length, then the frame). No process is spawned per
 * packet, so a steady stream keeps its pace.
 */
public final class StreamPort implements AutoCloseable {
    private final SocketChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(2048);

    private StreamPort(final SocketChannel channel) {
        this.channel = channel;
    }

    public static StreamPort connect(final Path socket) throws IOException {
        final SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new StreamPort(channel);
    }

    public synchronized void send(final byte[] frame) throws IOException {
        buffer.clear();
        buffer.putShort((short) frame.length).put(frame).flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
