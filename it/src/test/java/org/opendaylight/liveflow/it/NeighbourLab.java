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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;

/**
 * The migration lab the migration and cluster tests share: VM "vm" of net-a and its neighbours "s1" on c1, "d2" on
 * c2 and "r3" on c3, whose MAC and address derive from their names; what each VM port delivered, what the switches
 * hold, and the delivery groups a migration adds.
 */
final class NeighbourLab {
    /** The VM ports whose deliveries the tests count. */
    static final List<String> PORTS = List.of("vm", "s1", "d2", "r3");

    /** Something that sends packets. */
    interface Sender {
        void send() throws IOException;
    }

    private NeighbourLab() {
        // static helpers
    }

    static String mac(final String neighbour) {
        return "fa:16:3e:0a:00:" + neighbour.charAt(1) + neighbour.charAt(1);
    }

    static String ip(final String neighbour) {
        return "10.1.0." + neighbour.charAt(1) + neighbour.charAt(1);
    }

    /**
     * Sends, then waits until exactly the expected VM ports ("chassis/port") got the expected number of extra
     * frames.
     */
    static void assertDelivered(final OvsLab lab, final Map<String, Long> expected, final Sender sender)
            throws Exception {
        final Map<String, Long> before = delivered(lab);
        sender.send();
        Deliveries.awaitExactly(() -> delivered(lab), before, expected);
    }

    /**
     * Returns how many frames each VM port of the lab delivered, by "chassis/port".
     */
    static Map<String, Long> delivered(final OvsLab lab) throws IOException {
        final Map<String, Long> counts = new HashMap<>();
        for (OvsChassis node : lab.allChassis()) {
            for (String port : PORTS) {
                if (node.hasPort(port)) {
                    counts.put(node.name() + "/" + port, node.deliveredFrames(port));
                }
            }
        }
        return counts;
    }

    /**
     * Returns every switch's flows (without counters) and groups, by chassis and "chassis groups".
     */
    static Map<String, List<String>> rules(final OvsLab lab) throws IOException {
        final Map<String, List<String>> out = new HashMap<>();
        for (OvsChassis node : lab.allChassis()) {
            out.put(node.name(), node.flowRules());
            out.put(node.name() + " groups", node.groups().lines().filter(line -> line.contains("group_id="))
                .sorted().toList());
        }
        return out;
    }

    /**
     * Returns the ids of the groups above the flood groups: those that deliver a migrating port to two places.
     */
    static List<Long> deliveryGroups(final OvsChassis node) throws IOException {
        return node.groups().lines().filter(line -> line.contains("group_id="))
            .map(line -> Long.parseLong(line.substring(line.indexOf("group_id=") + 9).split(",")[0]))
            .filter(id -> id >= 0x4000_0000L).toList();
    }

    /**
     * Waits until no switch holds a delivery group any more: once switched, the pass after the activation deletes
     * them last, after the flows and groups it rewrites.
     */
    static void awaitNoDeliveryGroup(final OvsLab lab, final Duration patience) throws Exception {
        final Instant deadline = Instant.now().plus(patience);
        for (OvsChassis node : lab.allChassis()) {
            while (!deliveryGroups(node).isEmpty()) {
                assertTrue(Instant.now().isBefore(deadline), node.name() + " keeps delivery groups "
                    + deliveryGroups(node));
                Thread.sleep(100);
            }
        }
    }
}
