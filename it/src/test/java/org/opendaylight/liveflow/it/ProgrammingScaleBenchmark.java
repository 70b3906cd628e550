/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.it.lab.BystanderSwitches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initial programming at scale, not part of the test command (it/scale-benchmark part {@code programming}): 100
 * chassis x 100 VM ports, the compiler benchmark's overlay (networks of 20 ports spread over 20 chassis each), on
 * the scale lab's switches: integration bridges in a few ovs-vswitchd processes, each a real OpenFlow switch with its
 * 100 VM interfaces and a VXLAN tunnel to every other chassis. Times one RESTCONF PUT of the whole overlay until
 * every switch holds every flow liveflow wants there (from the switches' own flow ages), then
 * {@code ovs-ofctl --bundle} installing the same flows and groups, switch after switch, in the same run.
 */
class ProgrammingScaleBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ProgrammingScaleBenchmark.class);
    private static final int CHASSIS = Integer.getInteger("scale.programming.chassis", 100);
    private static final int PORTS_PER_CHASSIS = Integer.getInteger("scale.programming.ports", 100);
    private static final int PORTS_PER_NETWORK = 20;
    /** Bridges per ovs-vswitchd: each holds a few thousand ports and, programmed, a hundred thousand flows. */
    private static final int BRIDGES_PER_PROCESS = 25;
    private static final long FIRST_DATAPATH_ID = 10_001;
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    @Test
    void restconfToFlowsOnEverySwitch() throws Exception {
        System.setProperty("liveflow.it.quiet", "true");
        try (KarafInstance karaf = KarafInstance.start("programming-scale", UnaryOperator.identity(), true);
             BystanderSwitches switches = BystanderSwitches.plan(karaf.home().resolveSibling("programming-scale-ovs"),
                 CHASSIS, BRIDGES_PER_PROCESS, FIRST_DATAPATH_ID)) {
            final Restconf restconf = karaf.restconf();
            final List<BystanderSwitches.Bystander> all = switches.all();
            // registered before they connect: the switch gate admits only registered datapath ids
            final Restconf.Response registered = restconf.sendAny("PATCH", OverlayClient.OVERLAY + "/chassis-registry",
                "application/yang-data+json", "{\"liveflow:chassis-registry\": {\"chassis\": [" + chassisJson(all)
                    + "]}}");
            assertTrue(registered.status() == 200 || registered.status() == 204, registered.body());
            final Instant made = Instant.now();
            switches.startMesh(karaf.labController(), PORTS_PER_CHASSIS);
            final Instant bridgesMade = Instant.now();
            final OverlayClient overlay = new OverlayClient(restconf);
            while (!overlay.allChassisAlive(CHASSIS)) {
                assertTrue(Instant.now().isBefore(bridgesMade.plus(TIMEOUT)), "the switches never all connected");
                Thread.sleep(500);
            }
            final Instant connected = Instant.now();
            // the controller's heap with the switches connected and nothing programmed, for the heap per flow
            final long heapBeforeKib = karaf.heapUsedAfterGcKib();
            int before = 0;
            for (BystanderSwitches.Bystander each : all) {
                before += switches.flows(each).size();
            }

            final Instant start = Instant.now();
            final int written = restconf.put("/rests/data/liveflow:overlay", overlayJson(all)).status();
            assertTrue(written == 201 || written == 204, "overlay write answered " + written);
            final Instant writeDone = Instant.now();
            final Map<String, Integer> expected = new HashMap<>();
            for (BystanderSwitches.Bystander each : all) {
                expected.put(each.name(), LabBenchmark.expectedFlowCount(karaf, each.name()));
            }
            Instant lastInstalled = Instant.EPOCH;
            int held = 0;
            for (BystanderSwitches.Bystander each : all) {
                List<String> flows = switches.flows(each);
                while (flows.size() < expected.get(each.name())) {
                    assertTrue(Instant.now().isBefore(start.plus(TIMEOUT)), each.name() + " incomplete: "
                        + flows.size() + " of " + expected.get(each.name()) + " flows");
                    Thread.sleep(200);
                    flows = switches.flows(each);
                }
                final Instant read = Instant.now();
                final Instant installed = read.minusMillis(Math.round(BystanderSwitches.youngest(flows, "") * 1000));
                lastInstalled = installed.isAfter(lastInstalled) ? installed : lastInstalled;
                held += flows.size();
            }
            final Duration seen = Duration.between(start, Instant.now());
            final Duration switchSide = Duration.between(start, lastInstalled);
            final Duration ovs = LabBenchmark.reinstallWithOfctlBundle(
                all.stream().map(BystanderSwitches.Bystander::name).toList(),
                karaf.home().resolveSibling("programming-scale-dumps"),
                (index, args) -> switches.ofctl(all.get(index), args));
            // by now (ovs-ofctl took tens of seconds) the controller has written its record of every switch
            final long heapAfterKib = karaf.heapUsedAfterGcKib();
            Files.writeString(Path.of("target", "programming-scale-heap-histogram.txt"), karaf.heapHistogram());
            final double liveflowSeconds = switchSide.toMillis() / 1000.0;
            final double ovsSeconds = ovs.toMillis() / 1000.0;
            LOG.info(String.format("programming at scale: %d chassis x %d VM ports (%d switches in %d ovs-vswitchd, "
                    + "each with %d tunnels), made in %.1f s, connected %.1f s later; %d flows held before the write "
                    + "(the pipeline), %d after. RESTCONF write %.2f s; RESTCONF to the last flow installed on any "
                    + "switch (the switches' own flow ages) %.2f s = %.0f flows/s; to the test seeing every flow "
                    + "%.2f s; ovs-ofctl --bundle installing the same flows and groups, switch after switch, %.2f s "
                    + "= %.0f flows/s; liveflow / ovs-ofctl = %.1f. Controller heap after a full collection: %d MiB "
                    + "before the write, %d MiB with every switch programmed = %.2f KiB per flow (class histogram in "
                    + "target/programming-scale-heap-histogram.txt)",
                CHASSIS, PORTS_PER_CHASSIS, CHASSIS, (CHASSIS + BRIDGES_PER_PROCESS - 1) / BRIDGES_PER_PROCESS,
                CHASSIS - 1, Duration.between(made, bridgesMade).toMillis() / 1000.0,
                Duration.between(bridgesMade, connected).toMillis() / 1000.0, before, held,
                Duration.between(start, writeDone).toMillis() / 1000.0, liveflowSeconds, held / liveflowSeconds,
                seen.toMillis() / 1000.0, ovsSeconds, held / ovsSeconds, liveflowSeconds / ovsSeconds,
                heapBeforeKib / 1024, heapAfterKib / 1024, (heapAfterKib - heapBeforeKib) / (double) (held - before)));
        }
    }

    private static String chassisJson(final List<BystanderSwitches.Bystander> all) {
        final StringJoiner out = new StringJoiner(",");
        for (BystanderSwitches.Bystander each : all) {
            out.add("{\"name\":\"" + each.name() + "\",\"tunnel-ip\":\"" + each.tunnelIp() + "\",\"datapath-id\":"
                + each.datapathId() + ",\"tunnel-port-prefix\":\"" + each.tunnelPortPrefix() + "\"}");
        }
        return out.toString();
    }

    /**
     * The whole overlay in one document, as the compiler benchmark builds it: one tenant; port p on chassis
     * p mod 100 at VM interface p / 100 + 1, in network p / 20, so each network's 20 ports are on 20 chassis.
     */
    private static String overlayJson(final List<BystanderSwitches.Bystander> all) {
        final StringJoiner networks = new StringJoiner(",");
        final StringJoiner subnets = new StringJoiner(",");
        final StringJoiner ports = new StringJoiner(",");
        final int total = CHASSIS * PORTS_PER_CHASSIS;
        for (int n = 0; n < total / PORTS_PER_NETWORK; n++) {
            networks.add("{\"id\":\"net" + n + "\",\"tenant\":\"t\",\"segmentation-id\":" + (1000 + n) + "}");
            subnets.add("{\"id\":\"s" + n + "\",\"tenant\":\"t\",\"network\":\"net" + n + "\",\"cidr\":\"10."
                + (n >> 8 & 0xff) + "." + (n & 0xff) + ".0/24\"}");
        }
        for (int p = 0; p < total; p++) {
            final BystanderSwitches.Bystander chassis = all.get(p % CHASSIS);
            final int n = p / PORTS_PER_NETWORK;
            ports.add("{\"id\":\"p" + p + "\",\"tenant\":\"t\",\"network\":\"net" + n + "\","
                + String.format("\"mac-address\":\"fa:16:3e:%02x:%02x:%02x\"", p >> 16 & 0xff, p >> 8 & 0xff,
                    p & 0xff)
                + ",\"fixed-ip\":[{\"ip-address\":\"10." + (n >> 8 & 0xff) + "." + (n & 0xff) + "."
                + (p % PORTS_PER_NETWORK + 10) + "\",\"subnet\":\"s" + n + "\"}],\"binding-chassis\":\""
                + chassis.name() + "\",\"interface-name\":\"" + chassis.vmInterface(p / CHASSIS + 1) + "\"}");
        }
        return "{\"liveflow:overlay\":{\"tenants\":{\"tenant\":[{\"id\":\"t\"}]},"
            + "\"chassis-registry\":{\"chassis\":[" + chassisJson(all) + "]},"
            + "\"networks\":{\"network\":[" + networks + "]},"
            + "\"subnets\":{\"subnet\":[" + subnets + "]},"
            + "\"ports\":{\"port\":[" + ports + "]}}}";
    }
}
