/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;

/**
 * What the lab tests do over RESTCONF: write the overlay, read chassis and migration state, call RPCs.
 */
final class OverlayClient {
    static final String OVERLAY = "/rests/data/liveflow:overlay";

    private final Restconf restconf;

    OverlayClient(final Restconf restconf) {
        this.restconf = restconf;
    }

    Restconf restconf() {
        return restconf;
    }

    void put(final String path, final String list, final String entry) throws IOException {
        final Restconf.Response response = restconf.put(OVERLAY + path, wrap(list, entry));
        assertTrue(response.status() == 201 || response.status() == 204, path + ": " + response.body());
    }

    /**
     * Writes tenant ta with network net-a (VNI 101) and its subnet sa 10.1.0.0/24: the lab tests' usual network.
     */
    void putNetA() throws IOException {
        put("/tenants/tenant=ta", "tenant", "{\"id\": \"ta\"}");
        put("/networks/network=net-a", "network",
            "{\"id\": \"net-a\", \"tenant\": \"ta\", \"segmentation-id\": 101}");
        put("/subnets/subnet=sa", "subnet",
            "{\"id\": \"sa\", \"tenant\": \"ta\", \"network\": \"net-a\", \"cidr\": \"10.1.0.0/24\"}");
    }

    /**
     * Writes tenant t1 with network net1 (VNI 1001) and its subnet s1 of the given prefix, gateway its first
     * address: what tests that only need somewhere to put ports start from.
     */
    void putTenantNetworkAndSubnet(final String cidr, final String gateway) throws IOException {
        put("/tenants/tenant=t1", "tenant", "{\"id\": \"t1\"}");
        put("/networks/network=net1", "network", "{\"id\": \"net1\", \"tenant\": \"t1\", \"segmentation-id\": 1001}");
        put("/subnets/subnet=s1", "subnet", "{\"id\": \"s1\", \"tenant\": \"t1\", \"network\": \"net1\", "
            + "\"cidr\": \"" + cidr + "\", \"gateway-ip\": \"" + gateway + "\"}");
    }

    /**
     * The body of a write of one list entry.
     */
    static String wrap(final String list, final String entry) {
        return "{\"liveflow:" + list + "\": [" + entry + "]}";
    }

    /**
     * A port of net1 on subnet s1 (see {@link #putTenantNetworkAndSubnet}), bound to no chassis.
     */
    static String unboundPort(final String id, final String mac, final String ip) {
        return "{\"id\": \"" + id + "\", \"tenant\": \"t1\", \"network\": \"net1\", \"mac-address\": \"" + mac
            + "\", \"fixed-ip\": [{\"ip-address\": \"" + ip + "\", \"subnet\": \"s1\"}]}";
    }

    void putChassis(final OvsChassis node) throws IOException {
        put("/chassis-registry/chassis=" + node.name(), "chassis", "{\"name\": \"" + node.name()
            + "\", \"tunnel-ip\": \"" + node.underlayIp() + "\", \"datapath-id\": " + node.datapathId() + "}");
    }

    static String vm(final String id, final String tenant, final String network, final String subnet,
            final String mac, final String ip, final String chassis) {
        return "{\"id\": \"" + id + "\", \"tenant\": \"" + tenant + "\", \"network\": \"" + network
            + "\", \"mac-address\": \"" + mac + "\", \"fixed-ip\": [{\"ip-address\": \"" + ip
            + "\", \"subnet\": \"" + subnet + "\"}], \"binding-chassis\": \"" + chassis + "\"}";
    }

    /**
     * Returns the port's operational migration record, or a missing node.
     */
    JsonNode migration(final String port) throws IOException {
        final Restconf.Response response = restconf.get("/rests/data/liveflow:migrations/migration=" + port
            + "?content=nonconfig");
        return response.status() == 200 ? response.json().path("liveflow:migration").path(0)
            : MissingNode.getInstance();
    }

    /**
     * Returns the port's entry in the migration journal liveflow resumes from (configuration datastore), or a
     * missing node.
     */
    JsonNode journalEntry(final String port) throws IOException {
        final Restconf.Response response = restconf.get("/rests/data/liveflow:migration-journal/port-migration="
            + port + "?content=config");
        return response.status() == 200 ? response.json().path("liveflow:port-migration").path(0)
            : MissingNode.getInstance();
    }

    /**
     * Waits until the port's migration record satisfies every "leaf=value" given; returns it.
     */
    JsonNode awaitMigration(final String port, final Duration patience, final String... leafValues)
            throws Exception {
        final Instant deadline = Instant.now().plus(patience);
        while (true) {
            final JsonNode record = migration(port);
            boolean all = true;
            for (String leafValue : leafValues) {
                final String[] pair = leafValue.split("=", 2);
                all &= pair[1].equals(record.path(pair[0]).asText());
            }
            if (all) {
                return record;
            }
            assertTrue(Instant.now().isBefore(deadline), port + " never had " + String.join(", ", leafValues)
                + ": " + record);
            Thread.sleep(100);
        }
    }

    /**
     * Returns the cause of a migration record's last transition.
     */
    static String lastCause(final JsonNode migration) {
        long last = -1;
        String cause = "";
        for (JsonNode step : migration.path("transition")) {
            if (step.path("sequence").asLong() > last) {
                last = step.path("sequence").asLong();
                cause = step.path("cause").asText();
            }
        }
        return cause;
    }

    /**
     * Returns a chassis' operational status (alive, reason, changed-at, ...), or a missing node.
     */
    JsonNode chassisStatus(final String chassis) throws IOException {
        final Restconf.Response response = restconf.get("/rests/data/liveflow:chassis-status/chassis=" + chassis
            + "?content=nonconfig");
        return response.status() == 200 ? response.json().path("liveflow:chassis").path(0)
            : MissingNode.getInstance();
    }

    Restconf.Response rpc(final String name, final String input) throws IOException {
        return restconf.post("/rests/operations/liveflow:" + name, "{\"input\": " + input + "}");
    }

    boolean allChassisAlive(final int count) throws IOException {
        final Restconf.Response status = restconf.get("/rests/data/liveflow:chassis-status?content=nonconfig");
        if (status.status() != 200) {
            return false;
        }
        int alive = 0;
        for (JsonNode entry : status.json().path("liveflow:chassis-status").path("chassis")) {
            alive += entry.path("alive").asBoolean() ? 1 : 0;
        }
        return alive == count;
    }

    /**
     * Waits until every switch holds liveflow's pipeline, so it is connected and initialised (a port plugged
     * into a switch that OpenFlowPlugin is still initialising may be missed: README, known limits).
     */
    static void awaitPipelineOnEverySwitch(final OvsLab lab, final Duration patience) throws Exception {
        final Instant deadline = Instant.now().plus(patience);
        for (OvsChassis node : lab.allChassis()) {
            while (node.flows().stream().noneMatch(flow -> flow.contains("table=0") && flow.contains("priority=0 "))) {
                assertTrue(Instant.now().isBefore(deadline), node.name() + " got no pipeline: " + node.flows());
                Thread.sleep(200);
            }
        }
    }

    static void assertStatus(final int status, final Restconf.Response response) {
        assertEquals(status, response.status(), response.body());
    }
}
