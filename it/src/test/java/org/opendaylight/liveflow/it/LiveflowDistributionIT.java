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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The liveflow distribution as shipped: it boots with RESTCONF, the OpenFlowPlugin and liveflow, stores valid
 * configuration, refuses every kind of invalid write with its message and leaves nothing behind, and shows what
 * it stored in the Karaf shell; last, more than a thousand bad writes generated from the model are refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveflowDistributionIT {
    private static final Logger LOG = LoggerFactory.getLogger(LiveflowDistributionIT.class);
    private static final String OVERLAY = "/rests/data/liveflow:overlay";
    private static final String CONFIG_ONLY = OVERLAY + "?content=config";

    private static KarafInstance karaf;
    private static Restconf restconf;

    @BeforeAll
    static void bootAndConfigure() throws Exception {
        karaf = KarafInstance.start("distribution", UnaryOperator.identity(), true);
        LOG.info(String.format("liveflow distribution ready in %.1f s, Karaf JVM resident memory %d MiB",
            karaf.bootTime().toMillis() / 1000.0, karaf.residentMemoryMib()));
        restconf = karaf.restconf();
        created("/chassis-registry/chassis=c1", "chassis", """
            {"name": "c1", "tunnel-ip": "192.0.2.1", "tunnel-type": "geneve"}""");
        created("/chassis-registry/chassis=c2", "chassis", """
            {"name": "c2", "tunnel-ip": "192.0.2.2"}""");
        created("/tenants/tenant=t1", "tenant", """
            {"id": "t1", "name": "demo"}""");
        created("/networks/network=net1", "network", """
            {"id": "net1", "tenant": "t1", "segmentation-id": 1001}""");
        created("/subnets/subnet=s1", "subnet", """
            {"id": "s1", "tenant": "t1", "network": "net1", "cidr": "10.0.0.0/24", "gateway-ip": "10.0.0.1"}""");
        created("/ports/port=p1", "port", port("p1", "fa:16:3e:00:00:01", "10.0.0.11", "c1"));
        created("/ports/port=p2", "port", port("p2", "fa:16:3e:00:00:02", "10.0.0.12", "c2"));
        // a trunk's sub-ports are on networks of their own: p3 (tr1's) and p4 on net2
        created("/networks/network=net2", "network", """
            {"id": "net2", "tenant": "t1", "segmentation-id": 1002}""");
        created("/subnets/subnet=s2", "subnet", """
            {"id": "s2", "tenant": "t1", "network": "net2", "cidr": "10.0.2.0/24", "gateway-ip": "10.0.2.1"}""");
        created("/ports/port=p3", "port", port("p3", "fa:16:3e:00:00:03", "10.0.2.13", "c1").replace("net1", "net2")
            .replace("s1", "s2"));
        created("/ports/port=p4", "port", port("p4", "fa:16:3e:00:00:04", "10.0.2.14", null).replace("net1", "net2")
            .replace("s1", "s2"));
        created("/ports/port=p5", "port", port("p5", "fa:16:3e:00:00:05", "10.0.2.15", "c1").replace("net1", "net2")
            .replace("s1", "s2"));
        created("/routers/router=r1", "router", """
            {"id": "r1", "tenant": "t1", "interface": [{"subnet": "s1"}],
             "static-route": [{"destination": "192.168.5.0/24", "next-hop": "10.0.0.254"}]}""");
        created("/trunks/trunk=tr1", "trunk", """
            {"id": "tr1", "tenant": "t1", "parent-port": "p1", "sub-port": [{"port": "p3", "vlan-id": 100}]}""");
        created("/tenants/tenant=t2", "tenant", """
            {"id": "t2"}""");
        created("/quotas/quota=t2", "quota", """
            {"tenant": "t2", "networks": 1}""");
        created("/networks/network=net-t2", "network", """
            {"id": "net-t2", "tenant": "t2", "segmentation-id": 2001}""");
    }

    @AfterAll
    static void stop() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void featureIsInstalledWithItsBundlesActive() throws IOException {
        final String features = karaf.shell().execute("feature:list -i");
        assertTrue(features.lines().anyMatch(line -> line.startsWith("odl-liveflow ")
            && line.contains("Started")), features);
        final String bundles = karaf.shell().execute("bundle:list -s");
        for (String bundle : new String[] {"liveflow.model", "liveflow.api", "liveflow.impl"}) {
            assertTrue(bundles.lines().anyMatch(line -> line.contains("Active")
                && line.contains("org.opendaylight." + bundle)), bundle + " not active:\n" + bundles);
        }
    }

    @Test
    void openflowPluginListensForSwitches() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", karaf.openflowPort()), 5000);
            assertTrue(socket.isConnected());
        }
    }

    @Test
    void portIsReadBackAsWritten() throws IOException {
        final Restconf.Response response = restconf.get(OVERLAY + "/ports/port=p1");
        assertEquals(200, response.status(), response.body());
        final JsonNode port = response.json().path("liveflow:port").path(0);
        assertEquals("p1", port.path("id").asText());
        assertEquals("net1", port.path("network").asText());
        assertEquals("fa:16:3e:00:00:01", port.path("mac-address").asText());
        assertEquals("10.0.0.11", port.path("fixed-ip").path(0).path("ip-address").asText());
        assertEquals("c1", port.path("binding-chassis").asText());
        final JsonNode network = restconf.get(OVERLAY + "/networks/network=net1").json().path("liveflow:network")
            .path(0);
        assertEquals(1001, network.path("segmentation-id").asInt());
    }

    @Test
    void shellListsThePortWithItsBinding() throws IOException {
        final String ports = karaf.shell().execute("liveflow:port-list");
        assertTrue(ports.lines().anyMatch(line -> line.contains("p1") && line.contains("net1")
            && line.contains("fa:16:3e:00:00:01") && line.contains("10.0.0.11") && line.contains("c1")
            && line.contains("bound")), ports);
        final String onC2 = karaf.shell().execute("liveflow:port-list --chassis c2");
        assertTrue(onC2.contains("p2") && !onC2.contains("p1"), onC2);
        final String show = karaf.shell().execute("liveflow:port-show p1");
        assertTrue(show.contains("Fixed IP      10.0.0.11 (subnet s1)"), show);
        assertTrue(show.contains("Trunk parent  tr1 (1 sub-ports)"), show);
        assertTrue(show.contains("Bound to      c1"), show);
    }

    @Test
    void shellListsNetworksAndChassis() throws IOException {
        final String networks = karaf.shell().execute("liveflow:network-list");
        assertTrue(networks.lines().anyMatch(line -> line.contains("net1") && line.contains("1001")
            && line.contains("10.0.0.0/24")), networks);
        final String chassis = karaf.shell().execute("liveflow:chassis-list");
        assertTrue(chassis.lines().anyMatch(line -> line.contains("c1") && line.contains("192.0.2.1")
            && line.contains("geneve")), chassis);
        final String show = karaf.shell().execute("liveflow:chassis-show c1");
        assertTrue(show.contains("Bound ports    3"), show);
        final String unknown = karaf.shell().execute("liveflow:port-show nope");
        assertTrue(unknown.contains("No port 'nope' is configured"), unknown);
    }

    static Stream<Arguments> invalidWrites() {
        return Stream.of(
            put("unknown tenant", "/networks/network=net9", "network", """
                {"id": "net9", "tenant": "t9", "segmentation-id": 1009}""",
                400, "network net9: tenant 't9' does not exist"),
            put("unknown network", "/ports/port=p9", "port", """
                {"id": "p9", "tenant": "t1", "network": "net9", "mac-address": "fa:16:3e:00:00:09"}""",
                400, "port p9: network 'net9' does not exist"),
            put("unknown subnet", "/ports/port=p9", "port", """
                {"id": "p9", "tenant": "t1", "network": "net1", "mac-address": "fa:16:3e:00:00:09",
                 "fixed-ip": [{"ip-address": "10.0.0.19", "subnet": "s9"}]}""",
                400, "port p9: subnet 's9' does not exist"),
            put("duplicate MAC", "/ports/port=p9", "port", port("p9", "fa:16:3e:00:00:01", "10.0.0.19", null),
                409, "port p9: MAC fa:16:3e:00:00:01 is already used by port p1 in network net1"),
            put("duplicate IP", "/ports/port=p9", "port", port("p9", "fa:16:3e:00:00:09", "10.0.0.11", null),
                409, "port p9: IP 10.0.0.11 is already used by port p1 in network net1"),
            put("fixed IP outside subnet", "/ports/port=p9", "port",
                port("p9", "fa:16:3e:00:00:09", "10.0.1.5", null),
                400, "port p9: fixed IP 10.0.1.5 is outside subnet s1 (10.0.0.0/24)"),
            put("invalid CIDR", "/subnets/subnet=s9", "subnet", """
                {"id": "s9", "tenant": "t1", "network": "net1", "cidr": "10.0.1.7/24"}""",
                400, "subnet s9: '10.0.1.7/24' is not a CIDR: host bits are set (did you mean 10.0.1.0/24?)"),
            put("route to an invalid network", "/routers/router=r1", "router", """
                {"id": "r1", "tenant": "t1", "interface": [{"subnet": "s1"}],
                 "static-route": [{"destination": "300.1.1.0/24", "next-hop": "10.0.0.254"}]}""",
                400, "router r1: static route destination is not a valid network: '300.1.1.0/24' is not a CIDR: "
                    + "'300.1.1.0' is not an IPv4 or IPv6 address"),
            put("next hop off the router's subnets", "/routers/router=r1", "router", """
                {"id": "r1", "tenant": "t1", "interface": [{"subnet": "s1"}],
                 "static-route": [{"destination": "192.168.5.0/24", "next-hop": "172.16.0.1"}]}""",
                400, "router r1: static route to 192.168.5.0/24: next hop 172.16.0.1 is not on any subnet the "
                    + "router is attached to (s1 10.0.0.0/24)"),
            put("VLAN out of range", "/trunks/trunk=tr9", "trunk", """
                {"id": "tr9", "tenant": "t1", "parent-port": "p2", "sub-port": [{"port": "p4", "vlan-id": 4095}]}""",
                400, "sub-port p4 in trunk tr9: vlan-id '4095' is not allowed: it must be an integer in 1..4094"),
            put("sub-port that is a trunk parent", "/trunks/trunk=tr9", "trunk", """
                {"id": "tr9", "tenant": "t1", "parent-port": "p5", "sub-port": [{"port": "p1", "vlan-id": 200}]}""",
                400, "trunk tr9: sub-port p1 is itself the parent of trunk tr1"),
            put("quota exceeded", "/networks/network=net-t2b", "network", """
                {"id": "net-t2b", "tenant": "t2", "segmentation-id": 2002}""",
                409, "tenant t2: networks quota exceeded (2 networks, limit 1)"),
            Arguments.of("deleting a network still in use", "DELETE", OVERLAY + "/networks/network=net1", null, 409,
                "network net1 is still used by subnet s1: remove that reference first; network net1 is still "
                    + "used by port p1: remove that reference first; network net1 is still used by port p2: remove "
                    + "that reference first"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidWrites")
    void invalidWriteIsRefusedAndLeavesTheDatastoreUnchanged(final String what, final String method,
            final String path, final String body, final int status, final String message) throws IOException {
        final JsonNode before = restconf.get(CONFIG_ONLY).json();
        final Restconf.Response response = "DELETE".equals(method) ? restconf.delete(path) : restconf.put(path, body);
        assertEquals(status, response.status(), response.body());
        assertEquals(message, response.errorMessage());
        assertEquals(before, restconf.get(CONFIG_ONLY).json(), "the refused write changed the datastore");
    }

    @Test
    void quotaUsageRpcCountsWhatATenantOwns() throws IOException {
        final Restconf.Response response = restconf.post("/rests/operations/liveflow:get-quota-usage",
            "{\"input\": {\"tenant\": \"t2\"}}");
        assertEquals(200, response.status(), response.body());
        final JsonNode usage = response.json().path("liveflow:output").path("usage");
        boolean sawNetworks = false;
        for (JsonNode row : usage) {
            if ("networks".equals(row.path("resource").asText())) {
                assertEquals(1, row.path("used").asInt());
                assertEquals(1, row.path("limit").asInt());
                sawNetworks = true;
            }
        }
        assertTrue(sawNetworks, response.body());
    }

    @Test
    void migrationRpcsRefuseWithAReason() throws IOException {
        final Restconf.Response precheck = restconf.post("/rests/operations/liveflow:migration-precheck",
            "{\"input\": {\"port\": \"p1\", \"destination-chassis\": \"c2\"}}");
        assertEquals(200, precheck.status(), precheck.body());
        final JsonNode output = precheck.json().path("liveflow:output");
        assertEquals(false, output.path("allowed").asBoolean(true), precheck.body());
        assertEquals("chassis c2 is not alive (never-connected): traffic could not follow the VM there",
            output.path("reason").asText());
        final Restconf.Response unknown = restconf.post("/rests/operations/liveflow:migration-precheck",
            "{\"input\": {\"port\": \"p9\", \"destination-chassis\": \"c2\"}}");
        assertEquals("port p9 does not exist", unknown.json().path("liveflow:output").path("reason").asText());
        final Restconf.Response prepare = restconf.post("/rests/operations/liveflow:prepare-migration",
            "{\"input\": {\"port\": \"p1\", \"destination-chassis\": \"c1\"}}");
        assertEquals(400, prepare.status(), prepare.body());
        assertEquals("port p1 is already bound to c1", prepare.errorMessage());
        final Restconf.Response abort = restconf.post("/rests/operations/liveflow:abort-migration",
            "{\"input\": {\"port\": \"p1\"}}");
        assertEquals(409, abort.status(), abort.body());
        assertEquals("abort-migration with no migration in progress", abort.errorMessage());
    }

    /**
     * Last, as it replaces what the others read: an overlay with an object of every kind, then the generated bad
     * writes against it ({@link BadWritesCheck}), on this controller rather than one booted for them alone.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyGeneratedBadWriteIsRefusedWithA4xxNamingTheFieldAndStoresNothing() throws IOException {
        final Restconf.Response stored = restconf.put(OVERLAY, BadWriteOverlay.JSON);
        assertTrue(stored.status() == 201 || stored.status() == 204, stored::toString);
        BadWritesCheck.run(restconf);
    }

    private static void created(final String path, final String list, final String entry) throws IOException {
        final Restconf.Response response = restconf.put(OVERLAY + path, wrap(list, entry));
        assertEquals(201, response.status(), path + ": " + response.body());
    }

    private static Arguments put(final String what, final String path, final String list, final String entry,
            final int status, final String message) {
        return Arguments.of(what, "PUT", OVERLAY + path, wrap(list, entry), status, message);
    }

    private static String wrap(final String list, final String entry) {
        return "{\"liveflow:" + list + "\": [" + entry + "]}";
    }

    private static String port(final String id, final String mac, final String ip, final String chassis) {
        return "{\"id\": \"" + id + "\", \"tenant\": \"t1\", \"network\": \"net1\", \"mac-address\": \"" + mac
            + "\", \"fixed-ip\": [{\"ip-address\": \"" + ip + "\", \"subnet\": \"s1\"}]"
            + (chassis == null ? "" : ", \"binding-chassis\": \"" + chassis + "\"") + "}";
    }
}
