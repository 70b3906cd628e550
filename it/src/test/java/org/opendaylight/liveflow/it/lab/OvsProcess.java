/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Open vSwitch instance in userspace: its own ovsdb-server and ovs-vswitchd (dummy datapath, no kernel
 * module) with all their files in one directory, started and stopped by pid file.
 */
public final class OvsProcess {
    private static final String SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema";

    private static final Pattern PORT_LINE = Pattern.compile("^\\s*port \\d+: (\\S+)");
    private static final Pattern PACKETS_LINE = Pattern.compile("^\\s*(RX|TX) packets:(\\d+)");

    /**
     * The niceness of a chassis' ovs-vswitchd (lab.switch.nice; 0, unchanged, by default). In the lab a switch's
     * main loop is also its datapath, so on a loaded machine the control plane (a controller, ovn-controller) takes
     * CPU from forwarding; on a real host the datapath forwards in the kernel or on cores of its own. A negative
     * value (needs root) puts forwarding first, as there.
     */
    static final int SWITCH_NICE = Integer.getInteger("lab.switch.nice", 0);
    /**
     * The niceness of the ovs-vswitchd that plays the physical network between the chassis (lab.fabric.nice; that
     * of the chassis by default): a real network does not share the hosts' CPUs at all.
     */
    static final int FABRIC_NICE = Integer.getInteger("lab.fabric.nice", SWITCH_NICE);

    private final Path dir;
    private final int niceness;

    OvsProcess(final Path dir) {
        this(dir, SWITCH_NICE);
    }

    OvsProcess(final Path dir, final int niceness) {
        this.dir = dir;
        this.niceness = niceness;
    }

    Path dir() {
        return dir;
    }

    /**
     * Returns the socket on which ovs-vswitchd serves OpenFlow for {@code bridge} to local tools (ovs-ofctl).
     */
    Path managementSocket(final String bridge) {
        return dir.resolve(bridge + ".mgmt");
    }

    /**
     * Creates the database and starts ovsdb-server and ovs-vswitchd.
     */
    void start() throws IOException {
        Files.createDirectories(dir);
        if (!Files.exists(dir.resolve("conf.db"))) {
            run("ovsdb-tool", "create", dir.resolve("conf.db").toString(), SCHEMA);
        }
        run("ovsdb-server", "--remote=punix:" + dir.resolve("db.sock"), "--unixctl=" + dir.resolve("ovsdb.ctl"),
            "--pidfile=" + dir.resolve("ovsdb.pid"), "--detach", "--log-file=" + dir.resolve("ovsdb.log"),
            dir.resolve("conf.db").toString());
        vsctl("--no-wait", "init");
        startSwitch();
    }

    /**
     * Starts ovs-vswitchd alone (the database keeps bridges and ports; flows are gone, as after a crash).
     */
    void startSwitch() throws IOException {
        run("ovs-vswitchd", "--enable-dummy=system", "--disable-system", "--disable-system-route",
            "unix:" + dir.resolve("db.sock"), "--unixctl=" + dir.resolve("vswitchd.ctl"),
            "--pidfile=" + dir.resolve("vswitchd.pid"), "--detach", "--log-file=" + dir.resolve("vswitchd.log"));
        if (niceness != 0) {
            run("renice", "-n", Integer.toString(niceness), "-p",
                Files.readString(dir.resolve("vswitchd.pid")).trim());
        }
    }

    /**
     * Runs a daemon of a control plane (OVN's databases, ovn-northd, ovn-controller) at the niceness of the lab's
     * controller (lab.controller.nice), as liveflow's JVM runs: a side-by-side run gives both control planes the
     * same share of the cores. It is started under {@code nice}, not reniced after, so every thread it starts
     * inherits the niceness.
     */
    void runControlPlane(final String... command) throws IOException {
        final List<String> niced = new ArrayList<>(List.of("nice", "-n", Integer.toString(OvsLab.CONTROLLER_NICE)));
        niced.addAll(List.of(command));
        run(niced.toArray(String[]::new));
    }

    /**
     * Returns each datapath port's packet counters as ovs-vswitchd counts them at this moment (not the database's
     * statistics, which it refreshes every few seconds): port name to {received, sent}.
     */
    Map<String, long[]> portPackets() throws IOException {
        final Map<String, long[]> out = new HashMap<>();
        String port = null;
        for (String line : appctl("dpctl/show", "-s").split("\n")) {
            final Matcher header = PORT_LINE.matcher(line);
            if (header.find()) {
                port = header.group(1);
                out.put(port, new long[2]);
                continue;
            }
            final Matcher count = PACKETS_LINE.matcher(line);
            if (port != null && count.find()) {
                out.get(port)["RX".equals(count.group(1)) ? 0 : 1] = Long.parseLong(count.group(2));
            }
        }
        return out;
    }

