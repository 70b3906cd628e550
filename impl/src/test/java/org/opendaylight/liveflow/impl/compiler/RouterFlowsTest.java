/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.id;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.port;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;

/**
 * Router r1 joins net1 (10.0.0.0/24, VNI 1001: p1 on c1, p2 on c2) and net2 (10.0.1.0/24, VNI 2002: p3 on c2),
 * with a static route to 192.168.5.0/24 via p3. c1 has no port of net2.
 */
class RouterFlowsTest {
    private static final String P1 = "fa:16:3e:00:00:01";
    private static final String P3 = "fa:16:3e:00:00:03";

    private final OverlayCompiler compiler = new OverlayCompiler();
    private final TestOverlay overlay = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
        .withChassis("c3", "192.0.2.3").withDatapathId("c3", 3)
        .withNetwork("net2", "t1", 2002)
        .withSubnet("s2", "net2", "10.0.1.0/24", "10.0.1.1")
        .withPort(port("p3", "net2", P3, "s2", "10.0.1.13").setBindingChassis(id("c2")))
        .withRouter("r1", List.of("s1", "s2"), "192.168.5.0/24 via 10.0.1.13");
    private final SwitchInventory inventory = new SwitchInventory(Map.of(
        "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L, "tun-c3", 101L), true),
        "openflow:2", new SwitchView("openflow:2", Map.of("p2", 1L, "p3", 3L, "tun-c1", 100L, "tun-c3", 101L),
            true),
        "openflow:3", new SwitchView("openflow:3", Map.of("tun-c1", 100L, "tun-c2", 101L), true)));

    private String routerMac() {
        return RouterView.macOf(overlay.snapshot().routers().get("r1"));
    }

    private List<String> dump(final ConfigSnapshot config, final String chassis, final String fragment) {
        return compiler.compile(config, inventory, chassis).flows().values().stream().map(FlowSpec::toString)
            .filter(flow -> flow.contains(fragment)).sorted().toList();
    }

    /**
     * Returns the flows a router owns on a chassis: its entries (table 30) and its routes (table 35).
     */
    private List<String> routerFlows(final ConfigSnapshot config, final String chassis, final String router) {
        return dump(config, chassis, "cookie=0x" + Long.toHexString(Owner.router(router).cookie()) + ", ");
    }

    @Test
    void routesLongestPrefixFirstRewritingBothMacsAndTheTtlIntoTheDestinationNetwork() {
        final String mac = routerMac();
        final String router = "cookie=0x" + Long.toHexString(Owner.router("r1").cookie()) + ", ";
        // net1 (VNI 0x3e9) is r1's home: r1 is the only router on it, and s1 is r1's first subnet
        final String inR1 = "metadata=0x3e9/0xffffff,dl_type=0x800,dl_dst=" + mac;
        final String toP1 = " actions=set_field:" + mac + "->eth_src,set_field:" + P1 + "->eth_dst,dec_ttl,"
            + "write_metadata:0x3e9/0xffffff,goto_table:40";
        final String toP2 = " actions=set_field:" + mac + "->eth_src,set_field:fa:16:3e:00:00:02->eth_dst,dec_ttl,"
            + "write_metadata:0x3e9/0xffffff,goto_table:40";
        final String toP3 = " actions=set_field:" + mac + "->eth_src,set_field:" + P3 + "->eth_dst,dec_ttl,"
            + "write_metadata:0x7d2/0xffffff,goto_table:40";
        final List<String> expected = List.of(
            router + "table=30, priority=100,metadata=0x3e9/0xffffff,dl_type=0x800,dl_dst=" + mac
                + " actions=goto_table:35",
            router + "table=30, priority=100,metadata=0x7d2/0xffffff,dl_type=0x800,dl_dst=" + mac
                + " actions=write_metadata:0x3e9/0xffffff,goto_table:35",
            router + "table=35, priority=1024," + inR1 + ",nw_dst=10.0.0.0/24 actions=drop",
            router + "table=35, priority=1024," + inR1 + ",nw_dst=10.0.1.0/24 actions=drop",
            router + "table=35, priority=1024," + inR1 + ",nw_dst=192.168.5.0/24" + toP3,
            router + "table=35, priority=1032," + inR1 + ",nw_dst=10.0.0.11" + toP1,
            router + "table=35, priority=1032," + inR1 + ",nw_dst=10.0.0.12" + toP2,
            router + "table=35, priority=1032," + inR1 + ",nw_dst=10.0.1.13" + toP3);
        assertEquals(expected.stream().sorted().toList(), routerFlows(overlay.snapshot(), "c1", "r1"));
    }

