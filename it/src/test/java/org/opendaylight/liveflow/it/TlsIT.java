/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.it.lab.LabController;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenFlow over TLS, set up the way the README tells an operator: {@code karaf/tls-ca init} makes the CA and the
 * controller's stores, {@code karaf/tls-ca configure} turns the distribution's OpenFlow listeners to TLS, {@code
 * karaf/tls-ca chassis} makes each chassis' certificate and {@code liveflow-chassis join --ssl-*} joins with it.
 * Chassis with the controller's certificates connect and are programmed; a switch with a certificate of another
 * CA, and one without TLS, are refused while they keep trying; so is a switch whose certificate (of the right CA)
 * names another chassis than the one whose datapath id it presents.
 */
class TlsIT {
    private static final Logger LOG = LoggerFactory.getLogger(TlsIT.class);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** How many more attempts of each refused switch are watched (OVS backs off up to 8 s between attempts). */
    private static final int RETRIES = 2;

    private static Path work;
    private static Path tls;
    private static Path otherCa;
    private static KarafInstance karaf;
    private static OvsLab lab;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(Path.of("target"));
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tls-it-");
        tls = work.resolve("ca");
        otherCa = work.resolve("other-ca");
        KarafInstance.karafScript("tls-ca", "init", tls.toString());
        KarafInstance.karafScript("tls-ca", "init", otherCa.toString());
        KarafInstance.karafScript("tls-ca", "chassis", otherCa.toString(), "c3");
        karaf = KarafInstance.startWithTls("tls", tls);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void chassisWithTheControllersCertificatesConnectAndOthersAreRefused() throws Exception {
        final LabController controller = karaf.labController();
        final Instant joined = Instant.now();
        lab = OvsLab.startJoinedBy(work.resolve("lab"), controller,
            node -> joinWithCertificateOf(tls, controller, node), "c1", "c2");
        awaitReasons(Map.of("c1", "alive", "c2", "alive"));
        final Duration connected = Duration.between(joined, Instant.now());
        // programmed over TLS: each holds liveflow's pipeline and its tunnel to the other
        for (String name : new String[] {"c1", "c2"}) {
            final OvsChassis node = lab.chassis(name);
            awaitTrue(() -> node.flows().stream().anyMatch(flow -> flow.contains("table=0")),
                name + " holds no flow over TLS");
        }
        final Duration programmed = Duration.between(joined, Instant.now());

        final OvsChassis untrusted = lab.addChassisJoinedBy("c3", node -> node.joinWithTls(controller,
            otherCa.resolve("chassis/c3.key"), otherCa.resolve("chassis/c3.crt"), otherCa.resolve("ca.crt")));
        final OvsChassis plain = lab.addChassisJoinedBy("c4", node -> node.join(controller, "vxlan"));
        // both try, and Open vSwitch says each attempt failed: the refusal is the controller's, not a silence
        for (OvsChassis node : new OvsChassis[] {untrusted, plain}) {
            awaitTrue(() -> node.controllerConnection().contains("last_error="),
                node.name() + " never reported a failed attempt: " + node.controllerConnection());
        }
        // refused, not silent: each keeps trying, and every further attempt is refused too
        final Map<OvsChassis, Long> attempts = Map.of(untrusted, untrusted.connectionAttempts(), plain,
            plain.connectionAttempts());
        awaitTrue(() -> {
            assertEquals(Map.of("c1", "alive", "c2", "alive", "c3", "never-connected", "c4", "never-connected"),
                reasons(), "while the untrusted switches retried");
            for (OvsChassis node : attempts.keySet()) {
                assertFalse(node.controllerConnection().matches("(?s).*is_connected\\s*:\\s*true.*"),
                    node.controllerConnection());
            }
            for (Map.Entry<OvsChassis, Long> before : attempts.entrySet()) {
                if (before.getKey().connectionAttempts() < before.getValue() + RETRIES) {
                    return false;
                }
            }
            return true;
        }, "the refused switches did not try " + RETRIES + " more times");
        // a certificate of the controller's CA proves the switch is the operator's, and its name which chassis it
        // is: one made for c5 that presents c1's datapath id is refused, however often it tries
        KarafInstance.karafScript("tls-ca", "chassis", tls.toString(), "c5");
        final long c1 = lab.chassis("c1").datapathId();
        final OvsChassis stranger = lab.addChassisJoinedBy("c5", node -> node.impersonateWithTls(controller, c1,
            tls.resolve("chassis/c5.key"), tls.resolve("chassis/c5.crt"), tls.resolve("ca.crt")));
        final long strangerAttempts = stranger.connectionAttempts();
        awaitTrue(() -> stranger.connectionAttempts() >= strangerAttempts + RETRIES
            && karaf.shell().execute("liveflow:chassis-show c1").contains("certificate of 'c5' presents datapath id "
                + c1 + " of chassis 'c1'"), "the switch with c5's certificate and c1's datapath id was not refused");
        assertFalse(stranger.controllerConnection().matches("(?s).*is_connected\\s*:\\s*true.*"),
            stranger.controllerConnection());
        assertEquals("alive", reasons().get("c1"), "c1 after the switch with c5's certificate tried");
        LOG.info("TLS: 2 chassis joined with the controller's certificates, alive after {} ms and programmed after "
            + "{} ms; a switch with another CA's certificate ({}) and one without TLS ({}) refused, {} more attempts "
            + "each",
            connected.toMillis(), programmed.toMillis(), status(untrusted), status(plain), RETRIES);
    }

    /**
     * Joins {@code node} over TLS with a certificate {@code karaf/tls-ca chassis} makes for it from {@code ca}.
     */
    static void joinWithCertificateOf(final Path ca, final LabController controller,
            final OvsChassis node) throws IOException {
        try {
            KarafInstance.karafScript("tls-ca", "chassis", ca.toString(), node.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        node.joinWithTls(controller, ca.resolve("chassis/" + node.name() + ".key"),
            ca.resolve("chassis/" + node.name() + ".crt"), ca.resolve("ca.crt"));
    }

    private static String status(final OvsChassis node) throws IOException {
        final String connection = node.controllerConnection();
        final int at = connection.indexOf("last_error=");
        return at < 0 ? connection : connection.substring(at, Math.min(connection.length(), at + 60)).split(",")[0];
    }

    private static void awaitReasons(final Map<String, String> expected) throws Exception {
        final Instant deadline = Instant.now().plus(PATIENCE);
        Map<String, String> seen = reasons();
        while (!seen.entrySet().containsAll(expected.entrySet())) {
            assertTrue(Instant.now().isBefore(deadline), "chassis not " + expected + " after " + PATIENCE + ": "
                + seen);
            Thread.sleep(200);
            seen = reasons();
        }
    }

    private static Map<String, String> reasons() throws IOException {
        final Map<String, String> out = new TreeMap<>();
        final JsonNode status = karaf.restconf().get("/rests/data/liveflow:chassis-status?content=nonconfig").json();
        for (JsonNode chassis : status.path("liveflow:chassis-status").path("chassis")) {
            out.put(chassis.path("name").asText(), chassis.path("reason").asText());
        }
        return out;
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(final Check check, final String failure) throws Exception {
        awaitTrue(check, PATIENCE, failure);
    }

    static void awaitTrue(final Check check, final Duration patience, final String failure) throws Exception {
        final Instant deadline = Instant.now().plus(patience);
        while (!check.holds()) {
            assertTrue(Instant.now().isBefore(deadline), failure);
            Thread.sleep(200);
        }
    }
}