    void stopSwitch() {
        stopByPidFile("vswitchd.pid");
    }

    /**
     * Freezes ovs-vswitchd (SIGSTOP): its TCP sessions stay open but nothing answers, as a hung switch.
     */
    void pauseSwitch() throws IOException {
        signal("STOP", "vswitchd.pid");
    }

    void resumeSwitch() throws IOException {
        signal("CONT", "vswitchd.pid");
    }

    /**
     * Kills ovs-vswitchd at once (SIGKILL): the kernel closes its connections, as when a host dies.
     */
    void killSwitch() throws IOException {
        signal("KILL", "vswitchd.pid");
        final long pid = Long.parseLong(Files.readString(dir.resolve("vswitchd.pid")).trim());
        ProcessHandle.of(pid).ifPresent(process -> {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("ovs-vswitchd " + pid + " survived SIGKILL", e);
            }
        });
        Files.deleteIfExists(dir.resolve("vswitchd.pid"));
    }

    private void signal(final String signal, final String pidFile) throws IOException {
        run("kill", "-" + signal, Files.readString(dir.resolve(pidFile)).trim());
    }

    void stop() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        // an OVN chassis also runs ovn-controller here (OVN bystanders one per bridge: ovn-controller-yK.pid);
        // they go first, as they talk to both
        try (Stream<Path> files = Files.list(dir)) {
            files.map(file -> file.getFileName().toString())
                .filter(name -> name.startsWith("ovn-controller") && name.endsWith(".pid")).toList()
                .forEach(this::stopByPidFile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the pid files in " + dir, e);
        }
        stopByPidFile("vswitchd.pid");
        stopByPidFile("ovsdb.pid");
    }

    String vsctl(final String... args) throws IOException {
        final List<String> command = new ArrayList<>(List.of("ovs-vsctl", "--db=unix:" + dir.resolve("db.sock"),
            "--timeout=20"));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    String appctl(final String... args) throws IOException {
        final List<String> command = new ArrayList<>(List.of("ovs-appctl", "-t", dir.resolve("vswitchd.ctl")
            .toString()));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    String ofctl(final String bridge, final String... args) throws IOException {
        return run(ofctlCommand(List.of(), bridge, args));
    }

    /**
     * As {@link #ofctl}, with ovs-ofctl at this switch's niceness: a reading of the switch as a tool on its own host
     * would make it. On this machine a busy controller at a negative niceness otherwise leaves ovs-ofctl a tenth of
     * a core, and whatever a reading measures from the switch's answer (a flow's age) errs by its slow return.
     */
    String ofctlAsSwitch(final String bridge, final String... args) throws IOException {
        return run(ofctlCommand(niceness == 0 ? List.of() : List.of("nice", "-n", Integer.toString(niceness)),
            bridge, args));
    }

    private String[] ofctlCommand(final List<String> prefix, final String bridge, final String... args) {
        // options (--bundle, --no-stats) first, then the command, the bridge's management socket, the arguments
        final List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("ovs-ofctl", "-O", "OpenFlow13"));
        int first = 0;
        while (args[first].startsWith("--")) {
            command.add(args[first++]);
        }
        command.add(args[first]);
        command.add("unix:" + managementSocket(bridge));
        command.addAll(List.of(args).subList(first + 1, args.length));
        return command.toArray(String[]::new);
    }

    void stopByPidFile(final String pidFile) {
        final Path file = dir.resolve(pidFile);
        try {
            if (!Files.exists(file)) {
                return;
            }
            final long pid = Long.parseLong(Files.readString(file).trim());
            if (ProcessHandle.of(pid).isPresent()) {
                // a test may have frozen it (SIGSTOP); a frozen process would only die of SIGKILL
                new ProcessBuilder("kill", "-CONT", Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            }
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroy();
                try {
                    process.onExit().get(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                } catch (ExecutionException | TimeoutException e) {
                    process.destroyForcibly();
                }
            });
            Files.deleteIfExists(file);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Cannot stop the process of " + file, e);
        }
    }

    String run(final String... command) throws IOException {
        final ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        // every socket, pid and log file of this instance stays in its own directory
        for (String variable : List.of("OVS_RUNDIR", "OVS_DBDIR", "OVS_LOGDIR", "OVS_SYSCONFDIR", "OVN_RUNDIR",
                "OVN_DBDIR", "OVN_LOGDIR", "OVN_SYSCONFDIR")) {
            builder.environment().put(variable, dir.toString());
        }
        final Process process = builder.start();
        final String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("Timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }
}
