/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.liveness;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;

/**
 * Decides each configured chassis' liveness from the switch inventory and the probes' replies: a pure function
 * of its inputs and the time, so every rule is unit-tested without a switch.
 *
 * <p>The rules, first match wins: no datapath-id, or a switch not seen since the controller started, is
 * never-connected; a switch the OpenFlowPlugin reports gone is disconnected; a connected switch that leaves a
 * request unanswered and has not answered (nor connected) for dead-after is not-answering, provided another switch
 * answered a request the controller sent at or after that moment, and provided it is not one of more switches
 * falling silent at once than half of one network thread's share of them (or one); a chassis with
 * admin-state-up=false is admin-down;
 * anything else is alive.
 *
 * <p>Why the proviso: an echo request waits in the switch's outbound queue behind the flow-mods the controller is
 * sending it, and a starved controller reads replies late. When a large programming burst or a controller stall
 * silences every switch at once, the silence says nothing about the switches (the 20-chassis lab benchmark saw
 * every switch silent for 12 s while 48,000 flows went out). And a reply merely read after the deadline is not
 * enough: after a stall of the controller's JVM the replies queued during it are read in any order (at 100
 * chassis, 75 switches were declared dead and alive again within the same second that way); a request sent after
 * the deadline and answered proves that the controller works again and has read what was queued. Many switches
 * silent at once while others answer points at a shared cause as well: the OpenFlowPlugin serves the switches'
 * connections from a few network threads (as many as its settings say, netty's twice the cores when
 * they are silent; this distribution sets 16), and one busy writing flow-mods reads none of its
 * switches' replies (at 100 chassis, while 208,000 flows went out, groups of exactly 25, 50 or 75 switches of
 * the 100 went silent for about 3 s while the others answered). A hung switch among working ones is still found
 * within dead-after and one round trip: once it is overdue, the monitor asks a few other switches at once for a
 * witness reply ({@link #awaitsWitness}). A lone switch, or several hanging at the same moment, is found only
 * through the OpenFlow session (disconnected, the OpenFlowPlugin's own echo).
 */
final class LivenessJudge {
    private LivenessJudge() {
        // pure functions
    }

    /**
     * Judges every configured chassis.
     *
     * @param alreadySilent the nodes judged not-answering last time: their silence is not news
     * @param networkThreads how many network threads serve the switches' connections (see {@link #silent})
     */
    static Map<String, ChassisHealth> judge(final ConfigSnapshot config, final SwitchInventory inventory,
            final Map<String, SwitchProbe> probes, final Set<String> alreadySilent, final int networkThreads,
            final Instant now) {
        final Set<String> silent = silent(config, inventory, probes, alreadySilent, networkThreads, now);
        final Map<String, ChassisHealth> out = new HashMap<>();
        for (Chassis chassis : config.chassis().values()) {
            final String name = chassis.getName().getValue();
            final String nodeId = SwitchInventory.nodeIdOf(chassis).orElse(null);
            final Optional<SwitchView> view = inventory.switchOf(chassis);
            final SwitchProbe probe = nodeId == null ? null : probes.get(nodeId);
            final ChassisReason reason;
            if (view.isEmpty()) {
                reason = ChassisReason.NeverConnected;
            } else if (!view.orElseThrow().connected()) {
                reason = ChassisReason.Disconnected;
            } else if (silent.contains(nodeId)) {
                reason = ChassisReason.NotAnswering;
            } else if (Boolean.FALSE.equals(chassis.getAdminStateUp())) {
                reason = ChassisReason.AdminDown;
            } else {
                reason = ChassisReason.Alive;
            }
            final boolean connected = view.isPresent() && view.orElseThrow().connected();
            out.put(name, new ChassisHealth(name, nodeId, reason, probe == null ? null : probe.lastHeard(),
                connected && probe != null ? probe.connectedAt() : null));
        }
        return out;
    }

    /**
     * The connected switches whose silence has reached dead-after with a witness answering after it. When more
     * switches than half of one network thread's share fall silent anew at once (overdue, or waiting half of
     * dead-after for an answer), none of them is: a network
     * thread busy writing flow-mods reads none of its switches' replies, and at 100 chassis on 4 threads the lab saw
     * switches go silent together in groups of exactly 25, 50 and 75. Those already judged silent stay so.
     */
    private static Set<String> silent(final ConfigSnapshot config, final SwitchInventory inventory,
            final Map<String, SwitchProbe> probes, final Set<String> alreadySilent, final int networkThreads,
            final Instant now) {
        final Instant witnessed = witnessed(probes);
        final Set<String> connected = inventory.switches().values().stream().filter(SwitchView::connected)
            .map(SwitchView::nodeId).collect(Collectors.toSet());
        final Set<String> silent = connected.stream().filter(nodeId -> {
            final SwitchProbe probe = probes.get(nodeId);
            final Instant deadline = probe == null ? null : probe.deadline(config.probeInterval(), config.deadAfter());
            return deadline != null && !deadline.isAfter(now) && !deadline.isAfter(witnessed);
        }).collect(Collectors.toSet());
        // falling silent together: overdue, or already waiting half of dead-after for an answer. A network thread
        // that stops reading silences its switches at once, but each reaches its deadline at its own time (their
        // probes go out up to a probe-interval apart): counting only the overdue ones would see the first few of a
        // group as a small group of real deaths (11 of one thread's 25 switches at 100 chassis)
        final Duration halfDeadAfter = config.deadAfter().dividedBy(2);
        final long anew = connected.stream().filter(nodeId -> !alreadySilent.contains(nodeId))
            .filter(nodeId -> silent.contains(nodeId) || waiting(probes.get(nodeId), halfDeadAfter, now)).count();
        if (anew > Math.max(1, connected.size() / (2 * Math.max(1, networkThreads)))) {
            return silent.stream().filter(alreadySilent::contains).collect(Collectors.toSet());
        }
        return silent;
    }

    private static boolean waiting(final SwitchProbe probe, final Duration atLeast, final Instant now) {
        return probe != null && probe.unansweredSince() != null && !probe.unansweredSince().plus(atLeast).isAfter(now);
    }

    /**
     * Whether a connected switch has been silent for dead-after while no switch has answered a request sent since:
     * the one case where {@link #judge} waits for evidence that the controller itself still hears switches.
     */
    static boolean awaitsWitness(final Map<String, SwitchProbe> probes, final Set<String> connected,
            final Duration probeInterval, final Duration deadAfter, final Instant now) {
        final Instant witnessed = witnessed(probes);
        return connected.stream().map(probes::get).filter(Objects::nonNull)
            .map(probe -> probe.deadline(probeInterval, deadAfter)).filter(Objects::nonNull)
            .anyMatch(deadline -> !deadline.isAfter(now) && witnessed.isBefore(deadline));
    }

    private static Instant witnessed(final Map<String, SwitchProbe> probes) {
        return probes.values().stream().map(SwitchProbe::witnessedFrom).max(Instant::compareTo).orElse(Instant.MIN);
    }
}
