/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListenPortsTest {
    @Test
    void portsAreBelowTheEphemeralRangeDistinctAndBindable() throws Exception {
        final int ephemeralLow = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
            .get(0).trim().split("\\s+")[0]);
        final Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            final int port = ListenPorts.next();
            assertTrue(port >= 20000 && port < ephemeralLow, port + " is not between 20000 and " + ephemeralLow);
            assertTrue(ports.add(port), port + " handed out twice");
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
            }
        }
    }

    @Test
    void aPortAConnectionHoldsIsNotBindable() throws Exception {
        // the form that broke boots: a connection's local port, taken before the listener's bind
        try (ServerSocket peer = new ServerSocket(0)) {
            final int port = ListenPorts.next();
            assertTrue(ListenPorts.bindable(port), port + " not bindable before anything held it");
            try (Socket holder = new Socket()) {
                holder.bind(new InetSocketAddress("127.0.0.1", port));
                holder.connect(peer.getLocalSocketAddress());
                assertEquals(port, holder.getLocalPort());
                assertFalse(ListenPorts.bindable(port), port + " taken for bindable while a connection holds it");
            }
        }
    }
}
