/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendaylight.liveflow.it.lab.LabController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A three-member liveflow cluster on 127.0.0.1-3, run by the distribution's own {@code karaf/cluster} script (so
 * every cluster test tests it) in homes of its own, with every port moved by an offset away from the defaults an
 * operator's cluster uses. Members are killed by the pid in their home's {@code karaf.pid}: on {@link #kill}, on
 * close, and when the test JVM exits.
 */
final class KarafCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KarafCluster.class);
    /** Moves 8181 to 9181 and so on: below the ephemeral range and the ports {@link ListenPorts} hands out. */
    private static final int PORT_OFFSET = 1000;
    private static final Pattern OWNER = Pattern.compile("control loop on: (.*)");
    static final List<Integer> MEMBERS = List.of(1, 2, 3);

    private final Path script;
    private final Path dir;
    private final String heap;
    private final Thread reaper = new Thread(this::killAll, "cluster-reaper");

    private KarafCluster(final Path script, final Path dir, final String heap) {
        this.script = script;
        this.dir = dir;
        this.heap = heap;
    }

    /**
     * Starts the three members with {@code heap} each (-Xmx) in fresh homes under the tests' work directory and
     * returns once every member is ready, or throws with the script's output after killing what it started.
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    static KarafCluster start(final String name, final String heap) throws Exception {
        final Path assembly = Path.of(System.getProperty("liveflow.karaf.assembly", "../karaf/target/assembly"))
            .toAbsolutePath();
        final Path dir = Path.of(System.getProperty("liveflow.it.workdir", "target/karaf-runs")).resolve(name)
            .toAbsolutePath();
        KarafInstance.deleteTree(dir);
        final KarafCluster cluster = new KarafCluster(assembly.getParent().getParent().resolve("cluster"), dir, heap);
        Runtime.getRuntime().addShutdownHook(cluster.reaper);
        try {
            cluster.startStopped();
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Starts every member that is not running (all of them the first time; a killed one later) and waits until
     * each is ready; returns the script's report.
     */
    String startStopped() throws IOException, InterruptedException {
        final String out = run("start", "--no-build");
        LOG.info("karaf/cluster start:\n{}", out);
        return out;
    }

    /**
     * Returns which member runs liveflow's control loop, as {@code karaf/cluster status} reads it from every
     * member's shell ({@code liveflow:cluster-status}): empty while none does, several if that ever went wrong.
     */
    List<Integer> controlLoopOwners() throws IOException, InterruptedException {
        final Matcher matcher = OWNER.matcher(runAllowingFailure("status"));
        final List<Integer> owners = new ArrayList<>();
        if (matcher.find()) {
            for (String member : matcher.group(1).trim().split(" ")) {
                if (member.startsWith("member-")) {
                    owners.add(Integer.parseInt(member.substring("member-".length())));
                }
            }
        }
        return owners;
    }

    /**
     * Waits until exactly one member other than {@code not} runs the control loop and returns it.
     */
    int awaitOwnerOtherThan(final int not, final Duration patience) throws Exception {
        final Instant deadline = Instant.now().plus(patience);
        List<Integer> owners = List.of();
        while (Instant.now().isBefore(deadline)) {
            owners = controlLoopOwners();
            if (owners.size() == 1 && owners.get(0) != not) {
                return owners.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no single member other than " + not + " took the control loop over within "
            + patience + ": " + owners);
    }

    /**
     * Kills member {@code member}'s JVM as a crash would (SIGKILL, no shutdown) and returns when it is gone.
     */
    Instant kill(final int member) {
        final Instant at = Instant.now();
        javaProcess(member).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
        return at;
    }

    /**
     * Returns how long after {@code since} member {@code member} started liveflow's control loop, by the time its
     * own log gives the start (the last "now runs liveflow's control loop" line; Karaf logs in this machine's zone).
     */
    Duration controlLoopStartedAfter(final int member, final Instant since) throws IOException {
        final String marker = "member-" + member + " now runs liveflow's control loop";
        Instant started = null;
        for (String line : Files.readAllLines(home(member).resolve("data/log/karaf.log"), StandardCharsets.UTF_8)) {
            if (line.contains(marker)) {
                started = LocalDateTime.parse(line.substring(0, line.indexOf(' ')).replace(',', '.'))
                    .atZone(ZoneId.systemDefault()).toInstant();
            }
        }
        if (started == null) {
            throw new IOException("member-" + member + "'s log never says it runs the control loop");
        }
        return Duration.between(since, started);
    }

    /**
     * Returns the lines of member {@code member}'s log since it last started liveflow's control loop.
     */
    List<String> logSinceControlLoopStart(final int member) throws IOException {
        final String marker = "member-" + member + " now runs liveflow's control loop";
        final List<String> lines = Files.readAllLines(home(member).resolve("data/log/karaf.log"),
            StandardCharsets.UTF_8);
        int start = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                start = i;
            }
        }
        return lines.subList(start, lines.size());
    }

    Restconf restconf(final int member) {
        return new Restconf(restconfPort(member));
    }

    int restconfPort(final int member) {
        return 8180 + PORT_OFFSET + member;
    }

    String openflowTarget(final int member) {
        return "127.0.0.%d:%d".formatted(member, 6652 + PORT_OFFSET + member);
    }

    /**
     * What the lab's chassis need to join every member: all three OpenFlow targets, and the RESTCONF of
     * {@code member} for {@code liveflow-chassis}' own writes.
     */
    LabController labController(final int member) {
        return new LabController(MEMBERS.stream().map(this::openflowTarget).toList(),
            "http://127.0.0.1:" + restconfPort(member), home(member).resolve("bin/liveflow-chassis"));
    }

    Path home(final int member) {
        return dir.resolve("member-" + member);
    }

    /**
     * Returns member {@code member}'s resident memory in MiB, read from /proc.
     */
    long residentMemoryMib(final int member) throws IOException {
        final long pid = javaProcess(member).map(ProcessHandle::pid).orElseThrow();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IOException("No VmRSS for pid " + pid);
    }

    /**
     * Returns member {@code member}'s used heap in MiB right after a full collection ({@code jcmd GC.run}, then
     * {@code GC.heap_info}): what its datastore replicas and liveflow hold, the floor of the heap it needs.
     */
    long heapUsedAfterGcMib(final int member) throws IOException, InterruptedException {
        return JvmHeap.usedAfterGcKib(javaProcess(member).map(ProcessHandle::pid).orElseThrow()) / 1024;
    }

    /**
     * Kills every member (their logs stay in their homes): a test's last step, pass or fail.
     */
    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook runs anyway
        }
    }

    private void killAll() {
        MEMBERS.forEach(this::kill);
    }

    /**
     * The member's Karaf JVM: the pid its home's {@code karaf.pid} names, if that process is the Karaf of this home
     * (never another process that reused the pid).
     */
    private Optional<ProcessHandle> javaProcess(final int member) {
        final Path pidFile = home(member).resolve("karaf.pid");
        try {
            final long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
            return ProcessHandle.of(pid).filter(process -> process.info().commandLine()
                .filter(line -> line.contains("org.apache.karaf.main.Main") && line.contains(home(member).toString()))
                .isPresent());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String run(final String... args) throws IOException, InterruptedException {
        final ProcessResult result = execute(args);
        if (result.status() != 0) {
            throw new IOException("karaf/cluster " + String.join(" ", args) + " failed (" + result.status() + "):\n"
                + result.output());
        }
        return result.output();
    }

    private String runAllowingFailure(final String... args) throws IOException, InterruptedException {
        return execute(args).output();
    }

    private record ProcessResult(int status, String output) {
    }

    private ProcessResult execute(final String... args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        final Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LIVEFLOW_CLUSTER_DIR", dir.toString());
        env.put("LIVEFLOW_CLUSTER_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        env.put("LIVEFLOW_MEMBER_HEAP", heap);
        final Process process = builder.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ProcessResult(process.waitFor(), output);
    }
}
