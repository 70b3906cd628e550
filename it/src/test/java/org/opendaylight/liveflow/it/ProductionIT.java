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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production profile as an operator meets it, through karaf/controller: it refuses to start with the default
 * passwords and says how to set them; {@code passwd} sets them; then every listener of the Karaf JVM is where the
 * configuration puts it (RESTCONF on HTTPS only, SSH on loopback by default, OpenFlow on its address) and the
 * default credentials are refused by RESTCONF and SSH.
 */
class ProductionIT {
    private static final Logger LOG = LoggerFactory.getLogger(ProductionIT.class);
    private static final String ADMIN_PASSWORD = "Adm1n-production-pw";
    private static final String KARAF_PASSWORD = "Kar4f-production-pw";
    private static final String RESTCONF_ADDRESS = "127.0.0.2";
    private static final String OPENFLOW_ADDRESS = "127.0.0.3";

    private static Path home;
    private static Path config;
    private static Path tlsDir;
    private static int restconfPort;
    private static int sshPort;
    private static int openflowPort;
    private static int legacyPort;

    @BeforeAll
    static void copyDistribution() throws IOException {
        final Path assembly = Path.of(System.getProperty("liveflow.karaf.assembly", "../karaf/target/assembly"));
        final Path runs = Path.of(System.getProperty("liveflow.it.workdir", "target/karaf-runs")).toAbsolutePath();
        home = runs.resolve("production");
        tlsDir = runs.resolve("production-tls");
        KarafInstance.deleteTree(home);
        KarafInstance.deleteTree(tlsDir);
        KarafInstance.copyDistribution(assembly, home);
        restconfPort = ListenPorts.next();
        sshPort = ListenPorts.next();
        openflowPort = ListenPorts.next();
        legacyPort = ListenPorts.next();
        // ssh.address is left out: the profile's default (loopback) is part of what is tested
        config = runs.resolve("production.cfg");
        Files.writeString(config, String.join("\n",
            "restconf.address = " + RESTCONF_ADDRESS,
            "restconf.port = " + restconfPort,
            "ssh.port = " + sshPort,
            "openflow.address = " + OPENFLOW_ADDRESS,
            "openflow.port = " + openflowPort,
            "openflow.legacy-port = " + legacyPort,
            "tls.dir = " + tlsDir, ""));
    }

    @AfterAll
    static void stop() throws Exception {
        // whatever happened, no Karaf JVM stays behind: the controller's own stop, then the pid file's process
        controller(Map.of(), "stop");
        karafProcess().ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void refusesDefaultPasswordsThenServesOnlyWhereConfigured() throws Exception {
        final Result refused = controller(Map.of("LIVEFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD), "start", "--production",
            "--config", config.toString());
        assertEquals(1, refused.exit(), refused.output());
        assertTrue(refused.output().contains("does not start while these users have their default password"),
            refused.output());
        assertTrue(refused.output().contains("karaf (Karaf shell over SSH)"), refused.output());
        assertTrue(refused.output().contains("admin (RESTCONF, AAA)"), refused.output());
        assertTrue(refused.output().contains("set them with: karaf/controller passwd --config " + config),
            refused.output());
        assertFalse(karafProcess().isPresent(), "a refused start launched Karaf");

        final Result passwd = controller(Map.of("LIVEFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD,
            "LIVEFLOW_KARAF_PASSWORD", KARAF_PASSWORD), "passwd", "--config", config.toString());
        assertEquals(0, passwd.exit(), passwd.output());
        assertTrue(passwd.output().contains("Passwords of admin (RESTCONF) and karaf (Karaf shell) changed."),
            passwd.output());
        assertFalse(karafProcess().isPresent(), "passwd left the controller it started for the change running");

        final long started = System.nanoTime();
        final Result start = controller(Map.of("LIVEFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD), "start",
            "--production", "--config", config.toString());
        assertEquals(0, start.exit(), start.output());
        LOG.info(String.format("production profile: ready in %.1f s", (System.nanoTime() - started) / 1e9));

        final ProcessHandle karaf = karafProcess().orElseThrow(() -> new AssertionError("no Karaf JVM running"));
        final Set<String> listening = ListeningSockets.of(karaf.pid());
        LOG.info("production profile: the Karaf JVM listens on {}", listening);
        assertTrue(listening.containsAll(Set.of(RESTCONF_ADDRESS + ":" + restconfPort, "127.0.0.1:" + sshPort,
            OPENFLOW_ADDRESS + ":" + openflowPort, OPENFLOW_ADDRESS + ":" + legacyPort)), listening.toString());
        // anything else (JMX, the datastore's cluster port, Karaf's shutdown port) stays on loopback, and nothing
        // listens on every address, the development profile's 8181 included
        final List<String> elsewhere = listening.stream().filter(socket -> !socket.startsWith("127.0.0.1:")
            && !socket.equals(RESTCONF_ADDRESS + ":" + restconfPort)
            && !socket.startsWith(OPENFLOW_ADDRESS + ":")).toList();
        assertEquals(List.of(), elsewhere, listening.toString());

        final HttpClient https = HttpClient.newBuilder().sslContext(trusting(tlsDir.resolve("ca.crt")))
            .connectTimeout(Duration.ofSeconds(5)).build();
        final String base = "https://" + RESTCONF_ADDRESS + ":" + restconfPort;
        final Restconf operator = new Restconf(base, "admin:" + ADMIN_PASSWORD, https);
        assertEquals(201, operator.put("/rests/data/liveflow:overlay/tenants/tenant=t1",
            "{\"liveflow:tenant\": [{\"id\": \"t1\"}]}").status());
        assertEquals(200, operator.get("/rests/data/liveflow:overlay/tenants/tenant=t1").status());
        assertEquals(401, new Restconf(base, "admin:admin", https).get("/rests/operations").status());
        // the same port does not speak plain HTTP
        final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(URI.create("http://"
            + RESTCONF_ADDRESS + ":" + restconfPort + "/rests/operations")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString()));

        // SSH: the new password logs in, the default one does not
        final String networks = new KarafShell("127.0.0.1", sshPort, KARAF_PASSWORD).execute("liveflow:network-list");
        assertTrue(networks.contains("VNI"), networks);
        assertThrows(IOException.class, () -> new KarafShell("127.0.0.1", sshPort, "karaf").execute("echo in"));

        final Result stopped = controller(Map.of(), "stop");
        assertEquals(0, stopped.exit(), stopped.output());
        assertFalse(karaf.isAlive(), "the controller still runs after stop");
    }

    private record Result(int exit, String output) {
    }

    private static Result controller(final Map<String, String> env, final String... args) throws IOException,
            InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("liveflow.karaf.assembly", "../karaf/target/assembly"))
            .toAbsolutePath().getParent().getParent().resolve("controller").toString());
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        builder.environment().put("LIVEFLOW_HOME", home.toString());
        final Process process = builder.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final int exit = process.waitFor();
        for (String line : output.split("\n")) {
            LOG.info("controller {}: {}", args[0], line);
        }
        return new Result(exit, output);
    }

    private static Optional<ProcessHandle> karafProcess() throws IOException {
        final Path pidFile = home.resolve("karaf.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        final String pid = Files.readString(pidFile).strip();
        return pid.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
    }

    private static SSLContext trusting(final Path caCertificate) throws Exception {
        final KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            trust.setCertificateEntry("liveflow-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        final TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
