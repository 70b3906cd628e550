/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out ports for a Karaf under test to listen on, chosen outside the kernel's ephemeral range.
 *
 * <p>Why not a port the kernel picks (bind to port 0, close, pass the number on): that number comes from the
 * ephemeral range, which every outgoing connection on the machine draws its local port from. Between the pick and
 * Karaf's bind, 10 to 30 s into its boot, any connection (the readiness check's own SSH and HTTP attempts, a
 * switch, Karaf's clients) may take it, and a socket that still holds it, even in TIME_WAIT, makes the listener's
 * bind fail. Karaf does not retry a failed bind: its SSH shell, or the OpenFlowPlugin's listener, is then never
 * there and the boot is never ready. That is the likely cause of two CI runs (2026-12) whose boot never got its SSH
 * shell, or its OpenFlowPlugin listener. A port below the ephemeral range is only ever taken by a program that asks
 * for that number, so this class only has to avoid handing out a number twice, and check that nothing holds it.
 */
final class ListenPorts {
    /** The lowest port handed out: above the well-known and most registered service ports tests might meet. */
    private static final int FLOOR = 20000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final AtomicInteger HANDED_OUT = new AtomicInteger();
    // a random start, so that two test runs on one machine (or karaf/controller's fixed ports) rarely meet
    private static final int START = ThreadLocalRandom.current().nextInt(1 << 16);

    private ListenPorts() {
    }

    /**
     * Returns a port below the ephemeral range on which nothing listens now, never the same twice in this JVM.
     */
    static int next() throws IOException {
        final int ceiling = ephemeralLow();
        if (ceiling - FLOOR < 1000) {
            throw new IOException("The ephemeral port range starts at " + ceiling + " (" + EPHEMERAL_RANGE
                + "): too little room below it, from " + FLOOR + ", for the tests' listening ports");
        }
        final int span = ceiling - FLOOR;
        for (int tries = 0; tries < span; tries++) {
            final int port = FLOOR + Math.floorMod(START + HANDED_OUT.getAndIncrement(), span);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IOException("No free port between " + FLOOR + " and " + ceiling);
    }

    private static int ephemeralLow() throws IOException {
        // by lines: Files.readString reads one byte of a /proc file, whose size says 0
        return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
    }

    static boolean bindable(final int port) {
        // without SO_REUSEADDR, as a listener is refused by a socket that holds the port in any state
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
