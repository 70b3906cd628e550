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
import org.opendaylight.liveflow.it.lab.OvnCentral;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OVN's side of the lab benchmark, not part of the test command (it/scale-benchmark part {@code ovn-programming}):
 * the same overlay as {@link LabBenchmark} (20 chassis x 50 VM ports, 50 networks with one port on every chassis)
 * written into OVN 23.03's northbound database in one transaction, on the same lab (one ovsdb-server, ovs-vswitchd
 * and ovn-controller per chassis, every VM interface plugged first, as liveflow's are). Times the write until
 * {@code ovn-nbctl --wait=hv sync} returns (every ovn-controller has installed what that write asked for), and
 * until the last flow installed on any switch, from the switches' own flow ages.
 */
class OvnProgrammingBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(OvnProgrammingBenchmark.class);
    private static final int CHASSIS = Integer.getInteger("liveflow.bench.chassis", 20);
    private static final int PORTS_PER_CHASSIS = Integer.getInteger("liveflow.bench.ports", 50);

    @Test
    void northboundToFlowsOnEverySwitch() throws Exception {
        final Path dir = Path.of(System.getProperty("liveflow.it.workdir", "target/karaf-runs"), "ovn-programming");
        final String[] names = new String[CHASSIS];
        for (int c = 1; c <= CHASSIS; c++) {
            names[c - 1] = "c" + c;
        }
        try (OvnCentral central = OvnCentral.start(dir.resolve("central"));
             OvsLab lab = OvsLab.startForOvn(dir.resolve("chassis"), central.southbound(), names)) {
            for (OvsChassis node : lab.allChassis()) {
                for (int p = 1; p <= PORTS_PER_CHASSIS; p++) {
                    node.addVmPort(portId(node.datapathId(), p), p);
                }
            }
            central.awaitChassis(CHASSIS, Duration.ofMinutes(5));
            central.nbctl("--wait=hv", "--timeout=300", "sync");
            int before = 0;
            for (OvsChassis node : lab.allChassis()) {
                before += node.flows().size();
            }

            final Instant start = Instant.now();
            central.nbctl(northbound(lab).toArray(String[]::new));
            final Instant written = Instant.now();
            central.nbctl("--wait=hv", "--timeout=600", "sync");
            final Instant synced = Instant.now();
            Instant last = Instant.EPOCH;
            int flows = 0;
            for (OvsChassis node : lab.allChassis()) {
                final Instant dumped = Instant.now();
                final var durations = node.flowDurations();
                flows += node.flows().size();
                final double youngest = durations.values().stream().mapToDouble(Double::doubleValue).min()
                    .orElseThrow();
                final Instant installed = dumped.minusMillis(Math.round(youngest * 1000));
                last = installed.isAfter(last) ? installed : last;
            }
            final long bound = central.sbctl("--bare", "--columns=chassis", "list", "port_binding").lines()
                .filter(line -> !line.isBlank()).count();
            assertEquals((long) CHASSIS * PORTS_PER_CHASSIS, bound, "every VM port bound to its chassis");
            LOG.info(String.format("OVN programming: %d chassis x %d ports, %d flows on the switches (%d before the "
                    + "write); northbound write %.2f s; write to `ovn-nbctl --wait=hv sync` returning %.2f s; to the "
                    + "last flow installed on any switch (the switches' own flow ages) %.2f s = %.0f flows/s",
                CHASSIS, PORTS_PER_CHASSIS, flows, before, Duration.between(start, written).toMillis() / 1000.0,
                Duration.between(start, synced).toMillis() / 1000.0,
                Duration.between(start, last).toMillis() / 1000.0,
                flows / (Duration.between(start, last).toMillis() / 1000.0)));
        }
    }

    /**
     * The whole overlay as one ovn-nbctl transaction: a logical switch per network, with one port on every chassis
     * (its MAC and IP, bound where its interface is with requested-chassis), as LabBenchmark writes it to liveflow.
     */
    private static List<String> northbound(final OvsLab lab) {
        final List<String> out = new ArrayList<>();
        for (int n = 1; n <= PORTS_PER_CHASSIS; n++) {
            final String network = "net" + n;
            out.addAll(List.of("--", "ls-add", network));
            for (OvsChassis node : lab.allChassis()) {
                final long c = node.datapathId();
                final String port = portId(c, n);
                out.addAll(List.of("--", "lsp-add", network, port, "--", "lsp-set-addresses", port,
                    String.format("fa:16:3e:%02x:%02x:01 10.%d.0.%d", c, n, n, c + 10), "--", "lsp-set-options", port,
                    "requested-chassis=" + node.name()));
            }
        }
        return out.subList(1, out.size());
    }

    private static String portId(final long chassis, final int port) {
        return "vm" + chassis + "-" + port;
    }
}