    @Test
    void aNetworkSharedWithAnotherRouterEntersEachRouterWithThatRoutersOwnScope() {
        // r4 is on net2 only, which r1 is on too: r4 has no home, r1 keeps net1
        final ConfigSnapshot config = overlay.copy().withRouter("r4", List.of("s2"))
            .withRouterAddress("r4", "s2", "10.0.1.254").snapshot();
        final String r4Mac = RouterView.macOf(config.routers().get("r4"));
        final List<String> r1 = routerFlows(config, "c2", "r1");
        assertTrue(r1.contains("cookie=0x" + Long.toHexString(Owner.router("r1").cookie()) + ", table=30, "
            + "priority=100,metadata=0x7d2/0xffffff,dl_type=0x800,dl_dst=" + routerMac()
            + " actions=write_metadata:0x3e9/0xffffff,goto_table:35"), r1::toString);
        assertEquals(8, r1.size(), r1::toString);
        final List<String> r4 = routerFlows(config, "c2", "r4");
        // r4 keeps the ingress network as its scope: its entry, one connected drop and one host route (p3)
        assertEquals(List.of(
            "cookie=0x" + Long.toHexString(Owner.router("r4").cookie()) + ", table=30, priority=100,"
                + "metadata=0x7d2/0xffffff,dl_type=0x800,dl_dst=" + r4Mac + " actions=goto_table:35",
            "cookie=0x" + Long.toHexString(Owner.router("r4").cookie()) + ", table=35, priority=1024,"
                + "metadata=0x7d2/0xffffff,dl_type=0x800,dl_dst=" + r4Mac + ",nw_dst=10.0.1.0/24 actions=drop",
            "cookie=0x" + Long.toHexString(Owner.router("r4").cookie()) + ", table=35, priority=1032,"
                + "metadata=0x7d2/0xffffff,dl_type=0x800,dl_dst=" + r4Mac + ",nw_dst=10.0.1.13 actions=set_field:"
                + r4Mac + "->eth_src,set_field:" + P3 + "->eth_dst,dec_ttl,write_metadata:0x7d2/0xffffff,"
                + "goto_table:40"), r4);
    }

    @Test
    void routersThatShareEveryNetworkHoldTheirRoutesOncePerNetwork() {
        final ConfigSnapshot config = overlay.copy().withRouter("r3", List.of("s1", "s2"))
            .withRouterAddress("r3", "s1", "10.0.0.254").withRouterAddress("r3", "s2", "10.0.1.254").snapshot();
        final List<String> r1 = routerFlows(config, "c1", "r1");
        // two entries that keep the ingress network, then per network: two drops, three hosts, one static route
        assertEquals(2 + 2 * 6, r1.size(), r1::toString);
        assertTrue(r1.stream().noneMatch(flow -> flow.contains("table=30") && flow.contains("write_metadata")),
            r1::toString);
        assertEquals(6, r1.stream().filter(flow -> flow.contains("table=35, ")
            && flow.contains("metadata=0x3e9/")).count(), r1::toString);
        assertEquals(6, r1.stream().filter(flow -> flow.contains("table=35, ")
            && flow.contains("metadata=0x7d2/")).count(), r1::toString);
    }

    @Test
    void theRouterAnswersArpForItsAddressLocally() {
        final String mac = routerMac();
        assertEquals(List.of("cookie=0x" + Long.toHexString(Owner.port("p1").cookie())
            + ", table=20, priority=100,metadata=0x10003e9/0xffffffffff,dl_type=0x806,arp_op=1,arp_tpa=10.0.0.1 "
            + "actions=set_field:" + P1 + "->eth_dst,set_field:" + mac + "->eth_src,set_field:2->arp_op,"
            + "set_field:" + P1 + "->arp_tha,set_field:10.0.0.11->arp_tpa,set_field:" + mac + "->arp_sha,"
            + "set_field:10.0.0.1->arp_spa,IN_PORT"), dump(overlay.snapshot(), "c1", "arp_tpa=10.0.0.1 "));
    }

