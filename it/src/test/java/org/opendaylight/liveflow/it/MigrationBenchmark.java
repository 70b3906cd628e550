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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.it.lab.FabricLinks;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.opendaylight.liveflow.it.lab.PcapFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migration benchmark, not part of the test command (run: it/migration-benchmark, or ./mvnw -f it/pom.xml verify
 * -Dit.test=MigrationBenchmark -Dbench.chassis=3,20,100 -Dbench.systems=liveflow,ovn). For each lab size and each
 * system, the same steps in one run: a VM on c1 receives a steady stream of numbered UDP probes of three kinds:
 * switched, from a sender VM on its network on every other chassis but c2; routed, from a sender VM on another
 * network on the same chassis through the distributed router; and to its floating IP from a host behind the external
 * network's gateway. Once a probe of every sender reaches it (a steady stream, within two minutes, else that run
 * fails) and the system says every switch holds what it programmed, and one second more, the destination
 * interface is plugged on c2; one second later the VM resumes on c2 and sends its RARP (activation); one second
 * after that the cloud moves the binding to c2. From the pcaps of the VM's interfaces on c1 and c2: probes sent
 * after the VM resumed that never reached it on c2 (lost), probes it got twice on c2 (duplicates), and, per sender,
 * when it stopped sending to c1 (switched), measured from activation with the stream's resolution (the gap between
 * two probes of one sender). Base loss: the share of probes sent in the second before the plug that reached the VM
 * nowhere, what the lab itself drops (on 2 cores, 100 userspace switches drop some of the stream whatever the
 * controller does); prepared loss: the same from the moment both copies get
 * every probe until the VM resumes, when no flow changes, what the lab drops of the doubled traffic; lost after R
 * is to be read against them. Each figure is reported per kind of traffic.
 *
 * <p>With bench.bystanders, each system also gets that many bystander chassis, bridges in a few ovs-vswitchd that
 * hold the VM's flows and must be switched: liveflow's read from their flows' ages, OVN's (an ovn-controller each)
 * from ovs-ofctl's flow monitor; both from R, from the RARP's arrival at c2's switch, and for OVN, which switches
 * when the binding moves, from that write too.
 */
class MigrationBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationBenchmark.class);
    /**
     * Probes per second into the VM, all senders together (bench.rate): every probe crosses the lab's underlay
     * switch and the VM's chassis' link to it, userspace links that carry one frame per main-loop iteration and
     * drop what exceeds 100 queued frames, so the rate sets how close the lab runs to its own limits.
     */
    private static final long TOTAL_PROBES_PER_SECOND = Long.getLong("bench.rate", 1500);
    private static final long MIN_GAP_MICROS = 5000;
    /** What the VM sent into c2's switch from R on (its RARP), as that switch captured it. */
    private static final Path RARP_CAPTURE = Path.of("target/rarp-into-c2.pcap").toAbsolutePath();
    /** Two minutes, and a second more per bystander: a thousand of them keep the controller busy for minutes. */
    private static final Duration STEADY_PATIENCE = Duration.ofSeconds(120
        + Integer.getInteger("bench.bystanders", 0));

    /** One system's figures at one lab size for one kind of traffic. */
    record Result(String system, int chassis, String kind, int senders, long gapMicros, double baseLossPercent,
            double preparedLossPercent, long sentAfterResume, long lost, long lostOnLink, long duplicates,
            long duplicatesAfterResume, double switchedMedianMillis, double switchedAllMillis, int neverSwitched,
            String note) {
        String row() {
            return String.format("| %-8s | %4d | %-12s | %4d | %6.1f | %8.1f | %8.1f | %7d | %5d | %6.1f | %8d | "
                + "%9d | %5d / %d | %9.1f | %9.1f | %s |", system, chassis, kind, senders, gapMicros / 1000.0,
                baseLossPercent, preparedLossPercent, sentAfterResume, lost,
                sentAfterResume == 0 ? 0 : 100.0 * lost / sentAfterResume, lostOnLink, lost - lostOnLink, duplicates,
                duplicatesAfterResume, switchedMedianMillis, switchedAllMillis, note);
        }
    }

    @Test
    @SuppressWarnings("checkstyle:IllegalCatch")
    void migrateUnderSteadyTraffic() throws Exception {
        final List<Integer> sizes = Arrays.stream(System.getProperty("bench.chassis", "3,20,100").split(","))
            .map(String::strip).map(Integer::valueOf).toList();
        final List<String> systems = Arrays.stream(System.getProperty("bench.systems", "liveflow,ovn").split(","))
            .map(String::strip).toList();
        // "trunk": the VM is a trunk (parent and two VLAN sub-ports), each with its own senders; liveflow only
        final boolean trunk = "trunk".equals(System.getProperty("bench.case", "routing"));
        // bystander chassis beside each lab size: bridges in a few ovs-vswitchd that hold the VM's flows and must be
        // switched, with no traffic of their own (the scale lab, it/scale-benchmark); for OVN, each bridge has its
        // own ovn-controller
        final int bystanders = Integer.getInteger("bench.bystanders", 0);
        final List<String> rows = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        for (int size : sizes) {
            for (String system : systems) {
                if (trunk && !"liveflow".equals(system)) {
                    rows.add(String.format("| %-8s | %4d | trunk: not run (liveflow only) |", system, size));
                    continue;
                }
                // a lab size one system cannot reach is a row of the table, not the end of the others
                try (MigratingOverlay overlay = "ovn".equals(system) ? new OvnOverlay(bystanders)
                        : new LiveflowOverlay(trunk, bystanders)) {
                    run(overlay, size).forEach(result -> rows.add(result.row()));
                } catch (Exception | AssertionError e) {
                    LOG.error("{} at {} chassis failed", system, size, e);
                    failures.add(system + " at " + size + " chassis: " + e.getMessage());
                    rows.add(String.format("| %-8s | %4d | failed: %s |", system, size,
                        String.valueOf(e.getMessage()).replace('|', '/').replace('\n', ' ')));
                }
                LOG.info("{}", rows.get(rows.size() - 1));
                // written after every run: a 100-chassis lab takes long, and what was measured stays
                Files.writeString(Path.of("target/migration-benchmark.md"), table(rows));
            }
        }
        LOG.info("Migration benchmark (R = the VM resumed on c2 and sent its RARP; switched = a sender chassis "
            + "stopped sending to c1, measured from R):\n{}", table(rows));
        assertTrue(failures.isEmpty(), "runs failed: " + failures);
    }

    private static String table(final List<String> rows) {
        final StringBuilder table = new StringBuilder()
            .append(String.format("%d probes/s in all; %s. Lost: probes sent after R never delivered on c2; of them, "
                + "lab link: the lab's fabric sent the probe towards c2 and c2's datapath never received it (the link "
                + "dropped it), elsewhere: the rest.%n%n", TOTAL_PROBES_PER_SECOND, OvsLab.switchPriorities()))
            .append("| system   | chas | traffic      | send | gap ms | base loss% | prep loss% | sent>=R | lost  "
                + "| lost%  | lab link | elsewhere | dups (all / sent after R) | sw p50 ms | sw max ms | note |\n")
            .append("|----------|------|--------------|------|--------|------------|------------|---------|-------"
                + "|--------|----------|-----------|-------|-----------|-----------|------|\n");
        rows.forEach(row -> table.append(row).append('\n'));
        return table.toString();
    }

    private static List<Result> run(final MigratingOverlay overlay, final int size) throws Exception {
        final List<ProbeStream.Sender> senders = overlay.setUp(size);
        final long gap = Math.max(MIN_GAP_MICROS, senders.size() * 1_000_000L / TOTAL_PROBES_PER_SECOND);
        final long resumed;
        final long steadyMillis;
        final long steadyAt;
        final long pluggedAt;
        final long dualAt;
        final long moved;
        final String floorNote;
        final List<String> names = overlay.lab().allChassis().stream().map(OvsChassis::name).toList();
        final long began = ProbeStream.micros(Instant.now());
        // read while no probe flows (before the stream and after it drained), so both ends of a link agree
        final FabricLinks atStart = overlay.lab().fabricLinks(names);
        final List<OvsLab.LinkCapture> linksIntoDestination = overlay.lab().captureLinksInto("c2");
        final ProbeStream stream = new ProbeStream(senders);
        try (stream) {
            stream.start(gap);
            steadyMillis = awaitSteadyDelivery(overlay, senders, stream);
            // the migration is measured from a settled lab, not from the tail of its set-up: a controller may still
            // be pushing the last ports' flows
            overlay.awaitSettled();
            // the switches' own share, measured in the same lab just before the migration
            floorNote = overlay instanceof LiveflowOverlay liveflow && liveflow.bystanders() != null
                ? BystanderFloor.measure(liveflow.bystanders()) : "";
            steadyAt = ProbeStream.micros(Instant.now());
            Thread.sleep(1000);
            pluggedAt = ProbeStream.micros(Instant.now());
            overlay.plugDestination();
            dualAt = ProbeStream.micros(Instant.now());
            Thread.sleep(1000);
            // what c2's switch receives from the VM, with its own capture times: when the RARP reached it
            Files.deleteIfExists(RARP_CAPTURE);
            overlay.chassis("c2").capturePortReceived(MigratingOverlay.VM, RARP_CAPTURE);
            if (overlay instanceof OvnOverlay ovn && ovn.bystanders() != null) {
                ovn.watchBystanders();
            }
            resumed = ProbeStream.micros(Instant.now());
            overlay.announce();
            // R is when the lab began injecting the RARP: the injection's own time (ovs-appctl) counts against
            // the system measured, and is printed so it can be told apart
            final long injected = ProbeStream.micros(Instant.now());
            LOG.info("R: the VM resumed on c2 and sent its RARP at {} (ovs-appctl took {} ms to inject it)",
                Instant.EPOCH.plusNanos(resumed * 1000), (injected - resumed) / 1000.0);
            Thread.sleep(1000);
            moved = ProbeStream.micros(Instant.now());
            overlay.moveBinding();
            Thread.sleep(2000);
        }
        Thread.sleep(1000);
        final BystanderActivation bystanders = bystanderActivation(overlay, resumed);
        final int bystanderCount = bystanders == null ? 0
            : bystanders.millisAfterResume().size() + bystanders.neverSwitched();
        final int chassisCount = size + bystanderCount;
        if (bystanders != null) {
            ActivationPlot.write(Path.of("target/activation-" + overlay.name() + "-" + chassisCount + ".png"),
                overlay.name() + ", " + chassisCount + " chassis: when each of the " + bystanderCount
                + " bystanders switched", bystanders.millisAfterResume());
        }
        final FabricLinks atEnd = overlay.lab().fabricLinks(names);
        final List<PcapFile.Frame> sourceFrames = probes(overlay.chassis("c1")
            .deliveredFramesWithTimes(MigratingOverlay.VM));
        final List<PcapFile.Frame> destinationFrames = probes(overlay.chassis("c2")
            .deliveredFramesWithTimes(MigratingOverlay.VM));
        DeliveryPlot.write(Path.of("target/migration-" + overlay.name() + "-" + size + ".png"), overlay.name() + ", "
            + size + " chassis: probes the VM's interfaces delivered", sourceFrames.stream().map(PcapFile.Frame::micros)
            .toList(), destinationFrames.stream().map(PcapFile.Frame::micros).toList(), resumed,
            Math.max(began, resumed - 1_500_000), resumed + 2_500_000);
        final Map<ProbeStream.Probe, Integer> atDestination = count(destinationFrames);
        // both ends of c2's links: what the lab's fabric sent towards c2, and what c2's datapath received
        final Set<ProbeStream.Probe> sentTowardsDestination = new HashSet<>();
        final Set<ProbeStream.Probe> receivedByDestination = new HashSet<>();
        for (OvsLab.LinkCapture link : linksIntoDestination) {
            sentTowardsDestination.addAll(probesOnLink(link.sentByFabric()));
            receivedByDestination.addAll(probesOnLink(link.receivedByChassis()));
        }
        final Map<ProbeStream.Probe, Integer> atSource = count(sourceFrames);
        final Map<Integer, Long> lastAtSource = new HashMap<>();
        for (PcapFile.Frame frame : sourceFrames) {
            ProbeStream.parse(frame.bytes())
                .ifPresent(probe -> lastAtSource.merge(probe.sender(), stream.sentAt(probe), Math::max));
        }
        final FabricLinks fabric = atEnd.since(atStart);
        String note = String.format("steady %.1f s after start; the lab's links dropped %d frames towards c2 "
            + "(external link %d), %d towards c1 (external link %d), %d from the chassis; ", steadyMillis / 1000.0,
            fabric.droppedTowards("c2"), fabric.droppedTowards("c2 external"), fabric.droppedTowards("c1"),
            fabric.droppedTowards("c1 external"), fabric.droppedFromChassis());
        if (overlay instanceof LiveflowOverlay liveflow) {
            note += liveflow.programmingNote() + (bystanders == null ? "" : bystanders.summary()
                + fromTheSwitch(bystanders, resumed) + floorNote)
                + String.format("engine: flows written %.1f ms after activation", liveflow.engineConvergenceMillis());
        } else if (overlay instanceof OvnOverlay ovn) {
            note += ovn.note() + (bystanders == null ? "" : "; " + bystanders.summary()
                + fromTheSwitch(bystanders, resumed) + bystanders.from((moved - resumed) / 1000.0)
                .summary(String.format("the binding moved (R + %.1f ms)", (moved - resumed) / 1000.0)));
        }
        final List<Result> results = new ArrayList<>();
        for (String kind : overlay.kinds()) {
            final List<Integer> ids = senders.stream().map(ProbeStream.Sender::id)
                .filter(id -> overlay.kindOf(id).equals(kind)).toList();
            // what the lab itself loses (an overloaded 2-core machine drops frames in userspace switches): probes of
            // the second before the plug that reached the VM nowhere; and the same once both copies get every
            // probe and before the VM resumes, when no flow changes: the lab carrying the doubled traffic
            final double baseLoss = lostNowhere(stream, ids, steadyAt, pluggedAt, atSource, atDestination);
            final double preparedLoss = lostNowhere(stream, ids, dualAt, resumed, atSource, atDestination);
            final List<ProbeStream.Probe> afterResume = stream.sentSince(resumed).stream()
                .filter(probe -> ids.contains(probe.sender())).toList();
            if (afterResume.isEmpty()) {
                // "nothing lost" means nothing only when something was sent
                throw new AssertionError("the " + kind + " stream sent no probe after R");
            }
            final List<ProbeStream.Probe> lostProbes = afterResume.stream()
                .filter(probe -> !atDestination.containsKey(probe)).toList();
            final long lost = lostProbes.size();
            // a lost probe the fabric sent towards c2 that c2's datapath never received: the lab's link lost it
            final long lostOnLink = lostProbes.stream().filter(probe -> sentTowardsDestination.contains(probe)
                && !receivedByDestination.contains(probe)).count();
            final long duplicates = atDestination.entrySet().stream()
                .filter(entry -> ids.contains(entry.getKey().sender())).mapToLong(entry -> entry.getValue() - 1)
                .sum();
            // while prepared both copies get every probe, and the destination's VM is paused: only the duplicates
            // of probes sent after it resumed would reach a running VM twice
            final long duplicatesAfterResume = atDestination.entrySet().stream()
                .filter(entry -> ids.contains(entry.getKey().sender()) && stream.sentAt(entry.getKey()) >= resumed)
                .mapToLong(entry -> entry.getValue() - 1).sum();
            final List<Double> switched = new ArrayList<>();
            int never = 0;
            for (int sender : ids) {
                final Long last = lastAtSource.get(sender);
                if (last == null) {
                    continue;
                }
                if (last >= resumed + 2_500_000) {
                    never++;
                }
                switched.add(Math.max(0, last - resumed + gap) / 1000.0);
            }
            switched.sort(Double::compare);
            results.add(new Result(overlay.name(), chassisCount, kind, ids.size(), gap, baseLoss, preparedLoss,
                afterResume.size(), lost, lostOnLink,
                duplicates, duplicatesAfterResume, switched.isEmpty() ? 0 : switched.get(switched.size() / 2),
                switched.isEmpty() ? 0 : switched.get(switched.size() - 1), never,
                (never > 0 ? never + " senders never switched; " : "") + lostByHalfSecond(stream, lostProbes, resumed)
                + note));
        }
        return results;
    }

    /**
     * Returns the bystanders' figures from when the RARP reached c2's switch, by that switch's capture: R is taken
     * before the lab injects the RARP (an ovs-appctl call), so this is the figure between two switch-side clocks.
     */
    private static String fromTheSwitch(final BystanderActivation bystanders, final long resumed)
            throws IOException {
        final Optional<PcapFile.Frame> rarp = PcapFile.firstRarp(RARP_CAPTURE);
        if (rarp.isEmpty()) {
            return "the RARP is not in c2's capture; ";
        }
        final double reached = (rarp.orElseThrow().micros() - resumed) / 1000.0;
        return bystanders.from(reached).summary(String.format("the RARP reached c2's switch (R + %.1f ms)", reached));
    }

    /**
     * Returns when each bystander switched (read from the switches now), or null for a lab without bystanders.
     */
    private static BystanderActivation bystanderActivation(final MigratingOverlay overlay, final long resumed)
            throws IOException {
        if (overlay instanceof LiveflowOverlay liveflow && liveflow.bystanders() != null) {
            return BystanderActivation.measure(liveflow.bystanders(), MigratingOverlay.VM_MAC,
                liveflow.destinationTunnelOfport(), resumed);
        }
        if (overlay instanceof OvnOverlay ovn && ovn.bystanders() != null) {
            return ovn.bystanderActivation(resumed);
        }
        return null;
    }

    /**
     * Says when the lost probes were sent: how many in each half second after R.
     */
    private static String lostByHalfSecond(final ProbeStream stream, final List<ProbeStream.Probe> lost,
            final long resumed) {
        if (lost.isEmpty()) {
            return "";
        }
        final long[] buckets = new long[6];
        for (ProbeStream.Probe probe : lost) {
            buckets[(int) Math.min(buckets.length - 1, (stream.sentAt(probe) - resumed) / 500_000)]++;
        }
        return "lost by half second after R: " + Arrays.stream(buckets).mapToObj(Long::toString)
            .collect(Collectors.joining("/")) + "; ";
    }

    /**
     * Returns the share (%) of the given senders' probes sent in [from, to) that reached the VM on neither chassis.
     */
    private static double lostNowhere(final ProbeStream stream, final List<Integer> ids, final long from,
            final long to, final Map<ProbeStream.Probe, Integer> atSource,
            final Map<ProbeStream.Probe, Integer> atDestination) {
        final List<ProbeStream.Probe> sent = stream.sentSince(from).stream()
            .filter(probe -> ids.contains(probe.sender()) && stream.sentAt(probe) < to).toList();
        final long lost = sent.stream()
            .filter(probe -> !atSource.containsKey(probe) && !atDestination.containsKey(probe)).count();
        return sent.isEmpty() ? 0 : 100.0 * lost / sent.size();
    }

    /**
     * Waits until a probe of every sender, sent in the last second, has reached the VM on c1: the migration starts
     * from a steady stream, not from a data plane still being programmed. Returns how long that took, in ms.
     */
    private static long awaitSteadyDelivery(final MigratingOverlay overlay, final List<ProbeStream.Sender> senders,
            final ProbeStream stream) throws Exception {
        final Set<Integer> ids = new HashSet<>();
        senders.forEach(sender -> ids.add(sender.id()));
        final Instant start = Instant.now();
        final Instant deadline = start.plus(STEADY_PATIENCE);
        while (true) {
            final long since = ProbeStream.micros(Instant.now()) - 1_000_000;
            final Set<Integer> reaching = new HashSet<>();
            for (PcapFile.Frame frame : overlay.chassis("c1").deliveredFramesWithTimes(MigratingOverlay.VM)) {
                ProbeStream.parse(frame.bytes()).filter(probe -> stream.sentAt(probe) >= since)
                    .ifPresent(probe -> reaching.add(probe.sender()));
            }
            if (reaching.containsAll(ids)) {
                return Duration.between(start, Instant.now()).toMillis();
            }
            if (Instant.now().isAfter(deadline)) {
                final Set<Integer> missing = new HashSet<>(ids);
                missing.removeAll(reaching);
                throw new AssertionError("no steady stream: after " + STEADY_PATIENCE.toSeconds() + " s, probes of "
                    + reaching.size() + " of " + ids.size() + " senders reach the VM on c1; missing " + missing);
            }
            Thread.sleep(500);
        }
    }

    private static List<ProbeStream.Probe> probesOnLink(final Path capture) throws IOException {
        return PcapFile.frames(capture).stream().map(frame -> ProbeStream.parseOnLink(frame.bytes()))
            .flatMap(Optional::stream).toList();
    }

    private static List<PcapFile.Frame> probes(final List<PcapFile.Frame> frames) {
        return frames.stream().filter(frame -> ProbeStream.parse(frame.bytes()).isPresent()).toList();
    }

    /**
     * Returns how many times each probe is among the frames.
     */
    static Map<ProbeStream.Probe, Integer> count(final List<PcapFile.Frame> frames) {
        final Map<ProbeStream.Probe, Integer> out = new HashMap<>();
        for (PcapFile.Frame frame : frames) {
            ProbeStream.parse(frame.bytes()).ifPresent(probe -> out.merge(probe, 1, Integer::sum));
        }
        return out;
    }
}
