/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lab benchmark, not part of the test command (run: ./mvnw -f it/pom.xml verify -Dit.test=LabBenchmark): time
 * from the RESTCONF writes of 20 chassis x 50 VM ports until every switch holds all its flows, next to the time
 * Open vSwitch itself takes to install the same flows and groups with {@code ovs-ofctl --bundle}.
 */
class LabBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(LabBenchmark.class);
    private static final int CHASSIS = Integer.getInteger("liveflow.bench.chassis", 20);
    private static final int PORTS_PER_CHASSIS = Integer.getInteger("liveflow.bench.ports", 50);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Duration CPU_WINDOW = Duration.ofSeconds(20);
    private static final Pattern DESIRED = Pattern.compile("\\): (\\d+) desired");

    @Test
    void restconfToFlowsOnEverySwitch() throws Exception {
        System.setProperty("liveflow.it.quiet", "true");
        final List<String> names = new ArrayList<>();
        for (int c = 1; c <= CHASSIS; c++) {
            names.add("c" + c);
        }
        try (KarafInstance karaf = KarafInstance.start("lab-benchmark", UnaryOperator.identity(), true);
             OvsLab lab = OvsLab.start(karaf.home().resolveSibling("lab-benchmark-ovs"), karaf.labController(),
                 names.toArray(String[]::new))) {
            final Restconf restconf = karaf.restconf();
            for (OvsChassis node : lab.allChassis()) {
                for (int p = 1; p <= PORTS_PER_CHASSIS; p++) {
                    node.addVmPort(portId(node.datapathId(), p), p);
                }
            }
            final Instant start = Instant.now();
            // the chassis registered themselves when they joined: the overlay is replaced, not created
            final int written = restconf.put("/rests/data/liveflow:overlay", overlayJson(lab)).status();
            assertTrue(written == 201 || written == 204, "overlay write answered " + written);
            final Instant writeDone = Instant.now();
            final Map<String, Integer> expected = expectedFlowCounts(karaf, lab);
            final Instant deadline = start.plus(TIMEOUT);
            for (OvsChassis node : lab.allChassis()) {
                while (node.flows().size() < expected.get(node.name())) {
                    assertTrue(Instant.now().isBefore(deadline), node.name() + " incomplete");
                    Thread.sleep(100);
                }
            }
            final Duration liveflow = Duration.between(start, Instant.now());
            final Duration switchSide = Duration.between(start, lastFlowInstalled(lab));
            final int totalFlows = expected.values().stream().mapToInt(Integer::intValue).sum();

            final long falseDeaths = falseDeathsSince(restconf, lab, start);
            final String resync = oneSwitchResyncedAlone(restconf, lab.allChassis().get(0),
                expected.get(lab.allChassis().get(0).name()));
            final String probeCost = probeCost(karaf, restconf, lab);
            final Duration ovs = reinstallWithOfctlBundle(lab);
            LOG.info(String.format("%d chassis x %d ports, %d flows: RESTCONF write %.2f s, RESTCONF to the last flow "
                    + "installed on any switch (the switches' own flow durations) %.2f s, to the test seeing every "
                    + "flow %.2f s; ovs-ofctl --bundle installing the same flows and groups, switch after switch: "
                    + "%.2f s", CHASSIS, PORTS_PER_CHASSIS, totalFlows,
                Duration.between(start, writeDone).toMillis() / 1000.0, switchSide.toMillis() / 1000.0,
                liveflow.toMillis() / 1000.0, ovs.toMillis() / 1000.0));
            LOG.info("liveness while programming {} chassis at once: {} chassis declared dead (none may be); {}; {}",
                CHASSIS, falseDeaths, resync, probeCost);
            assertEquals(0, falseDeaths, "a chassis was declared dead while it was being programmed");
        }
    }

    /**
     * Returns when the youngest flow on any switch was installed, from each switch's own flow durations (the time
     * the test takes to poll 20 switches and ask liveflow what it expects is not liveflow's).
     */
    private static Instant lastFlowInstalled(final OvsLab lab) throws IOException {
        Instant last = Instant.EPOCH;
        for (OvsChassis node : lab.allChassis()) {
            final Instant dumped = Instant.now();
            final double youngest = node.flowDurations().values().stream().mapToDouble(Double::doubleValue).min()
                .orElseThrow();
            final Instant installed = dumped.minusMillis(Math.round(youngest * 1000));
            if (installed.isAfter(last)) {
                last = installed;
            }
        }
        return last;
    }

    /**
     * Counts the chassis whose liveness changed since {@code since} or that are not alive now: while every
     * switch is busy installing its flows, none may be taken for dead.
     */
    private static long falseDeathsSince(final Restconf restconf, final OvsLab lab, final Instant since)
            throws IOException {
        final Restconf.Response status = restconf.get("/rests/data/liveflow:chassis-status?content=nonconfig");
        assertEquals(200, status.status(), status.body());
        long dead = 0;
        int seen = 0;
        for (var entry : status.json().path("liveflow:chassis-status").path("chassis")) {
            seen++;
            if (!entry.path("alive").asBoolean()
                    || OffsetDateTime.parse(entry.path("changed-at").asText()).toInstant().isAfter(since)) {
                LOG.warn("chassis liveness changed while programming: {}", entry);
                dead++;
            }
        }
        assertEquals(lab.allChassis().size(), seen, status.body());
        return dead;
    }

    /**
     * The burst of a single switch: restarts one chassis' Open vSwitch, which comes back without flows, and lets
     * liveflow re-send them all while every other switch is idle. Its echo requests wait behind those flow-mods;
     * the chassis may be reported disconnected and then alive, and nothing else: no not-answering on the way, no
     * change of another chassis. Its last-seen after the re-send proves it was probed and answered meanwhile.
     */
    private static String oneSwitchResyncedAlone(final Restconf restconf, final OvsChassis node, final int flows)
            throws Exception {
        final BlockingQueue<String> changes = new LinkedBlockingQueue<>();
        final Stream<String> events = restconf.notifications("liveflow", "chassis-status-changed");
        final Thread reader = new Thread(() -> {
            try {
                events.filter(line -> line.startsWith("data:")).forEach(changes::add);
            } catch (UncheckedIOException e) {
                // the stream is closed when the check ends: nothing more to read
            }
        }, "chassis-status-changed-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            node.stopSwitch();
            node.startSwitch();
            final Instant restarted = Instant.now();
            final Instant deadline = restarted.plus(TIMEOUT);
            while (node.flows().size() < flows) {
                assertTrue(Instant.now().isBefore(deadline), node.name() + " not re-sent its flows");
                Thread.sleep(100);
            }
            final Duration resent = Duration.between(restarted, Instant.now());
            // after the re-send, the chassis answers again: wait for the probe that says so
            final OverlayClient overlay = new OverlayClient(restconf);
            JsonNode status = overlay.chassisStatus(node.name());
            while (!status.path("alive").asBoolean() || !status.has("last-seen")
                    || !OffsetDateTime.parse(status.path("last-seen").asText()).toInstant().isAfter(restarted)) {
                assertTrue(Instant.now().isBefore(deadline), "no probe answered after the re-send: " + status);
                Thread.sleep(100);
                status = overlay.chassisStatus(node.name());
            }
            final List<String> seen = new ArrayList<>();
            changes.drainTo(seen);
            final List<String> reasons = new ArrayList<>();
            for (String change : seen) {
                assertTrue(change.contains("\"name\":\"" + node.name() + "\""), "another chassis changed: " + change);
                reasons.add(change.replaceAll(".*\"reason\":\"([a-z-]+)\".*", "$1"));
            }
            assertTrue(List.of("disconnected", "alive").equals(reasons) || List.of("alive").equals(reasons)
                || reasons.isEmpty(), "liveness of " + node.name() + " while it was re-sent its flows: " + reasons);
            return String.format("%s restarted and re-sent its %d flows alone in %.1f s, liveness changes %s",
                node.name(), flows, resent.toMillis() / 1000.0, reasons);
        } finally {
            events.close();
        }
    }

    /**
     * Measures the controller's CPU over two quiet minutes, in windows that alternate between the default probes
     * (every second) and probes every 60 s, and says what the probes cost: the median window of each (the
     * controller's other periodic work, such as the OpenFlowPlugin's statistics, lands in either).
     */
    private static String probeCost(final KarafInstance karaf, final Restconf restconf, final OvsLab lab)
            throws Exception {
        final List<Double> defaultProbes = new ArrayList<>();
        final List<Double> rareProbes = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            defaultProbes.add(cpuPercent(karaf, CPU_WINDOW));
            assertEquals(201, restconf.put("/rests/data/liveflow:overlay/liveness-settings",
                "{\"liveflow:liveness-settings\": {\"probe-interval\": 60000, \"dead-after\": 120000}}").status());
            rareProbes.add(cpuPercent(karaf, CPU_WINDOW));
            assertEquals(204, restconf.delete("/rests/data/liveflow:overlay/liveness-settings").status());
        }
        return String.format("controller CPU with %d switches connected and idle (median of 3 windows of %d s): "
            + "%.1f %% of one core with a probe per switch every second %s, %.1f %% with one every 60 s %s",
            lab.allChassis().size(), CPU_WINDOW.toSeconds(), median(defaultProbes), oneDecimal(defaultProbes),
            median(rareProbes), oneDecimal(rareProbes));
    }

    private static List<String> oneDecimal(final List<Double> values) {
        return values.stream().map(value -> String.format("%.1f", value)).toList();
    }

    private static double median(final List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double cpuPercent(final KarafInstance karaf, final Duration window) throws InterruptedException {
        final ProcessHandle jvm = karaf.javaProcess().orElseThrow();
        final Duration before = jvm.info().totalCpuDuration().orElseThrow();
        Thread.sleep(window.toMillis());
        final Duration after = jvm.info().totalCpuDuration().orElseThrow();
        return 100.0 * after.minus(before).toNanos() / window.toNanos();
    }

    /**
     * Asks liveflow (over the shell) how many flows it wants on each chassis.
     */
    static Map<String, Integer> expectedFlowCounts(final KarafInstance karaf, final OvsLab lab)
            throws IOException {
        final Map<String, Integer> out = new HashMap<>();
        for (OvsChassis node : lab.allChassis()) {
            out.put(node.name(), expectedFlowCount(karaf, node.name()));
        }
        return out;
    }

    /**
     * Asks liveflow (over the shell) how many flows it wants on one chassis.
     */
    static int expectedFlowCount(final KarafInstance karaf, final String chassis) throws IOException {
        final String diff = karaf.shell().execute("liveflow:flow-diff --summary " + chassis);
        final Matcher counts = DESIRED.matcher(diff);
        assertTrue(counts.find(), () -> "flow-diff of " + chassis + " answered: " + diff);
        return Integer.parseInt(counts.group(1));
    }

    /** ovs-ofctl on the switch {@code index} of a list: options first, then the command and its arguments. */
    @FunctionalInterface
    interface Ofctl {
        String run(int index, String... args) throws IOException;
    }

    private static Duration reinstallWithOfctlBundle(final OvsLab lab) throws IOException {
        final List<OvsChassis> nodes = lab.allChassis();
        return reinstallWithOfctlBundle(nodes.stream().map(OvsChassis::name).toList(),
            nodes.get(0).dir().resolveSibling("ofctl-bundle"),
            (index, args) -> nodes.get(index).ofctl(args));
    }

    /**
     * Saves every switch's flows and groups into {@code dir}, deletes them, and times ovs-ofctl --bundle putting
     * them back, switch after switch.
     */
    static Duration reinstallWithOfctlBundle(final List<String> names, final Path dir, final Ofctl ofctl)
            throws IOException {
        Files.createDirectories(dir);
        final List<Path> flowFiles = new ArrayList<>();
        final List<Path> groupFiles = new ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            final Path flows = dir.resolve(names.get(index) + "-flows.txt");
            final Path groups = dir.resolve(names.get(index) + "-groups.txt");
            Files.writeString(flows, String.join("\n", ofctl.run(index, "--no-stats", "dump-flows").lines()
                .filter(line -> line.contains("table=")).toList()) + "\n");
            Files.writeString(groups, String.join("\n", ofctl.run(index, "dump-groups").lines()
                .filter(line -> line.contains("group_id=")).map(String::strip).toList()) + "\n");
            ofctl.run(index, "del-flows");
            ofctl.run(index, "del-groups");
            flowFiles.add(flows);
            groupFiles.add(groups);
        }
        final Instant start = Instant.now();
        for (int index = 0; index < names.size(); index++) {
            ofctl.run(index, "--bundle", "add-groups", groupFiles.get(index).toString());
            ofctl.run(index, "--bundle", "add-flows", flowFiles.get(index).toString());
        }
        return Duration.between(start, Instant.now());
    }

    private static String portId(final long chassis, final int port) {
        return "vm" + chassis + "-" + port;
    }

    /**
     * The whole overlay in one document: one tenant; 50 networks, each with one port on every chassis.
     */
    private static String overlayJson(final OvsLab lab) {
        final StringBuilder chassis = new StringBuilder();
        final StringBuilder networks = new StringBuilder();
        final StringBuilder subnets = new StringBuilder();
        final StringBuilder ports = new StringBuilder();
        for (OvsChassis node : lab.allChassis()) {
            chassis.append(chassis.isEmpty() ? "" : ",").append("{\"name\":\"").append(node.name())
                .append("\",\"tunnel-ip\":\"").append(node.underlayIp()).append("\",\"datapath-id\":")
                .append(node.datapathId()).append('}');
        }
        for (int n = 1; n <= PORTS_PER_CHASSIS; n++) {
            networks.append(networks.isEmpty() ? "" : ",").append("{\"id\":\"net").append(n)
                .append("\",\"tenant\":\"t\",\"segmentation-id\":").append(1000 + n).append('}');
            subnets.append(subnets.isEmpty() ? "" : ",").append("{\"id\":\"s").append(n)
                .append("\",\"tenant\":\"t\",\"network\":\"net").append(n).append("\",\"cidr\":\"10.")
                .append(n).append(".0.0/16\"}");
            for (OvsChassis node : lab.allChassis()) {
                final long c = node.datapathId();
                ports.append(ports.isEmpty() ? "" : ",").append("{\"id\":\"").append(portId(c, n))
                    .append("\",\"tenant\":\"t\",\"network\":\"net").append(n)
                    .append(String.format("\",\"mac-address\":\"fa:16:3e:%02x:%02x:01\"", c, n))
                    .append(",\"fixed-ip\":[{\"ip-address\":\"10.").append(n).append(".0.").append(c + 10)
                    .append("\",\"subnet\":\"s").append(n).append("\"}],\"binding-chassis\":\"")
                    .append(node.name()).append("\"}");
            }
        }
        return "{\"liveflow:overlay\":{\"tenants\":{\"tenant\":[{\"id\":\"t\"}]},"
            + "\"chassis-registry\":{\"chassis\":[" + chassis + "]},"
            + "\"networks\":{\"network\":[" + networks + "]},"
            + "\"subnets\":{\"subnet\":[" + subnets + "]},"
            + "\"ports\":{\"port\":[" + ports + "]}}}";
    }
}