    @Test
    void theIngressChassisReachesTheRoutedNetworkWithoutFloodingIt() {
        final List<String> net2 = dump(overlay.snapshot(), "c1", "table=40, priority=");
        assertTrue(net2.contains("cookie=0x" + Long.toHexString(Owner.reach("p3").cookie()) + ", table=40, "
            + "priority=100,metadata=0x7d2/0xffffff,dl_dst=" + P3 + " actions=set_field:2002->tun_id,output:100"),
            net2::toString);
        assertTrue(net2.stream().noneMatch(flow -> flow.contains("metadata=0x7d2/0xffffff actions=goto_table:50")),
            "c1 has no port of net2 to flood to: " + net2);
        assertEquals(List.of(), dump(overlay.snapshot(), "c1", "tun_id=2002 "), "c1 accepts no net2 tunnel traffic");
    }

    @Test
    void aRouterIsPresentOnlyWhereOneOfItsNetworksHasAPort() {
        assertEquals(List.of(), routerFlows(overlay.snapshot(), "c3", "r1"));
    }

    @Test
    void aRouterOrNetworkAdministrativelyDownForwardsNothing() {
        final ConfigSnapshot routerDown = overlay.copy().withRouterAdminState("r1", false).snapshot();
        assertEquals(List.of(), routerFlows(routerDown, "c1", "r1"));
        assertEquals(List.of(), dump(routerDown, "c1", "arp_tpa=10.0.0.1 "));
        final ConfigSnapshot routerUp = overlay.copy().withRouterAdminState("r1", false)
            .withRouterAdminState("r1", true).snapshot();
        assertEquals(8, routerFlows(routerUp, "c1", "r1").size());
        final ConfigSnapshot net2Down = overlay.copy().withNetworkAdminState("net2", false).snapshot();
        final List<String> routes = routerFlows(net2Down, "c1", "r1");
        // the entry from net1, its connected drop and its two hosts
        assertEquals(4, routes.size(), routes::toString);
        assertTrue(routes.stream().noneMatch(flow -> flow.contains("10.0.1.") || flow.contains("0x7d2")),
            routes::toString);
        assertTrue(dump(net2Down, "c2", "in_port=3 ").isEmpty(), "p3's network is down: c2 classifies nothing of it");
    }

    @Test
    void twoTenantsWithTheSameprefixesNeverRouteIntoEachOther() {
        final ConfigSnapshot config = overlay.copy()
            .withNetwork("net3", "t1", 3003).withSubnet("s3", "net3", "10.0.0.0/24", "10.0.0.1")
            .withNetwork("net4", "t1", 4004).withSubnet("s4", "net4", "10.0.1.0/24", "10.0.1.1")
            .withPort(port("p4", "net3", "fa:16:3e:00:00:04", "s3", "10.0.0.11").setBindingChassis(id("c1")))
            .withRouter("r2", List.of("s3", "s4")).snapshot();
        final SwitchInventory withP4 = new SwitchInventory(Map.of(
            "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "p4", 4L, "tun-c2", 100L), true),
            "openflow:2", inventory.switches().get("openflow:2")));
        final String r2 = "cookie=0x" + Long.toHexString(Owner.router("r2").cookie());
        final List<String> routes = compiler.compile(config, withP4, "c1").flows().values().stream()
            .map(FlowSpec::toString).filter(flow -> flow.startsWith(r2)).toList();
        // an entry from each of its two networks, the two connected drops and the host route to p4
        assertEquals(5, routes.size(), routes::toString);
        assertTrue(routes.stream().allMatch(flow -> flow.contains("metadata=0xbbb/") || flow.contains("0xfa4/")),
            routes::toString);
        assertTrue(routes.stream().noneMatch(flow -> flow.contains(P1) || flow.contains(P3)), routes::toString);
    }
}
