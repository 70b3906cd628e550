/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real liveflow Karaf, started from a fresh copy of the built distribution with its own free ports, and
 * stopped by pid (its whole process tree) when closed, when the test JVM exits, or when start-up fails.
 */
final class KarafInstance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KarafInstance.class);
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration AAA_GRACE = Duration.ofSeconds(30);
    private static final Duration AAA_RECHECK = Duration.ofSeconds(10);
    private static final int MAX_AAA_RESTARTS = 2;
    private static final String PASSWORD_SERVICE = "org.opendaylight.aaa.api.password.service.PasswordHashService";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path home;
    private final int httpPort;
    private final int sshPort;
    private final int openflowPort;
    private final Thread reaper;
    private Process process;
    private Instant launchedAt;
    private Duration bootTime;

    private KarafInstance(final Path home, final int httpPort, final int sshPort, final int openflowPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
        this.openflowPort = openflowPort;
        reaper = new Thread(this::kill, "karaf-reaper-" + home.getFileName());
    }

    /**
     * Copies the distribution, lets {@code editBootFeatures} rewrite its boot feature descriptor, and starts it.
     * Returns once RESTCONF answers (and, if {@code expectLiveflow}, the liveflow shell too), or throws after
     * stopping whatever it started.
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    static KarafInstance start(final String name, final UnaryOperator<String> editBootFeatures,
            final boolean expectLiveflow) throws Exception {
        final Path assembly = Path.of(System.getProperty("liveflow.karaf.assembly", "../karaf/target/assembly"));
        if (!Files.isExecutable(assembly.resolve("bin/karaf"))) {
            throw new IllegalStateException("No built distribution at " + assembly.toAbsolutePath()
                + ": build the karaf module first");
        }
        final Path home = Path.of(System.getProperty("liveflow.it.workdir", "target/karaf-runs")).resolve(name)
            .toAbsolutePath();
        deleteTree(home);
        copyDistribution(assembly, home);

        final int httpPort = freePort();
        final int sshPort = freePort();
        final int openflowPort = freePort();
        configure(home, httpPort, sshPort, openflowPort, editBootFeatures);

        final KarafInstance karaf = new KarafInstance(home, httpPort, sshPort, openflowPort);
        try {
            karaf.launch();
            karaf.awaitReady(expectLiveflow);
            return karaf;
        } catch (Exception | AssertionError e) {
            // whatever went wrong, never leave a Karaf JVM behind
            karaf.close();
            throw e;
        }
    }

    int httpPort() {
        return httpPort;
    }

    int openflowPort() {
        return openflowPort;
    }

    Duration bootTime() {
        return bootTime;
    }

    Path home() {
        return home;
    }

    KarafShell shell() {
        return new KarafShell(sshPort);
    }

    Restconf restconf() {
        return new Restconf(httpPort);
    }

    /**
     * Returns the resident memory of the Karaf JVM in MiB, read from /proc.
     */
    long residentMemoryMib() throws IOException {
        final long pid = javaProcess().map(ProcessHandle::pid).orElseThrow();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IOException("No VmRSS for pid " + pid);
    }

    /**
     * Stops this Karaf and starts it again on the same installation, so its datastore survives, as an operator's
     * restart of the controller would.
     */
    void restart() throws Exception {
        close();
        process = null;
        launch();
        awaitReady(true);
    }

    /**
     * Returns how many lines of Karaf's log contain the text.
     */
    long logLinesContaining(final String text) throws IOException {
        try (Stream<String> lines = Files.lines(home.resolve("data/log/karaf.log"))) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    @Override
    @SuppressWarnings("checkstyle:IllegalCatch")
    public void close() {
        if (process == null) {
            return;
        }
        // OpenFlowPlugin can hang for minutes in shutdown (see TOOLCHAIN.md): stop it first, best effort, and
        // transiently, so that it starts again when this installation is started again.
        try {
            shell().execute("bundle:stop --transient org.opendaylight.openflowplugin.impl");
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not stop OpenFlowPlugin before shutdown", e);
        }
        javaProcess().ifPresent(ProcessHandle::destroy);
        final Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            sleep(200);
        }
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook runs anyway
        }
    }

    private void launch() throws IOException {
        final ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("console.log").toFile());
        final Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KARAF_HOME", home.toString());
        launchedAt = Instant.now();
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    private void awaitReady(final boolean expectLiveflow) throws Exception {
        final Instant deadline = launchedAt.plus(BOOT_TIMEOUT);
        final Restconf restconf = restconf();
        Instant nextAaaCheck = launchedAt.plus(AAA_GRACE);
        int aaaRestarts = 0;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue() + "; see "
                    + home.resolve("console.log"));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Karaf not ready after " + BOOT_TIMEOUT + "; see "
                    + home.resolve("data/log/karaf.log"));
            }
            // RESTCONF answers (and authenticates) and the OpenFlowPlugin listens for switches
            if (restconf.probe("/rests/operations") == 200 && openflowListening()) {
                if (!expectLiveflow || liveflowShellAnswers()) {
                    bootTime = Duration.between(launchedAt, Instant.now());
                    return;
                }
            } else if (Instant.now().isAfter(nextAaaCheck) && aaaRestarts < MAX_AAA_RESTARTS) {
                nextAaaCheck = Instant.now().plus(AAA_RECHECK);
                if (recoverFromAaaRace()) {
                    aaaRestarts++;
                }
            }
            sleep(500);
        }
    }

    private boolean openflowListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", openflowPort), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * AAA 0.18.6 start-up race (TOOLCHAIN.md): sometimes no PasswordHashService gets registered, and RESTCONF
     * answers 401 or never comes up. Restarting the password service bundle recovers it. Returns whether it
     * had to.
     */
    private boolean recoverFromAaaRace() {
        try {
            final String services = shell().execute("service:list " + PASSWORD_SERVICE);
            if (services.contains("service.id")) {
                return false;
            }
            LOG.warn("No {} registered: restarting the AAA password service bundle", PASSWORD_SERVICE);
            shell().execute("bundle:restart org.opendaylight.aaa.password-service-impl");
            return true;
        } catch (IOException e) {
            LOG.debug("Shell not reachable yet", e);
            return false;
        }
    }

    /**
     * Waits until the liveflow feature's shell commands answer, after a runtime {@code feature:install}.
     */
    void awaitLiveflow(final Duration timeout) {
        final Instant deadline = Instant.now().plus(timeout);
        while (!liveflowShellAnswers()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("liveflow shell commands not available after " + timeout);
            }
            sleep(500);
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private boolean liveflowShellAnswers() {
        try {
            return shell().execute("liveflow:network-list").contains("VNI");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Optional<ProcessHandle> javaProcess() {
        if (process == null) {
            return Optional.empty();
        }
        return process.toHandle().descendants().filter(p -> p.info().command().map(c -> c.endsWith("java"))
            .orElse(false)).findFirst();
    }

    private void kill() {
        if (process == null) {
            return;
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void configure(final Path home, final int httpPort, final int sshPort, final int openflowPort,
            final UnaryOperator<String> editBootFeatures) throws IOException {
        final Path etc = home.resolve("etc");
        replaceInFile(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port\\s*=\\s*\\d+",
            "org.osgi.service.http.port = " + httpPort);
        Files.writeString(etc.resolve("org.apache.karaf.shell.cfg"), "\nsshPort = " + sshPort
            + "\nsshHost = 127.0.0.1\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        replaceInFile(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort\\s*=\\s*\\d+",
            "rmiRegistryPort = " + freePort());
        replaceInFile(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort\\s*=\\s*\\d+",
            "rmiServerPort = " + freePort());
        // OpenFlowPlugin's listeners come from these files, which Karaf only writes when they do not exist yet.
        writeConnectionConfig(home, "config", "default-openflow-connection-config.xml", openflowPort);
        writeConnectionConfig(home, "legacyConfig", "legacy-openflow-connection-config.xml", freePort());
        // liveflow's own DEBUG lines (for example each flow the reconciler changes) help when a test fails;
        // benchmarks turn them off, since logging every flow costs more than writing it
        if (!Boolean.getBoolean("liveflow.it.quiet")) {
            Files.writeString(etc.resolve("org.ops4j.pax.logging.cfg"), "\nlog4j2.logger.liveflow.name = "
                + "org.opendaylight.liveflow\nlog4j2.logger.liveflow.level = DEBUG\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        }
        final Path bootDescriptor = bootFeatureDescriptor(etc);
        Files.writeString(bootDescriptor, editBootFeatures.apply(Files.readString(bootDescriptor)));
    }

    /**
     * Writes OpenFlowPlugin's switch-connection configuration from the one the distribution ships (artifact
     * openflowjava-blueprint-config, the given classifier) with another listening port.
     */
    private static void writeConnectionConfig(final Path home, final String classifier, final String fileName,
            final int port) throws IOException {
        final Path artifact = home.resolve(
            "system/org/opendaylight/openflowplugin/openflowjava/openflowjava-blueprint-config");
        final Path shipped;
        try (Stream<Path> files = Files.walk(artifact)) {
            shipped = files.filter(f -> f.getFileName().toString().endsWith("-" + classifier + ".xml")).findFirst()
                .orElseThrow(() -> new IOException("No " + classifier + " OpenFlow connection config in " + artifact));
        }
        final String xml = Files.readString(shipped).replaceFirst("<port>\\d+</port>", "<port>" + port + "</port>");
        final Path target = home.resolve("etc/opendaylight/datastore/initial/config").resolve(fileName);
        Files.createDirectories(target.getParent());
        Files.writeString(target, xml);
    }

    /**
     * Finds the feature descriptor karaf-maven-plugin generated for the boot features.
     */
    private static Path bootFeatureDescriptor(final Path etc) throws IOException {
        final String cfg = Files.readString(etc.resolve("org.apache.karaf.features.cfg"));
        final Matcher matcher = Pattern.compile(
            "featuresRepositories\\s*=\\s*file:\\$\\{karaf.etc\\}/(\\S+\\.xml)").matcher(cfg);
        if (!matcher.find()) {
            throw new IOException("No boot feature descriptor in org.apache.karaf.features.cfg");
        }
        return etc.resolve(matcher.group(1));
    }

    private static void replaceInFile(final Path file, final String regex, final String replacement)
            throws IOException {
        final String before = Files.readString(file);
        final String after = before.replaceAll(regex, Matcher.quoteReplacement(replacement));
        if (before.equals(after)) {
            throw new IOException("Nothing matched " + regex + " in " + file);
        }
        Files.writeString(file, after);
    }

    private static void copyDistribution(final Path from, final Path to) throws IOException {
        final List<String> skipped = List.of("data", "journal", "snapshots", "segmented-journal", "instances",
            "karaf.pid", "lock");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                final Path relative = from.relativize(source);
                if (relative.getNameCount() > 0 && skipped.contains(relative.getName(0).toString())) {
                    continue;
                }
                final Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(final Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
