/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What TLS costs: each of N chassis (default 20) reconnecting in turn, and one switch restarted without its flows
 * and re-sent them, first over plain TCP, then over TLS, each against a controller of its own. The lab's chassis
 * have liveflow's pipeline only (no ports), so the re-sent switch has a handful of flows. Not part of the test
 * command: {@code ./mvnw -B -o verify -f it/pom.xml -Dit.test=TlsBenchmark -Dliveflow.bench.chassis=20}.
 */
class TlsBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(TlsBenchmark.class);
    private static final int CHASSIS = Integer.getInteger("liveflow.bench.chassis", 20);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private record Figures(long reconnectP50, long reconnectMax, Duration resync, int flows) {
    }

    @Test
    void reconnectAndResyncOverTlsAgainstTcp() throws Exception {
        System.setProperty("liveflow.it.quiet", "true");
        final Figures tcp = measure(false);
        final Figures tls = measure(true);
        LOG.info("TLS against TCP, {} chassis: a switch's reconnection, from setting its target until Open vSwitch "
            + "says connected, p50/max over the chassis: TCP {}/{} ms, TLS {}/{} ms; one switch restarted without its "
            + "{} flows until they are all back: TCP {} ms, TLS {} ms", CHASSIS, tcp.reconnectP50(),
            tcp.reconnectMax(), tls.reconnectP50(), tls.reconnectMax(), tls.flows(), tcp.resync().toMillis(),
            tls.resync().toMillis());
    }

    private static Figures measure(final boolean overTls) throws Exception {
        final List<String> names = new ArrayList<>();
        for (int c = 1; c <= CHASSIS; c++) {
            names.add("c" + c);
        }
        final String kind = overTls ? "tls" : "tcp";
        Files.createDirectories(Path.of("target"));
        final Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), kind + "-bench-");
        final Path ca = work.resolve("ca");
        if (overTls) {
            KarafInstance.karafScript("tls-ca", "init", ca.toString());
        }
        try (KarafInstance karaf = overTls ? KarafInstance.startWithTls(kind + "-benchmark", ca)
                : KarafInstance.start(kind + "-benchmark", UnaryOperator.identity(), true);
             OvsLab lab = overTls ? OvsLab.startJoinedBy(work.resolve("lab"), karaf.labController(),
                 node -> TlsIT.joinWithCertificateOf(ca, karaf.labController(), node),
                 names.toArray(String[]::new))
                 : OvsLab.start(work.resolve("lab"), karaf.labController(), names.toArray(String[]::new))) {
            final OvsChassis first = lab.chassis("c1");
            awaitAllAliveSince(karaf, Instant.EPOCH);
            final int flows = LabBenchmark.expectedFlowCounts(karaf, lab).get(first.name());
            TlsIT.awaitTrue(() -> first.flows().size() >= flows, TIMEOUT,
                "c1 does not hold its " + flows + " flows");

            // one switch at a time, from setting its target again until Open vSwitch says it is connected (a switch
            // back within a fraction of a second is never seen gone by the inventory)
            final List<Long> reconnects = new ArrayList<>();
            for (OvsChassis node : lab.allChassis()) {
                final Instant reconnecting = node.reconnectController();
                TlsIT.awaitTrue(() -> node.controllerConnection().matches("(?s).*is_connected\\s*:\\s*true.*"),
                    TIMEOUT, node.name() + " not connected again");
                reconnects.add(Duration.between(reconnecting, Instant.now()).toMillis());
            }
            Collections.sort(reconnects);
            first.stopSwitch();
            first.startSwitch();
            final Instant restarted = Instant.now();
            TlsIT.awaitTrue(() -> first.flows().size() >= flows, TIMEOUT, "c1 did not get its flows back");
            return new Figures(reconnects.get(reconnects.size() / 2), reconnects.get(reconnects.size() - 1),
                Duration.between(restarted, Instant.now()), flows);
        }
    }

    /** Waits until liveflow reports every chassis alive on a connection it saw taken in after {@code since}. */
    private static void awaitAllAliveSince(final KarafInstance karaf, final Instant since) throws Exception {
        TlsIT.awaitTrue(() -> {
            final JsonNode status = karaf.restconf().get("/rests/data/liveflow:chassis-status?content=nonconfig")
                .json().path("liveflow:chassis-status").path("chassis");
            int alive = 0;
            for (JsonNode chassis : status) {
                final String connected = chassis.path("connected-since").asText("");
                if ("alive".equals(chassis.path("reason").asText()) && !connected.isEmpty()
                        && Instant.parse(connected).isAfter(since)) {
                    alive++;
                }
            }
            return alive == CHASSIS;
        }, TIMEOUT, "not every chassis alive again");
    }
}
