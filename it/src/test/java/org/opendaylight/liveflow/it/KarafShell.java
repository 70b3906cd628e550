/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * Runs Karaf shell commands over the distribution's SSH port, as an operator would with {@code ssh -p 8101}.
 */
final class KarafShell {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String host;
    private final int port;
    private final String password;

    KarafShell(final int port) {
        this("127.0.0.1", port, "karaf");
    }

    /**
     * A shell at {@code host}:{@code port}, logging in as karaf with {@code password}.
     */
    KarafShell(final String host, final int port, final String password) {
        this.host = host;
        this.port = port;
        this.password = password;
    }

    /**
     * Runs one command and returns what it printed (standard output and error together).
     */
    String execute(final String command) throws IOException {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (ClientSession session = client.connect("karaf", host, port).verify(TIMEOUT).getSession()) {
                session.addPasswordIdentity(password);
                session.auth().verify(TIMEOUT);
                final ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ChannelExec channel = session.createExecChannel(command)) {
                    channel.setOut(out);
                    channel.setErr(out);
                    channel.open().verify(TIMEOUT);
                    channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
                }
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
