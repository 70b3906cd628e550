/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.it.lab.BystanderSwitches;
import org.opendaylight.liveflow.it.lab.OvnBystanders;
import org.opendaylight.liveflow.it.lab.OvnCentral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OVN's side of {@link ProgrammingScaleBenchmark}, not part of the test command (it/scale-benchmark part
 * {@code ovn-programming-scale}): 100 chassis x 100 VM ports, the same overlay (port p on chassis p mod 100 at VM
 * interface p / 100 + 1, in network p / 20, so each network's 20 ports are on 20 chassis), on OVN 23.03. Every
 * chassis is an ovn-controller of its own with its own bridge (OVN's chassis-specific settings, {@link
 * OvnBystanders}), 34 to an ovs-vswitchd (OVN allows 37), in OVN's default transport zone, so each has a tunnel to
 * every other as liveflow's do. Every VM interface is plugged first. The overlay is written to the northbound
 * database in transactions of 50 networks (one transaction of all 10,000 ports does not fit a command line), one
 * after the other; timed from the first until {@code ovn-nbctl --wait=hv sync} returns (every ovn-controller has
 * installed what the writes asked for) and until the last flow installed on any switch, from the switches' own
 * flow ages.
 */
class OvnProgrammingScaleBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(OvnProgrammingScaleBenchmark.class);
    private static final int CHASSIS = Integer.getInteger("scale.programming.chassis", 100);
    private static final int PORTS_PER_CHASSIS = Integer.getInteger("scale.programming.ports", 100);
    private static final int PORTS_PER_NETWORK = 20;
    private static final int NETWORKS_PER_TRANSACTION = 50;
    /** ovn-controllers to an ovs-vswitchd: OVN 23.03 gives out 37 controller indices per database. */
    private static final int CHASSIS_PER_PROCESS = 34;
    private static final Duration TIMEOUT = Duration.ofMinutes(40);

    @Test
    void northboundToFlowsOnEverySwitch() throws Exception {
        final Path dir = Path.of(System.getProperty("liveflow.it.workdir", "target/karaf-runs"),
            "ovn-programming-scale");
        try (OvnCentral central = OvnCentral.start(dir.resolve("central"));
             OvnBystanders chassis = OvnBystanders.plan(dir.resolve("chassis"), CHASSIS, CHASSIS_PER_PROCESS)) {
            final List<OvnBystanders.Bystander> all = chassis.all();
            final Instant made = Instant.now();
            chassis.start(central.southbound(), PORTS_PER_CHASSIS, (each, vm) -> portName(
                (vm - 1) * CHASSIS + all.indexOf(each)), false);
            central.awaitChassis(CHASSIS, Duration.ofMinutes(10));
            central.nbctl("--wait=hv", "--timeout=600", "sync");
            // the full mesh liveflow's chassis have: every ovn-controller made a tunnel to each other chassis
            final Instant meshDeadline = Instant.now().plus(Duration.ofMinutes(10));
            while (chassis.tunnels() < (long) CHASSIS * (CHASSIS - 1)) {
                if (Instant.now().isAfter(meshDeadline)) {
                    throw new AssertionError("tunnels: " + chassis.tunnels() + " of " + CHASSIS * (CHASSIS - 1));
                }
                Thread.sleep(500);
            }
            final Instant ready = Instant.now();
            int before = 0;
            for (OvnBystanders.Bystander each : all) {
                before += chassis.flows(each).size();
            }

            final Instant start = Instant.now();
            final List<List<String>> transactions = northbound(all);
            for (List<String> transaction : transactions) {
                central.nbctl(transaction.toArray(String[]::new));
            }
            final Instant written = Instant.now();
            central.nbctl("--wait=hv", "--timeout=" + TIMEOUT.toSeconds(), "sync");
            final Instant synced = Instant.now();
            Instant last = Instant.EPOCH;
            int flows = 0;
            for (OvnBystanders.Bystander each : all) {
                final Instant dumped = Instant.now();
                final List<String> held = chassis.flows(each);
                flows += held.size();
                final Instant installed = dumped.minusMillis(Math.round(BystanderSwitches.youngest(held, "") * 1000));
                last = installed.isAfter(last) ? installed : last;
            }
            final long bound = central.sbctl("--bare", "--columns=chassis", "find", "port_binding", "type=\"\"")
                .lines().filter(line -> !line.isBlank()).count();
            assertEquals((long) CHASSIS * PORTS_PER_CHASSIS, bound, "every VM port bound to its chassis");
            final double seconds = Duration.between(start, last).toMillis() / 1000.0;
            LOG.info(String.format("OVN programming at scale: %d chassis x %d ports (%d ovn-controllers, %d to an "
                    + "ovs-vswitchd, each with a tunnel to every other), made and synced in %.1f s; %d flows on the "
                    + "switches before the write, %d after; northbound writes (%d transactions) %.2f s; to "
                    + "`ovn-nbctl --wait=hv sync` returning %.2f s; to the last flow installed on any switch (the "
                    + "switches' own flow ages) %.2f s = %.0f flows/s",
                CHASSIS, PORTS_PER_CHASSIS, CHASSIS, CHASSIS_PER_PROCESS,
                Duration.between(made, ready).toMillis() / 1000.0, before, flows, transactions.size(),
                Duration.between(start, written).toMillis() / 1000.0,
                Duration.between(start, synced).toMillis() / 1000.0, seconds, (flows - before) / seconds));
        }
    }

    /**
     * The overlay as ovn-nbctl transactions of {@link #NETWORKS_PER_TRANSACTION} networks: a logical switch per
     * network with its 20 ports (MAC and IP as ProgrammingScaleBenchmark gives them, bound where their interface
     * is with requested-chassis).
     */
    private static List<List<String>> northbound(final List<OvnBystanders.Bystander> all) {
        final List<List<String>> out = new ArrayList<>();
        final int networks = CHASSIS * PORTS_PER_CHASSIS / PORTS_PER_NETWORK;
        for (int first = 0; first < networks; first += NETWORKS_PER_TRANSACTION) {
            final List<String> transaction = new ArrayList<>();
            for (int n = first; n < Math.min(networks, first + NETWORKS_PER_TRANSACTION); n++) {
                transaction.addAll(List.of("--", "ls-add", "net" + n));
                for (int p = n * PORTS_PER_NETWORK; p < (n + 1) * PORTS_PER_NETWORK; p++) {
                    final String port = portName(p);
                    transaction.addAll(List.of("--", "lsp-add", "net" + n, port, "--", "lsp-set-addresses", port,
                        String.format("fa:16:3e:%02x:%02x:%02x 10.%d.%d.%d", p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff,
                            n >> 8 & 0xff, n & 0xff, p % PORTS_PER_NETWORK + 10),
                        "--", "lsp-set-options", port, "requested-chassis=" + all.get(p % CHASSIS).name()));
                }
            }
            out.add(transaction.subList(1, transaction.size()));
        }
        return out;
    }

    private static String portName(final int port) {
        return "p" + port;
    }
}
