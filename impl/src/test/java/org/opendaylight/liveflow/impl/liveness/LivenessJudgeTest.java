/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;

/**
 * Every liveness rule, with the default settings (dead-after 2.5 s): c1 has datapath-id 1, c2 datapath-id 2.
 */
class LivenessJudgeTest {
    private static final Instant T0 = Instant.parse("2026-12-02T06:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private final ConfigSnapshot config = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
        .snapshot();

    private static SwitchInventory c1(final boolean connected) {
        return new SwitchInventory(Map.of("openflow:1", new SwitchView("openflow:1", Map.of(), connected),
            "openflow:2", new SwitchView("openflow:2", Map.of(), true)));
    }

    /**
     * Judges with c1's probe as given and c2's switch answering at {@code now}: the controller hears switches.
     */
    private static Map<String, ChassisHealth> judge(final ConfigSnapshot config, final SwitchInventory switches,
            final SwitchProbe probe, final Instant now) {
        return judgeAll(config, switches, probe == null ? Map.of("openflow:2", probe(T0, now))
            : Map.of("openflow:1", probe, "openflow:2", probe(T0, now)), now);
    }

    @Test
    void aSilentSwitchAwaitsAWitnessUntilAnotherSwitchIsHeardAfterItsDeadAfter() {
        final Duration deadAfter = Duration.ofMillis(2500);
        final Set<String> both = Set.of("openflow:1", "openflow:2");
        final Map<String, SwitchProbe> c2HeardAt3s = Map.of("openflow:1", probe(T0, T0.plusSeconds(1)),
            "openflow:2", probe(T0, T0.plusSeconds(3)));
        // c1 not overdue yet: nothing to witness
        assertFalse(LivenessJudge.awaitsWitness(c2HeardAt3s, both, INTERVAL, deadAfter, T0.plusMillis(3499)));
        // c1 overdue since 3.5 s, and c2 was last heard before that: ask for a witness
        assertTrue(LivenessJudge.awaitsWitness(c2HeardAt3s, both, INTERVAL, deadAfter, T0.plusMillis(3500)));
        // c2 heard after c1's deadline: the judge has its evidence
        assertFalse(LivenessJudge.awaitsWitness(Map.of("openflow:1", probe(T0, T0.plusSeconds(1)),
            "openflow:2", probe(T0, T0.plusMillis(3600))), both, INTERVAL, deadAfter, T0.plusSeconds(4)));
        // a silent switch that is no longer connected is the session's to judge, not the probe's
        assertFalse(LivenessJudge.awaitsWitness(c2HeardAt3s, Set.of("openflow:2"), INTERVAL, deadAfter,
            T0.plusSeconds(4)));
    }

    @Test
    void aReplyReadLateAfterAControllerStallIsNoEvidence() {
        // c1 last answered at 2 s, so its deadline is 4.5 s; c2's reply was read at 6 s (after a stall of the
        // controller) but answers a request sent at 4 s, before c1's deadline: it says nothing about c1
        final Instant now = T0.plusSeconds(6);
        final Map<String, SwitchProbe> readLate = Map.of("openflow:1", probe(T0, T0.plusSeconds(2)),
            "openflow:2", new SwitchProbe(T0, now, T0.plusSeconds(4), null));
        assertEquals(ChassisReason.Alive, judgeAll(config, c1(true), readLate, now).get("c1").reason());
        assertTrue(LivenessJudge.awaitsWitness(readLate, Set.of("openflow:1", "openflow:2"), INTERVAL,
            Duration.ofMillis(2500), now));
        // a request sent at c1's deadline and answered: the controller works, and c1 is silent
        final Map<String, SwitchProbe> witnessed = Map.of("openflow:1", probe(T0, T0.plusSeconds(2)),
            "openflow:2", new SwitchProbe(T0, now, T0.plusMillis(4500), null));
        assertEquals(ChassisReason.NotAnswering, judgeAll(config, c1(true), witnessed, now).get("c1")
            .reason());
        assertFalse(LivenessJudge.awaitsWitness(witnessed, Set.of("openflow:1", "openflow:2"), INTERVAL,
            Duration.ofMillis(2500), now));
    }

    @Test
    void silenceNobodyAskedAboutIsNotHeldAgainstASwitch() {
        // c1 last answered at 0 s while probes went out every 60 s; the interval is now 1 s and the first request
        // c1 has not answered went out at 59 s: its silence counts from 58 s, so it is alive until 60.5 s
        final SwitchProbe asked = new SwitchProbe(T0, T0, T0, T0.plusSeconds(59));
        assertEquals(ChassisReason.Alive, judge(config, c1(true), asked, T0.plusMillis(60_499)).get("c1").reason());
        assertEquals(ChassisReason.NotAnswering, judge(config, c1(true), asked, T0.plusMillis(60_500)).get("c1")
            .reason());
        // nothing asked, nothing unanswered: however long ago its last reply, it is not silent
        assertEquals(ChassisReason.Alive, judge(config, c1(true), new SwitchProbe(T0, T0, T0, null),
            T0.plusSeconds(60)).get("c1").reason());
    }

    @Test
    void moreSwitchesFallingSilentAtOnceThanHalfANetworkThreadsShareIsASharedCause() {
        final int count = 8;
        final Map<String, SwitchView> views = new HashMap<>();
        final ConfigSnapshot eight = connectedChassis(count, views);
        final Instant now = T0.plusSeconds(10);
        for (int silentCount = 1; silentCount <= 4; silentCount++) {
            final Map<String, SwitchProbe> probes = new HashMap<>();
            for (int c = 1; c <= count; c++) {
                probes.put("openflow:" + c, probe(T0, c <= silentCount ? T0.plusSeconds(2) : now));
            }
            // two network threads serve eight switches, four each: two falling silent at once is half a thread's
            // share, and each is its own; three or four is more, and none of them is declared dead
            final var judged = LivenessJudge.judge(eight, new SwitchInventory(views), probes, Set.of(), 2, now);
            assertEquals(silentCount <= 2 ? ChassisReason.NotAnswering : ChassisReason.Alive,
                judged.get("c1").reason(), silentCount + " silent");
            assertEquals(ChassisReason.Alive, judged.get("c8").reason());
            // a switch already judged silent stays so when others fall silent together after it
            assertEquals(ChassisReason.NotAnswering, LivenessJudge.judge(eight, new SwitchInventory(views), probes,
                Set.of("openflow:1"), 2, now).get("c1").reason(), silentCount + " silent");
        }
    }

    @Test
    void switchesWaitingTogetherForAnAnswerCountAsFallingSilentBeforeTheyAreOverdue() {
        final int count = 8;
        final Map<String, SwitchView> views = new HashMap<>();
        final ConfigSnapshot eight = connectedChassis(count, views);
        final SwitchInventory inventory = new SwitchInventory(views);
        // dead-after 2.5 s: c1 last answered at 2 s and is overdue at 4.6 s; c5 to c8 answer at once
        final Instant now = T0.plusMillis(4600);
        final Map<String, SwitchProbe> probes = new HashMap<>();
        probes.put("openflow:1", probe(T0, T0.plusSeconds(2)));
        for (int c = 5; c <= count; c++) {
            probes.put("openflow:" + c, probe(T0, now));
        }
        // c2 and c3 fell silent with c1 (one network thread stopped reading) but were asked later: still within
        // dead-after, yet waiting longer than half of it for an answer. With c1 that is three of eight switches on
        // two threads, more than half of a thread's share (two): nobody is declared dead
        probes.put("openflow:2", new SwitchProbe(T0, T0.plusMillis(2600), T0.plusMillis(2600), T0.plusMillis(3300)));
        probes.put("openflow:3", new SwitchProbe(T0, T0.plusMillis(2600), T0.plusMillis(2600), T0.plusMillis(3300)));
        // c4's request has only just gone out: waiting, but not for long, so it is no part of the group
        probes.put("openflow:4", new SwitchProbe(T0, T0.plusMillis(4000), T0.plusMillis(4000), T0.plusMillis(4400)));
        assertEquals(ChassisReason.Alive, LivenessJudge.judge(eight, inventory, probes, Set.of(), 2, now)
            .get("c1").reason());
        // once c3 has answered, c1 and c2 are a group of two, within half of a share: c1 alone is overdue, and dead
        probes.put("openflow:3", probe(T0, now));
        final var judged = LivenessJudge.judge(eight, inventory, probes, Set.of(), 2, now);
        assertEquals(ChassisReason.NotAnswering, judged.get("c1").reason());
        assertEquals(ChassisReason.Alive, judged.get("c2").reason());
    }

    /**
     * Configures chassis c1 to c{count} with datapath ids 1 to count, and puts their connected switches in views.
     */
    private static ConfigSnapshot connectedChassis(final int count, final Map<String, SwitchView> views) {
        final TestOverlay overlay = TestOverlay.base();
        for (int c = 1; c <= count; c++) {
            overlay.withChassis("c" + c, "192.0.2." + c).withDatapathId("c" + c, c);
            views.put("openflow:" + c, new SwitchView("openflow:" + c, Map.of(), true));
        }
        return overlay.snapshot();
    }

    /**
     * A switch whose reply came at once (its request sent when it arrived) and that was asked again at once.
     */
    private static SwitchProbe probe(final Instant connectedAt, final Instant lastReply) {
        return new SwitchProbe(connectedAt, lastReply, lastReply, lastReply == null ? connectedAt : lastReply);
    }

    /**
     * Judges with nothing judged silent before and one network thread per switch (a share of one).
     */
    private static Map<String, ChassisHealth> judgeAll(final ConfigSnapshot config, final SwitchInventory switches,
            final Map<String, SwitchProbe> probes, final Instant now) {
        return LivenessJudge.judge(config, switches, probes, Set.of(), switches.switches().size(), now);
    }

    @Test
    void aSwitchNeverSeenIsNeverConnected() {
        final var judged = judgeAll(config, new SwitchInventory(Map.of("openflow:1",
            new SwitchView("openflow:1", Map.of(), true))), Map.of("openflow:1", probe(T0, T0)), T0);
        assertEquals(ChassisReason.NeverConnected, judged.get("c2").reason());
        assertNull(judged.get("c2").connectedSince());
        assertFalse(judged.get("c2").alive());
    }

    @Test
    void whenEverySwitchIsSilentTheControllerIsTheSuspectAndNobodyDies() {
        // c1 is overdue since 4.5 s; c2's next request (sent when it answered) has not waited long yet
        final Instant now = T0.plusSeconds(5);
        final var judged = judgeAll(config, c1(true), Map.of("openflow:1", probe(T0,
            T0.plusSeconds(2)), "openflow:2", probe(T0, T0.plusSeconds(3))), now);
        assertEquals(ChassisReason.Alive, judged.get("c1").reason());
        assertEquals(ChassisReason.Alive, judged.get("c2").reason());
        // the other switch answered, but less than dead-after after c1's last reply: not enough
        assertEquals(ChassisReason.Alive, judgeAll(config, c1(true), Map.of("openflow:1",
            probe(T0, T0.plusSeconds(2)), "openflow:2", probe(T0, T0.plusMillis(4499))), now)
            .get("c1").reason());
        assertEquals(ChassisReason.NotAnswering, judgeAll(config, c1(true), Map.of("openflow:1",
            probe(T0, T0.plusSeconds(2)), "openflow:2", probe(T0, T0.plusMillis(4500))), now)
            .get("c1").reason());
    }

    @Test
    void aSwitchThatAnsweredWithinDeadAfterIsAlive() {
        final var health = judge(config, c1(true), probe(T0, T0.plusSeconds(1)), T0.plusMillis(3499))
            .get("c1");
        assertEquals(ChassisReason.Alive, health.reason());
        assertTrue(health.alive());
        assertEquals(T0.plusSeconds(1), health.lastSeen());
        assertEquals(T0, health.connectedSince());
        assertEquals("openflow:1", health.nodeId());
    }

    @Test
    void aConnectedSwitchSilentForDeadAfterIsNotAnswering() {
        assertEquals(ChassisReason.NotAnswering, judge(config, c1(true), probe(T0, T0.plusSeconds(1)),
            T0.plusMillis(3500)).get("c1").reason());
    }

    @Test
    void aNewConnectionHasDeadAfterToAnswerItsFirstProbe() {
        final SwitchProbe justConnected = probe(T0, null);
        assertEquals(ChassisReason.Alive, judge(config, c1(true), justConnected, T0.plusMillis(2499)).get("c1")
            .reason());
        assertEquals(ChassisReason.NotAnswering, judge(config, c1(true), justConnected, T0.plusMillis(2500))
            .get("c1").reason());
        // a reply from the previous session does not count for the new one
        assertEquals(T0.plusSeconds(5), probe(T0.plusSeconds(5), T0).lastHeard());
    }

    @Test
    void aClosedConnectionIsDisconnectedAtOnce() {
        final var health = judge(config, c1(false), probe(T0, T0), T0.plusMillis(1)).get("c1");
        assertEquals(ChassisReason.Disconnected, health.reason());
        assertNull(health.connectedSince());
        assertEquals(T0, health.lastSeen());
    }

    @Test
    void anAdminDownChassisIsDrainedNotDead() {
        final ConfigSnapshot drained = TestOverlay.base().withDatapathId("c1", 1).withChassisAdminState("c1", false)
            .snapshot();
        final var health = judge(drained, c1(true), probe(T0, T0), T0.plusSeconds(1)).get("c1");
        assertEquals(ChassisReason.AdminDown, health.reason());
        assertFalse(health.alive());
        // a drained chassis whose switch hangs is dead all the same
        assertEquals(ChassisReason.NotAnswering, judge(drained, c1(true), probe(T0, T0),
            T0.plusSeconds(3)).get("c1").reason());
    }

    @Test
    void deadAfterComesFromTheSettings() {
        final ConfigSnapshot slow = TestOverlay.base().withDatapathId("c1", 1).withLiveness(1000, 10_000).snapshot();
        assertEquals(ChassisReason.Alive, judge(slow, c1(true), probe(T0, T0), T0.plusSeconds(9))
            .get("c1").reason());
        assertEquals(ChassisReason.NotAnswering, judge(slow, c1(true), probe(T0, T0), T0.plusSeconds(10))
            .get("c1").reason());
    }
}
