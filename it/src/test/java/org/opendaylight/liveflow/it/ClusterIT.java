/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.liveflow.it.NeighbourLab.assertDelivered;
import static org.opendaylight.liveflow.it.NeighbourLab.awaitNoDeliveryGroup;
import static org.opendaylight.liveflow.it.NeighbourLab.ip;
import static org.opendaylight.liveflow.it.NeighbourLab.mac;
import static org.opendaylight.liveflow.it.NeighbourLab.rules;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * liveflow on a three-member cluster (karaf/cluster) with three Open vSwitch chassis connected to every member:
 * one member runs the control loop; writes through a follower take effect once; the member running the control
 * loop is killed (kill -9) while a migration is prepared and, later, while one is switched, with a probe stream
 * running, and the member that takes over finishes the migration without losing a probe or touching a flow it did
 * not have to; a killed member rejoins and nothing changes. VM "vm" of net-a moves c1 to c2 and back while "r3" on
 * c3 sends to it; "s1" on c1 and "d2" on c2 are its neighbours.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterIT.class);
    /** Each member's heap (-Xmx): what a member of this lab needs, with room for the datastore's replicas. */
    private static final String MEMBER_HEAP = "512m";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A member's death is noticed after Akka's failure detection and the cluster's auto-down; then the takeover. */
    private static final Duration FAILOVER_PATIENCE = Duration.ofSeconds(120);
    private static final String VM = "vm";
    private static final String VM_MAC = "fa:16:3e:0a:00:99";
    private static final String VM_IP = "10.1.0.99";
    private static final int NEIGHBOUR_PORT = 2;
    private static final int DESTINATION_PORT = 5;
    private static final long PROBE_GAP_MICROS = 50_000;

    private static KarafCluster cluster;
    private static OvsLab lab;
    private static OverlayClient overlay;
    /** How often the kill while prepared (and the rejoin after it) runs: 1 in the test command. */
    private static final int TRIALS = Integer.getInteger("cluster.trials", 1);
    private static final List<Long> FAILOVERS = new ArrayList<>();
    private static final List<Long> LOST = new ArrayList<>();

    private static int owner;
    private static int killed;
    private static String vmAt = "c1";

    @BeforeAll
    static void startClusterAndLab() throws Exception {
        cluster = KarafCluster.start("cluster", MEMBER_HEAP);
        final List<Integer> owners = cluster.controlLoopOwners();
        assertEquals(1, owners.size(), "members running the control loop once the cluster is up: " + owners);
        owner = owners.get(0);
        final int follower = anyMemberBut(owner);
        overlay = overlayVia(follower);
        lab = OvsLab.start(cluster.home(follower).resolveSibling("cluster-ovs"), cluster.labController(follower),
            "c1", "c2", "c3");
        LOG.info("cluster up: control loop on member-{}, writes through member-{}", owner, follower);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void writesThroughAFollowerAreProgrammedOnce() throws Exception {
        overlay.putNetA();
        for (OvsChassis node : lab.allChassis()) {
            overlay.putChassis(node);
        }
        // the tests update bindings themselves
        OverlayClient.assertStatus(201, overlay.restconf().put(OverlayClient.OVERLAY + "/migration-settings",
            "{\"liveflow:migration-settings\": {\"binding-timeout\": 600}}"));
        overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "ta", "net-a", "sa", VM_MAC, VM_IP, "c1"));
        for (String neighbour : List.of("s1", "d2", "r3")) {
            overlay.put("/ports/port=" + neighbour, "port", OverlayClient.vm(neighbour, "ta", "net-a", "sa",
                mac(neighbour), ip(neighbour), "c" + neighbour.charAt(1)));
        }
        OverlayClient.awaitPipelineOnEverySwitch(lab, PATIENCE);
        lab.chassis("c1").addVmPort(VM, 1);
        for (String neighbour : List.of("s1", "d2", "r3")) {
            lab.chassis("c" + neighbour.charAt(1)).addVmPort(neighbour, NEIGHBOUR_PORT);
        }
        for (String neighbour : List.of("s1", "d2", "r3")) {
            final String chassis = "c" + neighbour.charAt(1);
            try {
                LabChecks.awaitFlow(lab, chassis, true, Duration.ofSeconds(25), "table=60", "output:" + NEIGHBOUR_PORT);
            } catch (AssertionError missed) {
                // the OpenFlowPlugin 0.17.3 can lose a port-status while its members still settle a switch's
                // roles (README, known limits; seen in full test runs, never alone): plugged again, once roles
                // are settled, the port must be programmed
                LOG.warn("{}'s port {} never reached the inventory; plugging it again", chassis, neighbour);
                lab.chassis(chassis).removePort(neighbour);
                lab.chassis(chassis).addVmPort(neighbour, NEIGHBOUR_PORT);
                LabChecks.awaitFlow(lab, chassis, true, PATIENCE, "table=60", "output:" + NEIGHBOUR_PORT);
            }
        }
        LabChecks.awaitFlow(lab, "c3", true, PATIENCE, "dl_dst=" + VM_MAC);
        LabChecks.awaitDelivery(lab, "c1", 1, PATIENCE);

        // every member reads the same configuration: one write, replicated
        for (int member : KarafCluster.MEMBERS) {
            final Restconf.Response ports = cluster.restconf(member).get(OverlayClient.OVERLAY
                + "/ports?content=config");
            OverlayClient.assertStatus(200, ports);
            assertEquals(4, ports.json().path("liveflow:ports").path("port").size(), "member-" + member);
        }
        // programmed once: with three writers the switches would see flows replaced (durations start over) as
        // each writer reconciles; over 4 s not one flow starts over, and one member still runs the control loop
        final Map<String, Map<String, Double>> before = durations();
        Thread.sleep(4000);
        assertNoFlowStartedOver(before, durations(), 3.5, "after programming");
        assertEquals(List.of(owner), cluster.controlLoopOwners());
        assertDelivered(lab, Map.of("c1/vm", 1L), () -> sendFromR3());
    }

    /**
     * The kill while prepared, then the killed member's rejoin; {@code -Dcluster.trials=N} repeats both N times, the
     * VM moving back and forth between c1 and c2 (it/cluster-benchmark runs 5 and prints the failover figures).
     */
    @Test
    @Order(2)
    void killOfTheOwnerWhilePreparedLosesNoProbeAndTheKilledMemberRejoinsChangingNothing() throws Exception {
        for (int trial = 1; trial <= TRIALS; trial++) {
            final String source = vmAt;
            final String destination = "c1".equals(source) ? "c2" : "c1";
            LOG.info("trial {} of {}: {} to {}, the owner killed while prepared", trial, TRIALS, source,
                destination);
            // odd trials: the VM announces itself while no member runs the control loop; even: after the takeover
            migrateThroughAFailover(source, destination, "c1".equals(destination) ? 1 : DESTINATION_PORT,
                trial % 2 == 1);
            rejoinChangesNothing();
        }
        if (TRIALS > 1) {
            LOG.info("failover over {} trials: p50 {} ms, max {} ms ({}); probes lost since the kills: {}", TRIALS,
                percentile(FAILOVERS, 50), percentile(FAILOVERS, 100), FAILOVERS, LOST);
        }
    }

    /**
     * Restarts the member killed last and checks that its return moved nothing: the control loop stays where it
     * is, no flow changes or starts over, and its replicas caught up with what was written while it was down.
     */
    private static void rejoinChangesNothing() throws Exception {
        final Map<String, List<String>> rules = settledRules();
        final Map<String, Map<String, Double>> before = durations();
        final Instant started = Instant.now();
        LOG.info("restarting member-{}:\n{}", killed, cluster.startStopped());
        LOG.info("member-{} rejoined in {} ms", killed, Duration.between(started, Instant.now()).toMillis());
        Thread.sleep(3000);
        assertEquals(List.of(owner), cluster.controlLoopOwners(), "the control loop stays where it is");
        assertEquals(rules, rules(lab), "the rejoin changed flows");
        assertNoFlowStartedOver(before, durations(), Duration.between(started, Instant.now()).toMillis() / 1000.0
            - 1, "across the rejoin");
        final Restconf.Response journal = cluster.restconf(killed).get(
            "/rests/data/liveflow:migration-journal/port-migration=" + VM + "?content=config");
        OverlayClient.assertStatus(200, journal);
        assertEquals("bound", journal.json().path("liveflow:port-migration").path(0).path("state").asText(),
            "the rejoined member's replica of the journal");
        final Restconf.Response port = cluster.restconf(killed).get(OverlayClient.OVERLAY
            + "/ports/port=vm?content=config");
        assertEquals(vmAt, port.json().path("liveflow:port").path(0).path("binding-chassis").asText(),
            "the rejoined member has the binding written while it was down: " + port.body());
        killed = 0;
    }

    @Test
    @Order(3)
    void killOfTheOwnerWhileSwitchedLosesNoProbeAndChangesNoFlow() throws Exception {
        final String source = vmAt;
        final String destination = "c1".equals(source) ? "c2" : "c1";
        final OvsChassis target = lab.chassis(destination);
        target.addVmPort(VM, "c1".equals(destination) ? 1 : DESTINATION_PORT);
        overlay.awaitMigration(VM, PATIENCE, "state=prepared", "source-chassis=" + source,
            "destination-chassis=" + destination);
        LabChecks.awaitFlow(lab, destination, true, PATIENCE, "CONTROLLER", "dl_src=" + VM_MAC);
        final ProbeStream probes = probesFromR3();
        final long resumedAt;
        try {
            probes.start(PROBE_GAP_MICROS);
            resumedAt = ProbeStream.micros(Instant.now());
            target.inject(VM, Frames.rarp(VM_MAC));
            overlay.awaitMigration(VM, PATIENCE, "state=switched");
            awaitNoDeliveryGroup(lab, PATIENCE);
            LabChecks.awaitEveryStream(probes, target, VM, 1, resumedAt, "reaching " + destination
                + " once switched", 10, PATIENCE);

            takeoverChangesNothing("switched");

            overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "ta", "net-a", "sa", VM_MAC, VM_IP,
                destination));
            overlay.awaitMigration(VM, PATIENCE, "state=bound", "source-cleanup=verified");
            LabChecks.awaitEveryStream(probes, target, VM, 1, ProbeStream.micros(Instant.now()),
                "reaching " + destination + " once bound", 5, PATIENCE);
        } finally {
            probes.close();
        }
        assertNoProbeLostSince(probes, target, resumedAt, source + " to " + destination
            + ", owner killed while switched");
        lab.chassis(source).removePort(VM);
        vmAt = destination;
        assertDelivered(lab, Map.of(destination + "/vm", 1L), () -> sendFromR3());
        for (int member : KarafCluster.MEMBERS) {
            if (member != killed) {
                LOG.info("member-{} resident memory: {} MiB, heap used after a full GC {} MiB (-Xmx{})", member,
                    cluster.residentMemoryMib(member), cluster.heapUsedAfterGcMib(member), MEMBER_HEAP);
            }
        }
    }

    /**
     * With the migration from {@code source} to {@code destination} prepared: starts r3's probe stream, kills the
     * member running the control loop, checks the takeover changed no flow, resumes the VM on the destination
     * (RARP), binds it there and checks that no probe sent since the kill was lost.
     */
    private static void migrateThroughAFailover(final String source, final String destination, final int ofport,
            final boolean announceInHandover) throws Exception {
        final OvsChassis target = lab.chassis(destination);
        target.addVmPort(VM, ofport);
        overlay.awaitMigration(VM, PATIENCE, "state=prepared", "source-chassis=" + source,
            "destination-chassis=" + destination);
        LabChecks.awaitFlow(lab, destination, true, PATIENCE, "CONTROLLER", "dl_src=" + VM_MAC);
        final ProbeStream probes = probesFromR3();
        final long killedAtMicros;
        final long resumedAt;
        try {
            probes.start(PROBE_GAP_MICROS);
            LabChecks.awaitEveryStream(probes, target, VM, 1, ProbeStream.micros(Instant.now()),
                "reaching the prepared copy on " + destination, 10, PATIENCE);
            killedAtMicros = ProbeStream.micros(Instant.now());
            if (announceInHandover) {
                // the VM resumes while no member runs the control loop: its packet-in goes nowhere (or to a
                // member that cannot hand it on yet); the member taking over must still activate the migration
                final Instant killedAt = kill();
                resumedAt = ProbeStream.micros(Instant.now());
                target.inject(VM, Frames.rarp(VM_MAC));
                awaitTakeover(killedAt);
                final Instant takenOver = Instant.now();
                final String cause = OverlayClient.lastCause(overlay.awaitMigration(VM, FAILOVER_PATIENCE,
                    "state=switched"));
                LOG.info("RARP during the handover: switched {} ms after the takeover ({})",
                    Duration.between(takenOver, Instant.now()).toMillis(), cause);
            } else {
                takeoverChangesNothing("prepared");

                resumedAt = ProbeStream.micros(Instant.now());
                final Instant announced = Instant.now();
                target.inject(VM, Frames.rarp(VM_MAC));
                overlay.awaitMigration(VM, PATIENCE, "state=switched");
                LOG.info("RARP after the takeover: switched {} ms after it",
                    Duration.between(announced, Instant.now()).toMillis());
            }
            LabChecks.awaitFlow(lab, "c3", true, PATIENCE, "dl_dst=" + VM_MAC, "output:"
                + lab.chassis("c3").ofportOf("tun-" + destination));
            overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "ta", "net-a", "sa", VM_MAC, VM_IP,
                destination));
            overlay.awaitMigration(VM, PATIENCE, "state=bound", "source-cleanup=verified");
            LabChecks.awaitEveryStream(probes, target, VM, 1, ProbeStream.micros(Instant.now()),
                "reaching " + destination + " once bound", 5, PATIENCE);
        } finally {
            probes.close();
        }
        assertNoProbeLostSince(probes, target, resumedAt, source + " to " + destination + ", owner killed");
        // through the handover itself, dual delivery: each probe reached the source's copy or the destination's
        final Set<ProbeStream.Probe> anywhere = new HashSet<>(ProbeStream.probesIn(
            target.deliveredFramesWithTimes(VM)));
        anywhere.addAll(ProbeStream.probesIn(lab.chassis(source).deliveredFramesWithTimes(VM)));
        final List<ProbeStream.Probe> sinceKill = probes.sentSince(killedAtMicros);
        final long lostInHandover = sinceKill.stream().filter(probe -> !anywhere.contains(probe)).count();
        LOG.info("migration {} to {} through a failover: {} probes sent since the kill, {} reached no copy",
            source, destination, sinceKill.size(), lostInHandover);
        LOST.add(lostInHandover);
        assertEquals(0, lostInHandover, "probes sent since the kill that reached neither copy");
        lab.chassis(source).removePort(VM);
        vmAt = destination;
    }

    /**
     * Kills the member running the control loop while the VM's migration is in {@code state}, waits for another
     * member to take it over, and checks that the takeover changed no flow or group on any switch, started no flow
     * over, and left the migration where it was.
     */
    private static void takeoverChangesNothing(final String state) throws Exception {
        final Map<String, List<String>> rules = rules(lab);
        final Map<String, Map<String, Double>> before = durations();
        final Instant killedAt = kill();
        awaitTakeover(killedAt);
        awaitOwnerReadEverySwitch();
        assertEquals(rules, settledRules(), "the takeover while " + state + " changed flows");
        assertNoFlowStartedOver(before, durations(), Duration.between(killedAt, Instant.now()).toMillis() / 1000.0
            - 1, "across the takeover while " + state);
        assertEquals(state, overlay.migration(VM).path("state").asText());
    }

    /**
     * Kills the member running the control loop and sends further RESTCONF calls through a live member; returns
     * when the kill happened.
     */
    private static Instant kill() {
        overlay = overlayVia(anyMemberBut(owner));
        killed = owner;
        return cluster.kill(owner);
    }

    /**
     * Waits until a member other than the killed one runs the control loop and records how long after the kill it
     * started it.
     */
    private static void awaitTakeover(final Instant killedAt) throws Exception {
        owner = cluster.awaitOwnerOtherThan(killed, FAILOVER_PATIENCE);
        FAILOVERS.add(cluster.controlLoopStartedAfter(owner, killedAt).toMillis());
        LOG.info("failover: member-{} killed, member-{} started the control loop {} ms later (its log)", killed,
            owner, FAILOVERS.get(FAILOVERS.size() - 1));
    }

    /**
     * Waits until the new owner's first pass has read what every switch holds (its reconciler logs each read), so
     * that "nothing changed" means it compared and found nothing to change, not that it had not looked yet.
     */
    private static void awaitOwnerReadEverySwitch() {
        await("member-" + owner + " reading every switch's flows after taking the control loop over")
            .atMost(FAILOVER_PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
                final List<String> log = cluster.logSinceControlLoopStart(owner);
                return lab.allChassis().stream().allMatch(node -> log.stream().anyMatch(line -> line.contains(
                    "openflow:" + node.datapathId() + ": config inventory holds")));
            });
    }

    private static void assertNoProbeLostSince(final ProbeStream probes, final OvsChassis chassis,
            final long sinceMicros, final String what) throws Exception {
        final List<ProbeStream.Probe> delivered = ProbeStream.probesIn(LabChecks.deliveredAfterDrain(probes, chassis,
            VM, sinceMicros));
        final List<ProbeStream.Probe> sent = probes.sentSince(sinceMicros);
        final List<ProbeStream.Probe> lost = sent.stream().filter(probe -> !delivered.contains(probe)).toList();
        LOG.info("{}: {} probes sent since the VM resumed, {} lost", what, sent.size(), lost.size());
        assertTrue(sent.size() >= 10, "the stream sent " + sent.size() + " probes");
        assertEquals(List.of(), lost, what + ": probes lost after resume");
    }

    private static ProbeStream probesFromR3() {
        return new ProbeStream(List.of(new ProbeStream.Sender(0, ProbeStream.Link.injecting(
            hex -> lab.chassis("c3").inject("r3", hex)), mac("r3"), VM_MAC, ip("r3"), VM_IP)));
    }

    private static OverlayClient overlayVia(final int member) {
        return new OverlayClient(cluster.restconf(member));
    }

    private static int anyMemberBut(final int member) {
        return KarafCluster.MEMBERS.stream().filter(k -> k != member && k != killed).findFirst().orElseThrow();
    }

    /**
     * Checks that every flow that was on a switch before is still there and has been there for at least
     * {@code elapsedSeconds} longer: a flow replaced, or deleted and added again, starts its duration over.
     */
    private static void assertNoFlowStartedOver(final Map<String, Map<String, Double>> before,
            final Map<String, Map<String, Double>> after, final double elapsedSeconds, final String when) {
        final List<String> startedOver = new ArrayList<>();
        before.forEach((chassis, flows) -> flows.forEach((flow, duration) -> {
            final Double now = after.get(chassis).get(flow);
            if (now == null || now < duration + elapsedSeconds) {
                startedOver.add(chassis + ": " + flow + " (" + duration + " s, then " + now + ")");
            }
        }));
        assertEquals(List.of(), startedOver, "flows that started over " + when);
    }

    /**
     * Returns the switches' flows and groups once they stopped changing (the same for 2 s): what the unplug of the
     * VM's interface from the source brings about lands a moment after the test did it.
     */
    private static Map<String, List<String>> settledRules() throws Exception {
        final Instant deadline = Instant.now().plus(PATIENCE);
        Map<String, List<String>> last = rules(lab);
        while (true) {
            Thread.sleep(2000);
            final Map<String, List<String>> now = rules(lab);
            if (now.equals(last)) {
                return now;
            }
            assertTrue(Instant.now().isBefore(deadline), "the switches' flows never settled");
            last = now;
        }
    }

    private static Map<String, Map<String, Double>> durations() throws IOException {
        final Map<String, Map<String, Double>> out = new HashMap<>();
        for (OvsChassis node : lab.allChassis()) {
            out.put(node.name(), node.flowDurations());
        }
        return out;
    }

    private static void sendFromR3() throws IOException {
        lab.chassis("c3").inject("r3", Frames.ipv4(mac("r3"), VM_MAC, ip("r3"), VM_IP));
    }

    private static long percentile(final List<Long> values, final int percent) {
        final List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

}
