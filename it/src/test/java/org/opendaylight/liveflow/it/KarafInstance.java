/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opendaylight.liveflow.it.lab.LabController;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real liveflow Karaf, started from a fresh copy of the built distribution with its own free ports, and
 * stopped by pid (its whole process tree) when closed, when the test JVM exits, or when start-up fails.
 */
final class KarafInstance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KarafInstance.class);
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** What a distribution's folder holds of a run, not of the build: never copied. */
    static final List<String> RUN_TIME_STATE = List.of("data", "journal", "snapshots", "segmented-journal",
        "instances", "karaf.pid", "lock");

    private final Path home;
    private final Path awaitReady;
    private final int httpPort;
    private final int sshPort;
    private final int openflowPort;
    private final Thread reaper;
    private Process process;
    private Instant launchedAt;
    private Duration bootTime;
    private List<String> recoveries = List.of();

    private KarafInstance(final Path home, final Path awaitReady, final int httpPort, final int sshPort,
            final int openflowPort) {
        this.home = home;
        this.awaitReady = awaitReady;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
        this.openflowPort = openflowPort;
        reaper = new Thread(this::kill, "karaf-reaper-" + home.getFileName());
    }

    /**
     * Copies the distribution, lets {@code editBootFeatures} rewrite its boot feature descriptor, and starts it: a
     * first boot, with the feature resolution and installation of a fresh installation. Returns once RESTCONF
     * answers (and, if {@code expectLiveflow}, the liveflow shell too), or throws after stopping whatever it started.
     */
    static KarafInstance start(final String name, final UnaryOperator<String> editBootFeatures,
            final boolean expectLiveflow) throws Exception {
        return startCopy(name, editBootFeatures, expectLiveflow, null, null);
    }

    /**
     * Starts a copy of the distribution as installed by its first boot ({@link KarafTemplate}: features installed,
     * datastore, logs and configuration state left out), or of the distribution itself when that template could
     * not be made. What a test class needs when the first boot is not what it tests: 0 to 10 s less per class here.
     */
    static KarafInstance start(final String name) throws Exception {
        return startCopy(name, UnaryOperator.identity(), true, null, KarafTemplate.prepared().orElse(null));
    }

    /**
     * Starts the distribution with its OpenFlow listeners on TLS, with the CA and stores {@code karaf/tls-ca init}
     * made in {@code tlsDir} (configured by {@code karaf/tls-ca configure}, as karaf/controller does), from the
     * installed copy as {@link #start(String)} does.
     */
    static KarafInstance startWithTls(final String name, final Path tlsDir) throws Exception {
        return startCopy(name, UnaryOperator.identity(), true, tlsDir, KarafTemplate.prepared().orElse(null));
    }

    /**
     * Runs one of the distribution's scripts in {@code karaf/} (tls-ca, await-ready) and returns its output, or
     * throws with it when it fails.
     */
    static String karafScript(final String script, final String... args) throws IOException, InterruptedException {
        final Path assembly = Path.of(System.getProperty("liveflow.karaf.assembly", "../karaf/target/assembly"));
        final List<String> command = new ArrayList<>();
        command.add(assembly.toAbsolutePath().getParent().getParent().resolve(script).toString());
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private static KarafInstance startCopy(final String name, final UnaryOperator<String> editBootFeatures,
            final boolean expectLiveflow, final Path tlsDir, final KarafTemplate template) throws Exception {
        final Path assembly = assembly();
        final Path home = Path.of(System.getProperty("liveflow.it.workdir", "target/karaf-runs")).resolve(name)
            .toAbsolutePath();
        deleteTree(home);
        if (template != null) {
            template.copyTo(home);
        } else {
            copyDistribution(assembly, home);
        }
        final KarafInstance karaf = configured(home, editBootFeatures);
        if (tlsDir != null) {
            karafScript("tls-ca", "configure", tlsDir.toString(), home.toString());
        }
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

    /** The built distribution the tests copy, checked to be there. */
    static Path assembly() {
        final Path assembly = Path.of(System.getProperty("liveflow.karaf.assembly", "../karaf/target/assembly"));
        if (!Files.isExecutable(assembly.resolve("bin/karaf"))) {
            throw new IllegalStateException("No built distribution at " + assembly.toAbsolutePath()
                + ": build the karaf module first");
        }
        return assembly;
    }

    /**
     * Gives the installation at {@code home} free ports and the test's settings (see {@link #configure}) and returns
     * its Karaf, not launched yet.
     */
    static KarafInstance configured(final Path home, final UnaryOperator<String> editBootFeatures)
            throws IOException {
        final int httpPort = ListenPorts.next();
        final int sshPort = ListenPorts.next();
        final int openflowPort = ListenPorts.next();
        configure(home, httpPort, sshPort, openflowPort, editBootFeatures);
        // the distribution's own readiness check, the one karaf/controller uses: karaf/await-ready
        final Path awaitReady = assembly().toAbsolutePath().getParent().getParent().resolve("await-ready");
        return new KarafInstance(home, awaitReady, httpPort, sshPort, openflowPort);
    }

    int httpPort() {
        return httpPort;
    }

    int openflowPort() {
        return openflowPort;
    }

    /**
     * Returns what the lab's chassis need to join this controller with its {@code bin/liveflow-chassis}.
     */
    LabController labController() {
        return new LabController(openflowPort, "http://127.0.0.1:" + httpPort, home.resolve("bin/liveflow-chassis"));
    }

    Duration bootTime() {
        return bootTime;
    }

    /**
     * Returns the start-up faults karaf/await-ready recovered during the last boot, one line each
     * ("recovery: form: what was done"); empty when the boot needed none.
     */
    List<String> recoveries() {
        return recoveries;
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
     * Returns the CPU time the Karaf JVM has used so far (user and system, every thread), in milliseconds, from
     * /proc (clock ticks of 10 ms).
     */
    long cpuMillis() throws IOException {
        final long pid = javaProcess().map(ProcessHandle::pid).orElseThrow();
        final String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the fields after the command name, which is in parentheses and may hold spaces
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /**
     * Returns the Karaf JVM's used heap in KiB right after a full collection.
     */
    long heapUsedAfterGcKib() throws IOException, InterruptedException {
        return JvmHeap.usedAfterGcKib(javaProcess().map(ProcessHandle::pid).orElseThrow());
    }

    /** The Karaf JVM's class histogram of live objects (after a full collection). */
    String heapHistogram() throws IOException, InterruptedException {
        return JvmHeap.classHistogram(javaProcess().map(ProcessHandle::pid).orElseThrow());
    }

    /**
     * Stops this Karaf and starts it again on the same installation, so its datastore survives, as an operator's
     * restart of the controller would.
     */
    void restart() throws Exception {
        stopGracefully();
        process = null;
        launch();
        awaitReady(true);
    }

    /**
     * Kills the Karaf JVM as a crash would (no shutdown at all) and starts it again on the same installation.
     */
    void crashAndRestart() throws Exception {
        javaProcess().ifPresent(ProcessHandle::destroyForcibly);
        kill();
        Runtime.getRuntime().removeShutdownHook(reaper);
        process = null;
        launch();
        awaitReady(true);
    }

    /**
     * Returns how many lines of Karaf's log contain the text.
     */
    long logLinesContaining(final String text) throws IOException {
        return logLinesWith(text).size();
    }

    /**
     * Returns the log lines (of this installation's whole life) that contain any of the given texts.
     */
    List<String> logLinesWith(final String... texts) throws IOException {
        try (Stream<String> lines = Files.lines(home.resolve("data/log/karaf.log"))) {
            return lines.filter(line -> Stream.of(texts).anyMatch(line::contains)).toList();
        }
    }

    /**
     * Stops a lab test's switches, then its controller (either may be null: what failed to start): the switches
     * first, so that the controller stops without sessions to tear down.
     */
    static void stopAll(final OvsLab lab, final KarafInstance karaf) {
        if (lab != null) {
            lab.close();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    /**
     * Ends this Karaf at the end of a test (or of a failed start): killed at once, since nothing of its installation
     * is kept and the next run deletes it. A graceful stop costs about 5 s a class; {@link #restart()} still stops
     * gracefully, as an operator's restart does.
     */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        javaProcess().ifPresent(ProcessHandle::destroyForcibly);
        kill();
        forgetReaper();
    }

    private void forgetReaper() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook runs anyway
        }
    }

    /**
     * Stops this Karaf as karaf/controller stop does; returns whether it ended by itself within the stop timeout
     * (otherwise it is killed).
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    boolean stopGracefully() {
        if (process == null) {
            return true;
        }
        // OpenFlowPlugin can hang for minutes in shutdown (see docs/toolchain.md): stop it first, best effort, and
        // transiently, so that it starts again when this installation is started again. liveflow stops before it:
        // when the plugin drops its switches, a running liveflow would take them for dead chassis.
        try {
            shell().execute("bundle:stop --transient org.opendaylight.liveflow.impl");
            shell().execute("bundle:stop --transient org.opendaylight.openflowplugin.impl");
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not stop OpenFlowPlugin before shutdown", e);
        }
        javaProcess().ifPresent(ProcessHandle::destroy);
        final Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            sleep(200);
        }
        final boolean stopped = !process.isAlive();
        kill();
        forgetReaper();
        return stopped;
    }

    void launch() throws IOException {
        final List<String> command = new ArrayList<>();
        if (OvsLab.CONTROLLER_NICE != 0) {
            // nice execs bin/karaf, which execs the JVM: one process, every thread at this niceness
            command.addAll(List.of("nice", "-n", Integer.toString(OvsLab.CONTROLLER_NICE)));
        }
        command.addAll(List.of(home.resolve("bin/karaf").toString(), "server"));
        final ProcessBuilder builder = new ProcessBuilder(command)
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

    void awaitReady(final boolean expectLiveflow) throws Exception {
        final Readiness readiness = checkReadiness(launchedAt, expectLiveflow, BOOT_TIMEOUT);
        if (!readiness.ready()) {
            throw new IllegalStateException("Karaf not ready (" + home.resolve("data/log/karaf.log") + "):\n"
                + String.join("\n", readiness.lines()));
        }
        bootTime = Duration.between(launchedAt, Instant.now());
        recoveries = readiness.recoveries();
    }

    /**
     * What karaf/await-ready reported: every line it printed, whether the boot became ready, and the recoveries.
     */
    record Readiness(boolean ready, List<String> lines) {
        List<String> recoveries() {
            return lines.stream().filter(line -> line.startsWith("recovery: ")).toList();
        }
    }

    /**
     * Runs karaf/await-ready against this Karaf as launched at {@code launched} (what happened before in its log
     * is not this boot's) and returns its report, giving up after {@code timeout}.
     */
    Readiness checkReadiness(final Instant launched, final boolean expectLiveflow, final Duration timeout)
            throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of(awaitReady.toString(), "--home", home.toString(),
            "--http", Integer.toString(httpPort), "--ssh", Integer.toString(sshPort), "--openflow",
            Integer.toString(openflowPort), "--timeout", Long.toString(timeout.toSeconds())));
        if (!expectLiveflow) {
            command.add("--no-liveflow");
        }
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LIVEFLOW_LAUNCHED_AT", Long.toString(launched.getEpochSecond()));
        final Process check = builder.start();
        final List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(check.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                LOG.info("{}: {}", home.getFileName(), line);
                lines.add(line);
            }
        }
        return new Readiness(check.waitFor() == 0, List.copyOf(lines));
    }

    /**
     * Waits until the liveflow feature's shell commands answer, after a runtime {@code feature:install} that began
     * at {@code installStarted}. The install restarts the datastore and AAA with it, before the command returns, so
     * await-ready must count what AAA logged from then on as this start-up's, or it cannot recognise (and recover)
     * AAA's start-up faults.
     */
    void awaitLiveflow(final Instant installStarted, final Duration timeout) throws IOException,
            InterruptedException {
        final Readiness readiness = checkReadiness(installStarted, true, timeout);
        if (!readiness.ready()) {
            throw new IllegalStateException("liveflow not ready after " + timeout + ":\n"
                + String.join("\n", readiness.lines()));
        }
    }

    Optional<ProcessHandle> javaProcess() {
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
        // and as a system property, which pax-web falls back to: once, Jetty started on its own default (8080)
        // before the configuration admin delivered that file, and never moved
        Files.writeString(etc.resolve("system.properties"), "\norg.osgi.service.http.port = " + httpPort + "\n",
            StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(etc.resolve("org.apache.karaf.shell.cfg"), "\nsshPort = " + sshPort
            + "\nsshHost = 127.0.0.1\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        replaceInFile(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort\\s*=\\s*\\d+",
            "rmiRegistryPort = " + ListenPorts.next());
        replaceInFile(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort\\s*=\\s*\\d+",
            "rmiServerPort = " + ListenPorts.next());
        // Switches connect to liveflow's switch gate, which relays them to the OpenFlowPlugin's listeners on
        // loopback (their ports come from the distribution's files, which Karaf only writes when they are absent).
        final int pluginPort = ListenPorts.next();
        writeConnectionPort(home, "default-openflow-connection-config.xml", pluginPort);
        writeConnectionPort(home, "legacy-openflow-connection-config.xml", ListenPorts.next());
        final Path gate = etc.resolve("org.opendaylight.liveflow.gate.cfg");
        replaceInFile(gate, "(?m)^listen-address\\s*=.*$", "listen-address = 127.0.0.1");
        replaceInFile(gate, "(?m)^listen-ports\\s*=.*$", "listen-ports = " + openflowPort + "," + ListenPorts.next());
        replaceInFile(gate, "(?m)^upstream-port\\s*=.*$", "upstream-port = " + pluginPort);
        // liveflow's own DEBUG lines (for example each flow the reconciler changes) help when a test fails;
        // benchmarks turn them off, since logging every flow costs more than writing it
        if (!Boolean.getBoolean("liveflow.it.quiet")) {
            Files.writeString(etc.resolve("org.ops4j.pax.logging.cfg"), "\nlog4j2.logger.liveflow.name = "
                + "org.opendaylight.liveflow\nlog4j2.logger.liveflow.level = DEBUG\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        }
        // a benchmark may tune the OpenFlowPlugin: liveflow.it.openflowplugin holds lines for its file, ';' apart
        final String plugin = System.getProperty("liveflow.it.openflowplugin", "");
        if (!plugin.isBlank()) {
            Files.writeString(etc.resolve("org.opendaylight.openflowplugin.cfg"), "\n" + plugin.replace(';', '\n')
                + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        // and the cluster's Akka (the entity ownership service the OpenFlowPlugin registers every switch with):
        // liveflow.it.akka holds settings for the odl-cluster-data section, ';' apart. The file is the one member's
        // the controller's feature would write at the first start (it writes none when one is there), plus those
        final String akka = System.getProperty("liveflow.it.akka", "");
        if (!akka.isBlank()) {
            Files.writeString(home.resolve("configuration/initial/akka.conf"), String.join("\n",
                "odl-cluster-data {",
                "  akka {",
                "    remote.artery { enabled = on, transport = tcp, canonical.hostname = \"127.0.0.1\", "
                    + "canonical.port = 2550 }",
                "    cluster { seed-nodes = [\"akka://opendaylight-cluster-data@127.0.0.1:2550\"], "
                    + "roles = [\"member-1\"] }",
                "    persistence.snapshot-store.local { use-lz4-compression = false, lz4-blocksize = 256KB }",
                "    disable-default-actor-system-quarantined-event-handling = \"false\"",
                "  }",
                "  " + akka.replace(";", "\n  "),
                "}", ""), StandardCharsets.UTF_8);
        }
        final Path bootDescriptor = bootFeatureDescriptor(etc);
        Files.writeString(bootDescriptor, editBootFeatures.apply(Files.readString(bootDescriptor)));
    }

    /**
     * Gives one of the OpenFlowPlugin's listeners (its switch-connection configuration, as the distribution ships it:
     * on loopback, behind the switch gate) another port.
     */
    private static void writeConnectionPort(final Path home, final String fileName, final int port)
            throws IOException {
        final Path file = home.resolve("etc/opendaylight/datastore/initial/config").resolve(fileName);
        Files.writeString(file, withConnectionPort(Files.readString(file), port));
    }

    /**
     * Returns an OpenFlowPlugin switch-connection configuration with its listener on another port.
     */
    static String withConnectionPort(final String connectionConfig, final int port) {
        final String edited = connectionConfig.replaceAll("<port>\\d+</port>", "<port>" + port + "</port>");
        if (!edited.contains("<port>" + port + "</port>")) {
            throw new IllegalStateException("No listener port in " + connectionConfig);
        }
        return edited;
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

    static void copyDistribution(final Path from, final Path to) throws IOException {
        copyTree(from, to, relative -> relative.getNameCount() == 0
            || !RUN_TIME_STATE.contains(relative.getName(0).toString()));
    }

    /**
     * Copies the files and folders below {@code from} that {@code include} accepts (given their path relative to
     * {@code from}) to the same places below {@code to}, keeping their times.
     */
    static void copyTree(final Path from, final Path to, final Predicate<Path> include) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                final Path relative = from.relativize(source);
                if (!include.test(relative)) {
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

    static void deleteTree(final Path root) throws IOException {
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

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
