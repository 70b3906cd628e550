/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The TCP sockets a process listens on, as the kernel reports them (/proc/PID/fd and /proc/net/tcp, tcp6): what
 * another host could reach, whatever the process' configuration claims.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /**
     * Returns "address:port" for each listening socket of {@code pid}; IPv4 addresses in dotted form (also when the
     * socket is IPv6 with an IPv4-mapped address), "*" for a socket on every address (0.0.0.0 or ::).
     */
    static Set<String> of(final long pid) throws IOException {
        final Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    final String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // a descriptor closed while we listed them: not a listener any more
                }
            }
        }
        final Set<String> listening = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            final List<String> rows = Files.readAllLines(Path.of(table));
            for (String row : rows.subList(1, rows.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                final String[] fields = row.trim().split("\\s+");
                if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
                    listening.add(socketAddress(fields[1]));
                }
            }
        }
        return listening;
    }

    // /proc/net's "ADDRESS:PORT" in hex: the address as the kernel stores it, 32-bit words in host byte order
    private static String socketAddress(final String hex) {
        final String[] parts = hex.split(":");
        final int port = Integer.parseInt(parts[1], 16);
        final byte[] address = new byte[parts[0].length() / 2];
        for (int word = 0; word < address.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                final int at = word * 8 + (3 - i) * 2;
                address[word * 4 + i] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
            }
        }
        return dotted(address) + ":" + port;
    }

    private static String dotted(final byte[] address) {
        final int offset = address.length - 4;
        boolean allZero = true;
        boolean mapped = address.length == 16;
        for (int i = 0; i < address.length; i++) {
            allZero &= address[i] == 0;
            if (address.length == 16 && i < 12) {
                mapped &= address[i] == (i < 10 ? 0 : (byte) 0xff);
            }
        }
        if (allZero) {
            return "*";
        }
        if (address.length == 4 || mapped) {
            return (address[offset] & 0xff) + "." + (address[offset + 1] & 0xff) + "." + (address[offset + 2] & 0xff)
                + "." + (address[offset + 3] & 0xff);
        }
        final StringBuilder ipv6 = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            final int group = (address[i] & 0xff) << 8 | address[i + 1] & 0xff;
            ipv6.append(i == 0 ? "" : ":").append(Integer.toHexString(group));
        }
        return "[" + ipv6 + "]";
    }
}
