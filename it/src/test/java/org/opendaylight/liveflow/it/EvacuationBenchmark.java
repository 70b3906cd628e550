/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.opendaylight.liveflow.it.lab.PcapFile;
import org.opendaylight.liveflow.it.lab.StreamPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host evacuation benchmark, not part of the test command (run: it/scale-benchmark "" evacuation, or ./mvnw -f
 * it/pom.xml verify -Dit.test=EvacuationBenchmark [-Devac.chassis=20 -Devac.vms=50 -Devac.rate=1000]). A host lock
 * (StarlingX) migrates every VM of a chassis at once: VMs vm1..vmV on c1, each receiving a steady stream of
 * numbered probes from a sender on another chassis, all move at once, vmK to c(2 + (K - 1) mod (N - 1)), so every
 * other chassis takes some. Every destination is plugged (the hypervisors prepare), and once every migration is
 * prepared every VM resumes and sends its RARP, one thread per destination chassis; a second later the cloud moves
 * every binding. From the pcaps of each VM's two interfaces: probes sent after its RARP that never reached it on its
 * destination (lost), probes it got twice there, and when its sender's chassis stopped sending to c1 (switched,
 * from that VM's RARP, with the stream's resolution). The controller's CPU time over the evacuation, from /proc, and
 * the engine's own convergence figure per migration.
 */
class EvacuationBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(EvacuationBenchmark.class);
    private static final int CHASSIS = Integer.getInteger("evac.chassis", 20);
    private static final int VMS = Integer.getInteger("evac.vms", 50);
    /** Probes per second into all the VMs together. */
    private static final long RATE = Long.getLong("evac.rate", 1000);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** The goal: every migration switched within a second of its RARP (reported, not asserted). */
    private static final long GOAL_MICROS = 1_000_000;
    /** Each chassis' sender port: above the VM ports (1..VMS), below the tunnel ports (100 + datapath id). */
    private static final int SENDER_OFPORT = 60;

    @Test
    void evacuateOneChassis() throws Exception {
        assertTrue(CHASSIS >= 3 && VMS >= 1 && VMS < SENDER_OFPORT, "evac.chassis >= 3, 1 <= evac.vms < 60");
        final String[] names = IntStream.rangeClosed(1, CHASSIS).mapToObj(i -> "c" + i).toArray(String[]::new);
        final List<StreamPort> streams = new ArrayList<>();
        try (KarafInstance karaf = KarafInstance.start("evacuation-bench", UnaryOperator.identity(), true);
                OvsLab lab = OvsLab.start(karaf.home().resolveSibling("evacuation-bench-ovs"), karaf.labController(),
                    names)) {
            final OverlayClient overlay = new OverlayClient(karaf.restconf());
            configure(overlay, lab);
            OverlayClient.awaitPipelineOnEverySwitch(lab, PATIENCE);
            for (int k = 1; k <= VMS; k++) {
                lab.chassis("c1").addVmPort(vm(k), k);
            }
            final Map<Integer, StreamPort> senderPorts = new HashMap<>();
            for (int j = 2; j <= CHASSIS; j++) {
                final StreamPort port = StreamPort.connect(lab.chassis("c" + j).addStreamVmPort("s" + j,
                    SENDER_OFPORT));
                streams.add(port);
                senderPorts.put(j, port);
            }
            final List<ProbeStream.Sender> senders = new ArrayList<>();
            for (int k = 1; k <= VMS; k++) {
                final int from = senderChassis(k);
                senders.add(new ProbeStream.Sender(k, senderPorts.get(from)::send, ProbeStream.senderMac(from),
                    vmMac(k), ProbeStream.senderIp(from), vmIp(k)));
            }
            run(karaf, overlay, lab, senders);
        } finally {
            for (StreamPort stream : streams) {
                stream.close();
            }
        }
    }

    private static void configure(final OverlayClient overlay, final OvsLab lab) throws Exception {
        overlay.put("/tenants/tenant=te", "tenant", "{\"id\": \"te\"}");
        overlay.put("/networks/network=net-e", "network", "{\"id\": \"net-e\", \"tenant\": \"te\", "
            + "\"segmentation-id\": 920}");
        overlay.put("/subnets/subnet=se", "subnet", "{\"id\": \"se\", \"tenant\": \"te\", \"network\": \"net-e\", "
            + "\"cidr\": \"10.9.0.0/16\", \"gateway-ip\": \"10.9.255.254\"}");
        overlay.restconf().put(OverlayClient.OVERLAY + "/migration-settings",
            "{\"liveflow:migration-settings\": {\"binding-timeout\": 3600}}");
        for (OvsChassis node : lab.allChassis()) {
            overlay.put("/chassis-registry/chassis=" + node.name(), "chassis", "{\"name\": \"" + node.name()
                + "\", \"tunnel-ip\": \"" + node.underlayIp() + "\", \"datapath-id\": " + node.datapathId() + "}");
        }
        for (int k = 1; k <= VMS; k++) {
            overlay.put("/ports/port=" + vm(k), "port", OverlayClient.vm(vm(k), "te", "net-e", "se", vmMac(k),
                vmIp(k), "c1"));
        }
        for (int j = 2; j <= CHASSIS; j++) {
            overlay.put("/ports/port=s" + j, "port", OverlayClient.vm("s" + j, "te", "net-e", "se",
                ProbeStream.senderMac(j), ProbeStream.senderIp(j), "c" + j));
        }
    }

    private static void run(final KarafInstance karaf, final OverlayClient overlay, final OvsLab lab,
            final List<ProbeStream.Sender> senders) throws Exception {
        final long gap = Math.max(5000, VMS * 1_000_000L / RATE);
        final Map<Integer, Long> resumed = new ConcurrentHashMap<>();
        final long cpuBefore;
        final long cpuAfter;
        final long evacuationStart;
        final long allBound;
        final long streamEnd;
        final ProbeStream stream = new ProbeStream(senders);
        try (stream) {
            stream.start(gap);
            awaitSteady(lab.chassis("c1"), stream);
            Thread.sleep(1000);
            cpuBefore = karaf.cpuMillis();
            evacuationStart = ProbeStream.micros(Instant.now());
            // the hypervisors prepare every destination; each port's migration is then prepared
            for (int k = 1; k <= VMS; k++) {
                lab.chassis(destination(k)).addVmPort(vm(k), k);
            }
            for (int k = 1; k <= VMS; k++) {
                overlay.awaitMigration(vm(k), PATIENCE, "state=prepared");
            }
            // prepared on the switches too: every destination traps its VMs' RARPs, every sender delivers to both
            // copies, and the pass that armed the activations is done (a live migration copies memory for seconds
            // after the destination is plugged; the VMs resume after that)
            final Instant deadline = Instant.now().plus(PATIENCE);
            for (OvsChassis node : lab.allChassis()) {
                LabChecks.awaitSwitchSettled(karaf.shell(), node.name(), () -> node.flows().size(), deadline);
            }
            for (int k = 1; k <= VMS; k++) {
                LabChecks.awaitFlow(lab, "c" + senderChassis(k), true, PATIENCE, "dl_dst=" + vmMac(k), "group:");
            }
            final long prepared = ProbeStream.micros(Instant.now());
            Thread.sleep(1000);
            // each destination captures what its VM sends into it, with the switch's times: when its RARP arrived
            for (int k = 1; k <= VMS; k++) {
                Files.deleteIfExists(rarpCapture(k));
                lab.chassis(destination(k)).capturePortReceived(vm(k), rarpCapture(k));
            }
            // every VM resumes at once: one thread per destination chassis sends its VMs' RARPs
            final List<Double> injections = resumeAll(lab, resumed);
            // a VM's RARP counts from when its injection began: the injection's own time counts against liveflow
            LOG.info("evacuation: each RARP injected (ovs-appctl) in p50 {} ms, max {} ms after its VM resumed",
                percentile(injections, 50), injections.get(injections.size() - 1));
            Thread.sleep(1000);
            for (int k = 1; k <= VMS; k++) {
                overlay.put("/ports/port=" + vm(k), "port", OverlayClient.vm(vm(k), "te", "net-e", "se", vmMac(k),
                    vmIp(k), destination(k)));
            }
            for (int k = 1; k <= VMS; k++) {
                overlay.awaitMigration(vm(k), PATIENCE, "state=bound");
            }
            allBound = ProbeStream.micros(Instant.now());
            cpuAfter = karaf.cpuMillis();
            Thread.sleep(2000);
            streamEnd = ProbeStream.micros(Instant.now());
            LOG.info("evacuation: {} VMs prepared {} ms after the first plug, all bound {} ms after it", VMS,
                (prepared - evacuationStart) / 1000, (allBound - evacuationStart) / 1000);
        }
        report(overlay, lab, stream, gap, resumed, cpuAfter - cpuBefore, allBound - evacuationStart, streamEnd);
    }

    /**
     * Sends every VM's RARP from its destination, one thread per destination chassis (each RARP is one
     * ovs-appctl call), and records when each VM resumed.
     */
    private static List<Double> resumeAll(final OvsLab lab, final Map<Integer, Long> resumed) throws Exception {
        final List<Double> injections = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        final List<IOException> failures = new CopyOnWriteArrayList<>();
        for (int j = 2; j <= CHASSIS; j++) {
            final String chassis = "c" + j;
            final List<Integer> vms = IntStream.rangeClosed(1, VMS).filter(k -> destination(k).equals(chassis))
                .boxed().toList();
            final Thread thread = new Thread(() -> {
                for (int k : vms) {
                    final long rarp = ProbeStream.micros(Instant.now());
                    resumed.put(k, rarp);
                    try {
                        lab.chassis(chassis).inject(vm(k), Frames.rarp(vmMac(k)));
                        injections.add((ProbeStream.micros(Instant.now()) - rarp) / 1000.0);
                    } catch (IOException e) {
                        failures.add(e);
                    }
                }
            }, "resume-" + chassis);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        final List<Double> sorted = new ArrayList<>(injections);
        sorted.sort(Double::compare);
        return sorted;
    }

    private static void report(final OverlayClient overlay, final OvsLab lab, final ProbeStream stream,
            final long gap, final Map<Integer, Long> resumed, final long cpuMillis, final long windowMicros,
            final long streamEnd) throws Exception {
        long sentAfter = 0;
        long lost = 0;
        long duplicates = 0;
        // never: the sender still sent to c1 in the stream's last second, two seconds after every binding moved
        int never = 0;
        int overGoal = 0;
        final List<Double> switched = new ArrayList<>();
        // the same, from when the RARP reached the VM's destination switch (its capture), and how long after R
        final List<Double> switchedFromSwitch = new ArrayList<>();
        final List<Double> reachedSwitch = new ArrayList<>();
        final List<Double> convergence = new ArrayList<>();
        final List<String> losers = new ArrayList<>();
        for (int k = 1; k <= VMS; k++) {
            final long rarp = resumed.get(k);
            final int sender = k;
            final Map<ProbeStream.Probe, Integer> atDestination = MigrationBenchmark.count(
                LabChecks.deliveredAfterDrain(stream, lab.chassis(destination(k)), vm(k), rarp));
            final List<ProbeStream.Probe> after = stream.sentSince(rarp).stream()
                .filter(probe -> probe.sender() == sender).toList();
            final long lostHere = after.stream().filter(probe -> !atDestination.containsKey(probe)).count();
            sentAfter += after.size();
            lost += lostHere;
            if (lostHere > 0) {
                losers.add(vm(k) + " " + lostHere);
            }
            duplicates += atDestination.entrySet().stream().filter(entry -> entry.getKey().sender() == sender)
                .mapToLong(entry -> entry.getValue() - 1).sum();
            long lastAtSource = Long.MIN_VALUE;
            for (ProbeStream.Probe probe : ProbeStream.probesIn(lab.chassis("c1").deliveredFramesWithTimes(vm(k)))) {
                if (probe.sender() == sender) {
                    lastAtSource = Math.max(lastAtSource, stream.sentAt(probe));
                }
            }
            if (lastAtSource >= streamEnd - 1_000_000) {
                never++;
            }
            if (lastAtSource - rarp + gap > GOAL_MICROS) {
                overGoal++;
            }
            switched.add(Math.max(0, lastAtSource - rarp + gap) / 1000.0);
            final Optional<PcapFile.Frame> atSwitch = PcapFile.firstRarp(rarpCapture(k));
            if (atSwitch.isPresent()) {
                final long arrived = atSwitch.orElseThrow().micros();
                reachedSwitch.add((arrived - rarp) / 1000.0);
                switchedFromSwitch.add(Math.max(0, lastAtSource - arrived + gap) / 1000.0);
            }
            convergence.add(overlay.migration(vm(k)).path("convergence-micros").asLong() / 1000.0);
        }
        switched.sort(Double::compare);
        switchedFromSwitch.sort(Double::compare);
        reachedSwitch.sort(Double::compare);
        convergence.sort(Double::compare);
        // every RARP must be in its capture, or the figure from the switches would leave VMs out
        assertTrue(reachedSwitch.size() == VMS, "RARPs in the destinations' captures: " + reachedSwitch.size());
        LOG.info("evacuation: the RARPs reached their switches p50 {} ms, max {} ms after R; from there, switched "
            + "p50 {} ms, p99 {} ms, max {} ms", percentile(reachedSwitch, 50), reachedSwitch.get(VMS - 1),
            percentile(switchedFromSwitch, 50), percentile(switchedFromSwitch, 99), switchedFromSwitch.get(VMS - 1));
        final String row = String.format("| %d | %d | %.0f | %.1f | %d | %d | %d | %.1f / %.1f / %.1f "
            + "| %.1f / %.1f / %.1f | %d | %d | %.1f / %.1f | %d | %.0f%% | %s |", CHASSIS, VMS, RATE * 1.0,
            gap / 1000.0, sentAfter, lost, duplicates,
            percentile(switched, 50), percentile(switched, 99), switched.get(switched.size() - 1),
            percentile(switchedFromSwitch, 50), percentile(switchedFromSwitch, 99), switchedFromSwitch.get(VMS - 1),
            overGoal, never,
            percentile(convergence, 50), convergence.get(convergence.size() - 1), cpuMillis,
            100.0 * cpuMillis / (windowMicros / 1000.0), losers.isEmpty() ? "" : "lost: " + losers);
        final String table = "| chassis | VMs | probes/s | gap ms | sent after RARP | lost | dups "
            + "| switched p50 / p99 / max ms | from the RARP at its switch | switched after 1 s | never switched "
            + "| engine convergence p50 / max ms | controller CPU ms | CPU of one core | note |\n" + "|---".repeat(15)
            + "|\n" + row + "\n";
        Files.writeString(Path.of("target/evacuation-benchmark.md"), table);
        LOG.info("Evacuation benchmark (switched: the sender's chassis stopped sending to c1, from that VM's RARP; "
            + "controller CPU over the evacuation, from the first plug until every binding moved):\n{}", table);
        // the figures are the benchmark's result; a VM whose senders never left c1 is a failure
        assertTrue(never == 0, never + " VMs never switched");
    }

    private static double percentile(final List<Double> sorted, final int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    /**
     * Waits until every VM on c1 gets probes sent in the last second: the evacuation starts from a steady stream.
     */
    private static void awaitSteady(final OvsChassis source, final ProbeStream stream) throws Exception {
        final Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            final long since = ProbeStream.micros(Instant.now()) - 1_000_000;
            final Set<Integer> reaching = new HashSet<>();
            for (int k = 1; k <= VMS; k++) {
                ProbeStream.probesIn(source.deliveredFramesWithTimes(vm(k))).stream()
                    .filter(probe -> stream.sentAt(probe) >= since).forEach(probe -> reaching.add(probe.sender()));
            }
            if (reaching.size() == VMS) {
                return;
            }
            assertTrue(Instant.now().isBefore(deadline), "no steady stream: " + reaching.size() + " of " + VMS
                + " VMs get probes on c1");
            Thread.sleep(500);
        }
    }

    private static Path rarpCapture(final int vm) {
        return Path.of("target/evacuation-rarp-" + vm(vm) + ".pcap").toAbsolutePath();
    }

    private static String destination(final int vm) {
        return "c" + (2 + (vm - 1) % (CHASSIS - 1));
    }

    /** The chassis whose sender streams to vmK: half the ring away from its destination, so rarely the same. */
    private static int senderChassis(final int vm) {
        return 2 + (vm - 1 + (CHASSIS - 1) / 2) % (CHASSIS - 1);
    }

    private static String vm(final int vm) {
        return "vm" + vm;
    }

    private static String vmMac(final int vm) {
        return String.format("fa:16:3e:0e:%02x:%02x", vm >> 8, vm & 0xff);
    }

    private static String vmIp(final int vm) {
        // the senders' addresses are 10.9.1.J (ProbeStream.senderIp)
        return String.format("10.9.%d.%d", 100 + (vm >> 8), vm & 0xff);
    }
}
