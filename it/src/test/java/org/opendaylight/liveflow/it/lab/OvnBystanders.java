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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OVN chassis that only watch a migration, many to one Open vSwitch: one integration bridge each in a few
 * ovs-vswitchd processes, and one ovn-controller each, started with its own chassis name ({@code -n yK}) and
 * configured by OVN's chassis-specific keys ({@code external_ids:ovn-bridge-yK} and the like), as OVN allows
 * several controllers to share one ovs-vswitchd. Each is a full OVN chassis: it registers in the southbound
 * database, binds its own VM port, computes its own flows and installs them on its own bridge.
 *
 * <p>As liveflow's bystanders ({@link BystanderSwitches}) have tunnels to the migration's source and destination
 * only, each bystander here is alone in a transport zone of its own ({@code zK}) that only the source and
 * destination also join: OVN then forms tunnels between a bystander and those two, and none between bystanders.
 * Each bystander's own tunnel address ({@code ovn-set-local-ip}) tells apart the bridges' tunnels in the shared
 * tunnel table of one process.
 *
 * <p>When a bystander switched is read on its switch: an {@code ovs-ofctl monitor} per bridge reports, with the
 * time it received each report, every change to the flows that send the VM's port to other chassis.
 */
public final class OvnBystanders implements AutoCloseable {
    /** VM interfaces created in one ovs-vsctl transaction (25 bridges of the migration benchmark's one each). */
    private static final int PORTS_PER_TRANSACTION = 25;
    private static final long MONITOR_PATIENCE_SECONDS = 30;
    /** The monitor's time stamp (ovs-ofctl --timestamp prints UTC), before each message it received. */
    private static final Pattern STAMP = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}): ");
    private static final DateTimeFormatter STAMP_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final Pattern OUTPUT = Pattern.compile("output:(\\d+)");
    private static final Pattern OFPORT_AND_OPTIONS = Pattern.compile(
        "(\\d+)\\s*\\n[^\\n]*local_ip=\"?([0-9.]+)\"?[^\\n]*remote_ip=\"?([0-9.]+)\"?");

    /**
     * One bystander chassis: its name (also its bridge's and its transport zone's suffix), its tunnel endpoint
     * address, and the process its bridge lives in.
     */
    public record Bystander(String name, String tunnelIp, OvsProcess ovs) {
        public String bridge() {
            return name;
        }

        /** The logical switch port of this bystander's VM. */
        public String vmPort() {
            return "b" + name.substring(1);
        }

        public String transportZone() {
            return "z" + name.substring(1);
        }
    }

    private final Path dir;
    private final List<OvsProcess> processes = new ArrayList<>();
    private final List<Bystander> bystanders = new ArrayList<>();
    private final Map<Bystander, Process> monitors = new HashMap<>();
    private final Thread reaper = new Thread(this::stopAll, "ovn-bystander-reaper");

    private OvnBystanders(final Path dir) {
        this.dir = dir;
    }

    /**
     * Returns bystanders {@code y1..y<count>}, {@code perProcess} bridges to an ovs-vswitchd, not started yet.
     */
    public static OvnBystanders plan(final Path dir, final int count, final int perProcess) throws IOException {
        final OvnBystanders out = new OvnBystanders(dir);
        OvsLab.deleteTree(dir);
        Runtime.getRuntime().addShutdownHook(out.reaper);
        for (int k = 1; k <= count; k++) {
            if ((k - 1) % perProcess == 0) {
                out.processes.add(new OvsProcess(dir.resolve("bystanders-" + out.processes.size())));
            }
            out.bystanders.add(new Bystander("y" + k, String.format("172.30.%d.%d", k / 250, 1 + k % 250),
                out.processes.get(out.processes.size() - 1)));
        }
        return out;
    }

    public List<Bystander> all() {
        return List.copyOf(bystanders);
    }

    /**
     * Returns the transport zones the migration's source and destination must join to reach every bystander.
     */
    public String zones() {
        return String.join(",", bystanders.stream().map(Bystander::transportZone).toList());
    }

    /**
     * Starts the processes, creates every bystander's bridge with one VM interface (iface-id its
     * {@link Bystander#vmPort()}) in its own transport zone, and starts its ovn-controller against the southbound
     * database at {@code southbound} (a unix socket): the migration benchmark's bystanders.
     */
    public void start(final Path southbound) throws IOException {
        start(southbound, 1, (bystander, vm) -> bystander.vmPort(), true);
    }

    /**
     * Starts the processes, creates every bystander's bridge with {@code vmPorts} VM interfaces (named after the
     * bridge, "-vm" and their number i, at OpenFlow port i, iface-id {@code ifaceId(bystander, i)}), and starts its
     * ovn-controller against the southbound database at {@code southbound} (a unix socket). With {@code ownZones}
     * each bystander is in a transport zone of its own (tunnels only to the chassis that join it), otherwise all
     * are in OVN's default zone: a tunnel from every chassis to every other.
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    public void start(final Path southbound, final int vmPorts, final BiFunction<Bystander, Integer, String> ifaceId,
            final boolean ownZones) throws IOException {
        try {
            for (OvsProcess process : processes) {
                process.start();
                process.vsctl("set", "open_vswitch", ".", "external_ids:ovn-remote=unix:" + southbound,
                    "external_ids:ovn-encap-type=geneve");
            }
            final int perTransaction = Math.max(1, PORTS_PER_TRANSACTION / vmPorts);
            for (int from = 0; from < bystanders.size(); from += perTransaction) {
                createBridges(bystanders.subList(from, Math.min(bystanders.size(), from + perTransaction)), vmPorts,
                    ifaceId, ownZones);
            }
            for (Bystander bystander : bystanders) {
                final Path process = bystander.ovs().dir();
                bystander.ovs().runControlPlane("ovn-controller", "-n", bystander.name(),
                    "unix:" + process.resolve("db.sock"),
                    "--pidfile=" + process.resolve("ovn-controller-" + bystander.name() + ".pid"), "--detach",
                    "--log-file=" + process.resolve("ovn-controller-" + bystander.name() + ".log"));
                awaitControllerIndex(bystander);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Waits until a bystander's ovn-controller has stored the index that tells its tunnel ports from those of the
     * other controllers of its ovs-vswitchd (other_config key ovn-chassis-idx- and its name). Each controller takes
     * the first index it finds free and writes it, so controllers started at once can take the same one: at 100
     * chassis a third of them did, and each of those kept failing to create tunnels whose names another had
     * already taken. Started one after the other, each sees the indices taken before it.
     */
    private static void awaitControllerIndex(final Bystander bystander) throws IOException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MONITOR_PATIENCE_SECONDS);
        while (bystander.ovs().vsctl("--if-exists", "get", "open_vswitch", ".",
                "other_config:ovn-chassis-idx-" + bystander.name()).isBlank()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("ovn-controller " + bystander.name() + " stored no chassis index within "
                    + MONITOR_PATIENCE_SECONDS + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the bystanders' ovn-controllers", e);
            }
        }
    }

    private static void createBridges(final List<Bystander> batch, final int vmPorts,
            final BiFunction<Bystander, Integer, String> ifaceId, final boolean ownZones) throws IOException {
        final Map<OvsProcess, List<String>> commands = new HashMap<>();
        for (Bystander bystander : batch) {
            final String bridge = bystander.bridge();
            final String chassis = bystander.name();
            final List<String> own = commands.computeIfAbsent(bystander.ovs(), process -> new ArrayList<>());
            // OpenFlow 1.0 for ovs-ofctl's flow monitor, 1.5 for ovn-controller
            own.addAll(List.of("--", "add-br", bridge, "--", "set", "bridge", bridge,
                "protocols=OpenFlow10,OpenFlow13,OpenFlow15", "fail_mode=secure", "other_config:disable-in-band=true"));
            for (int vm = 1; vm <= vmPorts; vm++) {
                final String iface = bridge + "-vm" + vm;
                own.addAll(List.of("--", "add-port", bridge, iface, "--", "set", "interface", iface, "type=dummy",
                    "ofport_request=" + vm, "external_ids:iface-id=" + ifaceId.apply(bystander, vm)));
            }
            own.addAll(List.of("--", "set", "open_vswitch", ".", "external_ids:ovn-bridge-" + chassis + "=" + bridge,
                "external_ids:ovn-encap-ip-" + chassis + "=" + bystander.tunnelIp(),
                "external_ids:ovn-set-local-ip-" + chassis + "=true"));
            if (ownZones) {
                own.add("external_ids:ovn-transport-zones-" + chassis + "=" + bystander.transportZone());
            }
        }
        for (Map.Entry<OvsProcess, List<String>> each : commands.entrySet()) {
            each.getKey().vsctl(each.getValue().subList(1, each.getValue().size()).toArray(String[]::new));
        }
    }

    /**
     * Returns how many tunnel ports (Geneve interfaces) the ovn-controllers have created, in every process.
     */
    public long tunnels() throws IOException {
        long out = 0;
        for (OvsProcess process : processes) {
            out += process.vsctl("--bare", "--columns=name", "find", "interface", "type=geneve").lines()
                .filter(line -> !line.isBlank()).count();
        }
        return out;
    }

    /**
     * Returns the flows of a bystander's bridge as ovs-ofctl prints them (port numbers, no header).
     */
    public List<String> flows(final Bystander bystander) throws IOException {
        return bystander.ovs().ofctl(bystander.bridge(), "--no-names", "dump-flows").lines()
            .filter(line -> line.contains("table=")).map(String::strip).toList();
    }

    /**
     * Starts watching, on every bystander's bridge, the flows that match {@code match} (as ovs-ofctl writes a
     * match: the logical port and datapath of the VM), each report stamped with the time it arrived; returns once
     * every switch has answered its monitor's request, so no change after this call goes unseen.
     */
    public void watch(final String match) throws IOException {
        for (Bystander bystander : bystanders) {
            final Path log = monitorLog(bystander);
            final ProcessBuilder builder = new ProcessBuilder("ovs-ofctl", "--timestamp", "monitor",
                "unix:" + bystander.ovs().managementSocket(bystander.bridge()), "watch:!initial," + match)
                .redirectErrorStream(true).redirectOutput(log.toFile());
            // its control socket goes beside the switch's, not to the system's run directory
            builder.environment().put("OVS_RUNDIR", bystander.ovs().dir().toString());
            monitors.put(bystander, builder.start());
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MONITOR_PATIENCE_SECONDS);
        for (Bystander bystander : bystanders) {
            // the switch's answer to the monitor request is the first thing ovs-ofctl prints
            while (!Files.readString(monitorLog(bystander)).contains("FLOW_MONITOR reply")) {
                if (!monitors.get(bystander).isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the flow monitor of " + bystander.name() + " never started: "
                        + Files.readString(monitorLog(bystander)).strip());
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting the flow monitors", e);
                }
            }
        }
    }

    /**
     * Stops the monitors {@link #watch(String)} started; fails when one had stopped before, as its report would
     * then miss what happened after.
     */
    public void stopWatching() throws IOException {
        final List<String> stoppedEarly = new ArrayList<>();
        for (Map.Entry<Bystander, Process> each : monitors.entrySet()) {
            if (!each.getValue().isAlive()) {
                stoppedEarly.add(each.getKey().name() + ": " + Files.readString(monitorLog(each.getKey())).strip());
            }
        }
        stopMonitors();
        if (!stoppedEarly.isEmpty()) {
            throw new IOException("flow monitors stopped while watching: " + stoppedEarly);
        }
    }

    private void stopMonitors() {
        monitors.values().forEach(OvsLab::stopWatcher);
        monitors.clear();
    }

    private Path monitorLog(final Bystander bystander) {
        return bystander.ovs().dir().resolve("monitor-" + bystander.name() + ".txt");
    }

    /**
     * Returns when (µs since the epoch, by the monitor's clock) the watched flows of a bystander first sent to the
     * tunnel towards {@code toIp} and no longer to the one towards {@code awayFromIp}, or empty when they never
     * did while watched.
     */
    public OptionalLong switchedAt(final Bystander bystander, final String awayFromIp, final String toIp)
            throws IOException {
        final Map<String, Long> ofports = tunnelOfports(bystander);
        final Long away = ofports.get(awayFromIp);
        final Long to = ofports.get(toIp);
        if (away == null || to == null) {
            throw new IOException(bystander.name() + " has no tunnel to " + (away == null ? awayFromIp : toIp));
        }
        return switchedAt(Files.readAllLines(monitorLog(bystander), StandardCharsets.UTF_8), away, to);
    }

    /**
     * Returns the first report in a monitor's output of a flow added or modified to output to port {@code to} and
     * not to port {@code away}, as µs since the epoch.
     */
    static OptionalLong switchedAt(final List<String> monitorOutput, final long away, final long to) {
        long stamp = -1;
        for (String line : monitorOutput) {
            final Matcher stamped = STAMP.matcher(line);
            if (stamped.find()) {
                stamp = LocalDateTime.parse(stamped.group(1), STAMP_FORMAT).toInstant(ZoneOffset.UTC).toEpochMilli()
                    * 1000;
                continue;
            }
            final String event = line.strip();
            if (stamp < 0 || !(event.startsWith("event=ADDED") || event.startsWith("event=MODIFIED"))
                    || !event.contains(" actions=")) {
                continue;
            }
            final Set<Long> outputs = new HashSet<>();
            final Matcher output = OUTPUT.matcher(event.substring(event.indexOf(" actions=")));
            while (output.find()) {
                outputs.add(Long.parseLong(output.group(1)));
            }
            if (outputs.contains(to) && !outputs.contains(away)) {
                return OptionalLong.of(stamp);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Returns the OpenFlow port of each of a bystander's tunnels, by the remote's address.
     */
    private static Map<String, Long> tunnelOfports(final Bystander bystander) throws IOException {
        final Map<String, Long> out = new HashMap<>();
        final Matcher each = OFPORT_AND_OPTIONS.matcher(bystander.ovs().vsctl("--bare", "--columns=ofport,options",
            "find", "interface", "type=geneve", "options:local_ip=" + bystander.tunnelIp()));
        while (each.find()) {
            out.put(each.group(3), Long.parseLong(each.group(1)));
        }
        return out;
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }

    private synchronized void stopAll() {
        stopMonitors();
        OvsLab.stopInParallel(processes, "OVN bystanders", dir);
    }
}
