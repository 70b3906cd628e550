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
import static org.opendaylight.liveflow.it.LabChecks.ip;
import static org.opendaylight.liveflow.it.LabChecks.mac;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.opendaylight.liveflow.it.lab.PcapFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributed routing on real Open vSwitch: three chassis; tenant ta's router ra joins net-a1 (10.1.0.0/24: a1 on
 * c1) and net-a2 (10.2.0.0/24: a2 on c2, a3 on c3, the next hop of a static route to 192.168.50.0/24); tenant
 * tb's router rb joins net-b1 and net-b2 with the same prefixes and addresses (b1 on c1, b2 on c2). The external
 * network ext (172.24.4.0/24, physical network physnet1, each chassis' interface "ext") holds the gateway host
 * gw (172.24.4.1) and the floating IPs of a2 (172.24.4.10), a3 (172.24.4.13) and the unbound a4 (172.24.4.20).
 * Packets are injected into VM ports or sent by gw, and read back from the capture of the port that delivers
 * them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingIT {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingIT.class);
    private static final Duration CONVERGENCE = Duration.ofSeconds(60);
    private static final String RA_MAC = "fa:16:3e:aa:00:01";
    private static final String RB_MAC = "fa:16:3e:bb:00:01";
    private static final String A1_MAC = "fa:16:3e:0a:00:01";
    private static final String A2_MAC = "fa:16:3e:0a:00:02";
    private static final String A3_MAC = "fa:16:3e:0a:00:03";
    private static final String B1_MAC = "fa:16:3e:0b:00:01";
    private static final String B2_MAC = "fa:16:3e:0b:00:02";
    private static final String GW_MAC = "02:fe:00:00:00:01";
    private static final String GW_IP = "172.24.4.1";
    private static final String INTERNET_HOST = "8.8.8.8";
    private static final String FIP_A2 = "172.24.4.10";
    /** Derived by liveflow from the address, since the floating IP does not configure one. */
    private static final String FIP_A2_MAC = "02:00:ac:18:04:0a";
    private static final String RA = "{\"id\": \"ra\", \"tenant\": \"ta\", \"mac-address\": \"" + RA_MAC
        + "\", \"interface\": [{\"subnet\": \"sa1\"}, {\"subnet\": \"sa2\"}], \"static-route\": "
        + "[{\"destination\": \"192.168.50.0/24\", \"next-hop\": \"10.2.0.13\"}]";

    private static KarafInstance karaf;
    private static OvsLab lab;
    private static OverlayClient overlay;
    private static OvsLab.ExternalNetwork external;

    @BeforeAll
    static void startControllerAndLab() throws Exception {
        karaf = KarafInstance.start("routing");
        overlay = new OverlayClient(karaf.restconf());
        lab = OvsLab.start(karaf.home().resolveSibling("routing-ovs"), karaf.labController(), "c1", "c2", "c3");
        for (String tenant : List.of("a", "b")) {
            overlay.put("/tenants/tenant=t" + tenant, "tenant", "{\"id\": \"t" + tenant + "\"}");
            for (int net = 1; net <= 2; net++) {
                final String network = "net-" + tenant + net;
                overlay.put("/networks/network=" + network, "network", "{\"id\": \"" + network + "\", \"tenant\": "
                    + "\"t" + tenant + "\", \"segmentation-id\": " + ((tenant.equals("a") ? 100 : 200) + net) + "}");
                overlay.put("/subnets/subnet=s" + tenant + net, "subnet", "{\"id\": \"s" + tenant + net
                    + "\", \"tenant\": \"t" + tenant + "\", \"network\": \"" + network + "\", \"cidr\": \"10." + net
                    + ".0.0/24\", \"gateway-ip\": \"10." + net + ".0.1\"}");
            }
        }
        external = lab.addExternalNetwork();
        for (OvsChassis node : lab.allChassis()) {
            overlay.put("/chassis-registry/chassis=" + node.name(), "chassis", "{\"name\": \"" + node.name()
                + "\", \"tunnel-ip\": \"" + node.underlayIp() + "\", \"datapath-id\": " + node.datapathId()
                + ", \"bridge-mapping\": [{\"physical-network\": \"physnet1\", \"interface-name\": \"ext\"}]}");
        }
        overlay.put("/networks/network=ext", "network", "{\"id\": \"ext\", \"tenant\": \"ta\", "
            + "\"segmentation-id\": 900, \"external\": true, \"physical-network\": \"physnet1\"}");
        overlay.put("/subnets/subnet=ext-s", "subnet", "{\"id\": \"ext-s\", \"tenant\": \"ta\", \"network\": "
            + "\"ext\", \"cidr\": \"172.24.4.0/24\", \"gateway-ip\": \"" + GW_IP + "\", \"gateway-mac\": \""
            + GW_MAC + "\"}");
        overlay.put("/ports/port=a1", "port", OverlayClient.vm("a1", "ta", "net-a1", "sa1", A1_MAC, "10.1.0.11", "c1"));
        overlay.put("/ports/port=a2", "port", OverlayClient.vm("a2", "ta", "net-a2", "sa2", A2_MAC, "10.2.0.12", "c2"));
        overlay.put("/ports/port=a3", "port", OverlayClient.vm("a3", "ta", "net-a2", "sa2", A3_MAC, "10.2.0.13", "c3"));
        overlay.put("/ports/port=b1", "port", OverlayClient.vm("b1", "tb", "net-b1", "sb1", B1_MAC, "10.1.0.11", "c1"));
        overlay.put("/ports/port=b2", "port", OverlayClient.vm("b2", "tb", "net-b2", "sb2", B2_MAC, "10.2.0.12", "c2"));
        overlay.put("/routers/router=ra", "router", RA + "}");
        overlay.put("/routers/router=rb", "router", "{\"id\": \"rb\", \"tenant\": \"tb\", \"mac-address\": \""
            + RB_MAC + "\", \"interface\": [{\"subnet\": \"sb1\"}, {\"subnet\": \"sb2\"}]}");
        overlay.put("/ports/port=a4", "port", "{\"id\": \"a4\", \"tenant\": \"ta\", \"network\": \"net-a2\", "
            + "\"mac-address\": \"fa:16:3e:0a:00:04\", \"fixed-ip\": [{\"ip-address\": \"10.2.0.14\", "
            + "\"subnet\": \"sa2\"}]}");
        putFloatingIp("fa2", FIP_A2, "a2");
        putFloatingIp("fa3", "172.24.4.13", "a3");
        putFloatingIp("fa4", "172.24.4.20", "a4");
        OverlayClient.awaitPipelineOnEverySwitch(lab, CONVERGENCE);
        lab.chassis("c1").addVmPort("a1", 1);
        lab.chassis("c1").addVmPort("b1", 2);
        lab.chassis("c2").addVmPort("a2", 1);
        lab.chassis("c2").addVmPort("b2", 2);
        lab.chassis("c3").addVmPort("a3", 1);
        awaitFlow("c1", true, "dl_dst=" + RA_MAC, "nw_dst=10.2.0.12 ");
        awaitFlow("c1", true, "dl_dst=" + RA_MAC, "nw_dst=192.168.50.0/24");
        awaitFlow("c1", true, "dl_dst=" + RB_MAC, "nw_dst=10.2.0.12 ");
        awaitFlow("c2", true, "dl_dst=" + A2_MAC);
        awaitFlow("c2", true, "dl_dst=" + B2_MAC);
        awaitFlow("c2", true, "arp_tpa=" + FIP_A2);
        awaitFlow("c3", true, "dl_dst=" + A3_MAC);
    }

    @AfterAll
    static void stop() {
        KarafInstance.stopAll(lab, karaf);
    }

    @Test
    @Order(1)
    void theGatewayIsAnsweredOnTheSendersChassis() throws Exception {
        final Map<String, Long> before = counts();
        lab.chassis("c1").inject("a1", Frames.arpRequest(A1_MAC, "10.1.0.11", "10.1.0.1"));
        Deliveries.awaitExactly(RoutingIT::counts, before, Map.of("c1/a1", 1L));
        final byte[] reply = lastFrame("c1", "a1");
        assertEquals(A1_MAC + " " + RA_MAC, mac(reply, 0) + " " + mac(reply, 6), "reply's destination and source");
        assertEquals(2, reply[21], "an ARP reply");
        assertEquals(RA_MAC, mac(reply, 22), "the router's MAC is the sender hardware address");
    }

    @Test
    @Order(2)
    void aPacketIsRoutedWhereItEntersAndArrivesWithBothMacsRewrittenAndItsTtlDecremented() throws Exception {
        final Map<String, Long> before = counts();
        // net-a2's VNI is 102 (0x66): c2 takes the packet off the tunnel with the destination network's VNI
        final long inNetA2 = lab.chassis("c2").packetsOfFlows("table=0, ", "tun_id=0x66 ");
        lab.chassis("c1").inject("a1", Frames.ipv4(A1_MAC, RA_MAC, "10.1.0.11", "10.2.0.12", 64));
        Deliveries.awaitExactly(RoutingIT::counts, before, Map.of("c2/a2", 1L));
        assertEquals(inNetA2 + 1, lab.chassis("c2").packetsOfFlows("table=0, ", "tun_id=0x66 "));
        final byte[] delivered = lastFrame("c2", "a2");
        assertEquals(A2_MAC, mac(delivered, 0), "destination MAC: the destination port's");
        assertEquals(RA_MAC, mac(delivered, 6), "source MAC: the router's");
        assertEquals(63, delivered[22] & 0xff, "TTL decremented once");
        assertEquals("10.1.0.11 10.2.0.12", ip(delivered, 26) + " " + ip(delivered, 30));
    }

    @Test
    @Order(3)
    void twoTenantsWithTheSamePrefixesNeverReachEachOther() throws Exception {
        Map<String, Long> before = counts();
        lab.chassis("c1").inject("b1", Frames.ipv4(B1_MAC, RB_MAC, "10.1.0.11", "10.2.0.12", 64));
        Deliveries.awaitExactly(RoutingIT::counts, before, Map.of("c2/b2", 1L));
        assertEquals(RB_MAC + " " + B2_MAC, mac(lastFrame("c2", "b2"), 6) + " " + mac(lastFrame("c2", "b2"), 0));
        // tenant b's VM addressing tenant a's router is dropped: a's router is not on b's network
        before = counts();
        final long sent = lab.chassis("c1").packetsOfFlows("table=0, ", "in_port=2 ");
        lab.chassis("c1").inject("b1", Frames.ipv4(B1_MAC, RA_MAC, "10.1.0.11", "10.2.0.12", 64));
        awaitFlowPackets("c1", sent + 1, "table=0, ", "in_port=2 ");
        Deliveries.awaitExactly(RoutingIT::counts, before, Map.of());
    }

    @Test
    @Order(4)
    void aStaticRouteSendsItsPrefixToTheNextHopPort() throws Exception {
        final Map<String, Long> before = counts();
        lab.chassis("c1").inject("a1", Frames.ipv4(A1_MAC, RA_MAC, "10.1.0.11", "192.168.50.7", 64));
        Deliveries.awaitExactly(RoutingIT::counts, before, Map.of("c3/a3", 1L));
        final byte[] delivered = lastFrame("c3", "a3");
        assertEquals(A3_MAC + " " + RA_MAC + " 192.168.50.7", mac(delivered, 0) + " " + mac(delivered, 6) + " "
            + ip(delivered, 30));
    }

    @Test
    @Order(5)
    void aPacketWhoseTtlRunsOutIsDropped() throws Exception {
        final Map<String, Long> before = counts();
        final String route = "nw_dst=10.2.0.12";
        final long routed = lab.chassis("c1").packetsOfFlows("table=35, ", route, RA_MAC);
        lab.chassis("c1").inject("a1", Frames.ipv4(A1_MAC, RA_MAC, "10.1.0.11", "10.2.0.12", 1));
        // the route took it (so it was sent and matched), and nothing came out anywhere
        awaitFlowPackets("c1", routed + 1, "table=35, ", route, RA_MAC);
        Deliveries.awaitExactly(RoutingIT::counts, before, Map.of());
        lab.chassis("c1").inject("a1", Frames.ipv4(A1_MAC, RA_MAC, "10.1.0.11", "10.2.0.12", 2));
        Deliveries.awaitExactly(RoutingIT::counts, before, Map.of("c2/a2", 1L));
        assertEquals(1, lastFrame("c2", "a2")[22] & 0xff, "a TTL of 2 arrives as 1");
    }

    @Test
    @Order(6)
    void aRouterOrNetworkAdministrativelyDownStopsForwardingAndUpRestoresIt() throws Exception {
        overlay.put("/routers/router=ra", "router", RA + ", \"admin-state-up\": false}");
        awaitFlow("c1", false, "dl_dst=" + RA_MAC);
        assertRoutedA1ToA2(false);
        overlay.put("/routers/router=ra", "router", RA + ", \"admin-state-up\": true}");
        // the route, and how c1 reaches net-a2 (which it only knows through the router)
        awaitFlow("c1", true, "dl_dst=" + RA_MAC, "nw_dst=10.2.0.12 ");
        awaitFlow("c1", true, "dl_dst=" + A2_MAC);
        assertRoutedA1ToA2(true);

        overlay.put("/networks/network=net-a2", "network",
            "{\"id\": \"net-a2\", \"tenant\": \"ta\", \"segmentation-id\": 102, \"admin-state-up\": false}");
        awaitFlow("c1", false, "dl_dst=" + RA_MAC, "nw_dst=10.2.0.12 ");
        awaitFlow("c2", false, "dl_dst=" + A2_MAC);
        assertRoutedA1ToA2(false);
        overlay.put("/networks/network=net-a2", "network",
            "{\"id\": \"net-a2\", \"tenant\": \"ta\", \"segmentation-id\": 102, \"admin-state-up\": true}");
        awaitFlow("c1", true, "dl_dst=" + RA_MAC, "nw_dst=10.2.0.12 ");
        awaitFlow("c1", true, "dl_dst=" + A2_MAC);
        awaitFlow("c2", true, "dl_dst=" + A2_MAC);
        assertRoutedA1ToA2(true);
    }

    @Test
    @Order(7)
    void theShellShowsRoutersWhereTheyArePresentAndTheirFlows() throws Exception {
        final String list = karaf.shell().execute("liveflow:router-list");
        assertTrue(list.lines().anyMatch(line -> line.contains("ra") && line.contains(RA_MAC)
            && line.contains("c1,c2,c3")), list);
        assertTrue(list.lines().anyMatch(line -> line.contains("rb") && line.contains("c1,c2")
            && !line.contains("c3")), list);
        final String show = karaf.shell().execute("liveflow:router-show ra");
        assertTrue(show.contains("192.168.50.0/24 via 10.2.0.13 (port a3)"), show);
        assertTrue(show.contains("sa2 10.2.0.0/24 on net-a2, address 10.2.0.1"), show);
        // ra is the only router on net-a1: one copy of its routes, whichever of its networks a packet comes from
        assertTrue(show.contains("Routes        one copy, scope ")
            && show.contains("(network net-a1, which no other router is on)"), show);
        final String flows = karaf.shell().execute("liveflow:flows --owner ra c1");
        assertTrue(flows.contains("router ra (") && flows.contains("nw_dst=10.2.0.12"), flows);
        final String fips = karaf.shell().execute("liveflow:floating-ip-list");
        assertTrue(fips.lines().anyMatch(line -> line.contains("fa2") && line.contains(FIP_A2)
            && line.contains(FIP_A2_MAC) && line.contains("10.2.0.12") && line.contains("c2")), fips);
        assertTrue(fips.lines().anyMatch(line -> line.contains("fa4") && line.contains("port not up anywhere")), fips);
        final String fipFlows = karaf.shell().execute("liveflow:flows --owner fa2 c2");
        assertTrue(fipFlows.contains("floating_ip fa2 (") && fipFlows.contains("set_field:10.2.0.12->ip_dst"),
            fipFlows);
    }

    @Test
    @Order(8)
    void onlyTheChassisHostingAFloatingIpAnswersArpForItWithItsOwnMac() throws Exception {
        final int before = external.received().size();
        // the request reaches every chassis: c3 classifies it (it hosts a3's floating IP), c1 drops it at table 0
        final long atC1 = lab.chassis("c1").packetsOfFlows("table=0, ", "priority=0 ");
        final long atC3 = lab.chassis("c3").packetsOfFlows("table=0, ", "in_port=" + OvsChassis.EXTERNAL_OFPORT);
        external.send(Frames.arpRequest(GW_MAC, GW_IP, FIP_A2));
        final List<byte[]> replies = awaitReceivedByGateway(before, 1);
        final byte[] reply = replies.get(0);
        assertEquals(GW_MAC + " " + FIP_A2_MAC, mac(reply, 0) + " " + mac(reply, 6), "reply's destination and source");
        assertEquals(2, reply[21], "an ARP reply");
        assertEquals(FIP_A2_MAC + " " + FIP_A2, mac(reply, 22) + " " + ip(reply, 28), "sender MAC and IP");
        awaitFlowPackets("c1", atC1 + 1, "table=0, ", "priority=0 ");
        awaitFlowPackets("c3", atC3 + 1, "table=0, ", "in_port=" + OvsChassis.EXTERNAL_OFPORT);
        assertEquals(1, external.received().size() - before, "one reply: c1 and c3 got the request and stay silent");
    }

    @Test
    @Order(9)
    void inboundTrafficToAFloatingIpReachesTheVmAtItsFixedIp() throws Exception {
        final Map<String, Long> before = counts();
        external.send(Frames.ipv4(GW_MAC, FIP_A2_MAC, INTERNET_HOST, FIP_A2, 64));
        Deliveries.awaitExactly(RoutingIT::counts, before, Map.of("c2/a2", 1L));
        final byte[] delivered = lastFrame("c2", "a2");
        assertEquals(A2_MAC + " " + RA_MAC, mac(delivered, 0) + " " + mac(delivered, 6));
        assertEquals(INTERNET_HOST + " 10.2.0.12", ip(delivered, 26) + " " + ip(delivered, 30));
        assertEquals(63, delivered[22] & 0xff);
    }

    @Test
    @Order(10)
    void outboundTrafficLeavesFromTheFloatingIpTowardsTheGateway() throws Exception {
        final int before = external.received().size();
        lab.chassis("c2").inject("a2", Frames.ipv4(A2_MAC, RA_MAC, "10.2.0.12", INTERNET_HOST, 64));
        final byte[] sent = awaitReceivedByGateway(before, 1).get(0);
        assertEquals(GW_MAC + " " + FIP_A2_MAC, mac(sent, 0) + " " + mac(sent, 6));
        assertEquals(FIP_A2 + " " + INTERNET_HOST, ip(sent, 26) + " " + ip(sent, 30));
        assertEquals(63, sent[22] & 0xff);
    }

    @Test
    @Order(11)
    void noChassisAnswersForAFloatingIpWhosePortIsDownOrUnbound() throws Exception {
        overlay.put("/ports/port=a3", "port", OverlayClient.vm("a3", "ta", "net-a2", "sa2", A3_MAC, "10.2.0.13", "c3")
            .replaceFirst("\\}$", ", \"admin-state-up\": false}"));
        awaitFlow("c3", false, "arp_tpa=172.24.4.13");
        final int before = external.received().size();
        // c2 hosts a floating IP, so it classifies what arrives from the external network: the requests reach it
        final long arrived = lab.chassis("c2").packetsOfFlows("table=0, ", "in_port=" + OvsChassis.EXTERNAL_OFPORT);
        // c3, where a3 would answer, hosts no floating IP now: it drops what comes from outside at table 0
        final long atC3 = lab.chassis("c3").packetsOfFlows("table=0, ", "priority=0 ");
        external.send(Frames.arpRequest(GW_MAC, GW_IP, "172.24.4.13"));
        external.send(Frames.arpRequest(GW_MAC, GW_IP, "172.24.4.20"));
        awaitFlowPackets("c2", arrived + 2, "table=0, ", "in_port=" + OvsChassis.EXTERNAL_OFPORT);
        awaitFlowPackets("c3", atC3 + 2, "table=0, ", "priority=0 ");
        assertEquals(0, external.received().size() - before, "no reply for a3 (down) or a4 (unbound)");
        overlay.put("/ports/port=a3", "port", OverlayClient.vm("a3", "ta", "net-a2", "sa2", A3_MAC, "10.2.0.13",
            "c3"));
        awaitFlow("c3", true, "arp_tpa=172.24.4.13");
    }

    @Test
    @Order(12)
    void aVmMigratesWithItsSwitchedRoutedAndFloatingIpTrafficAndLosesNothingAfterItResumes() throws Exception {
        final OvsChassis source = lab.chassis("c2");
        final OvsChassis destination = lab.chassis("c1");
        final List<String> kinds = List.of("switched from a3", "routed from a1", "floating IP from gw");
        final ProbeStream probes = new ProbeStream(List.of(
            new ProbeStream.Sender(0, ProbeStream.Link.injecting(hex -> lab.chassis("c3").inject("a3", hex)), A3_MAC,
                A2_MAC, "10.2.0.13", "10.2.0.12"),
            new ProbeStream.Sender(1, ProbeStream.Link.injecting(hex -> lab.chassis("c1").inject("a1", hex)), A1_MAC,
                RA_MAC, "10.1.0.11", "10.2.0.12"),
            new ProbeStream.Sender(2, ProbeStream.Link.injecting(external::send), GW_MAC, FIP_A2_MAC, INTERNET_HOST,
                FIP_A2)));
        final int gatewayBefore = external.received().size();
        final long resumedAt;
        try {
            probes.start(50_000);
            // a steady stream first: every kind reaches the VM on the source
            awaitEveryStream(probes, source, 0, "reaching c2", 5);
            destination.addVmPort("a2", 3);
            overlay.awaitMigration("a2", CONVERGENCE, "state=prepared", "source-chassis=c2",
                "destination-chassis=c1");
            awaitFlow("c1", true, "CONTROLLER", "dl_src=" + A2_MAC);
            // every sender's chassis delivers to both copies now
            final long preparedAt = ProbeStream.micros(Instant.now());
            awaitEveryStream(probes, destination, preparedAt, "reaching the prepared copy on c1", 10);
            resumedAt = ProbeStream.micros(Instant.now());
            destination.inject("a2", Frames.rarp(A2_MAC));
            overlay.awaitMigration("a2", CONVERGENCE, "state=switched");
            awaitEveryStream(probes, destination, resumedAt, "reaching c1 after the VM resumed", 20);
            overlay.put("/ports/port=a2", "port", OverlayClient.vm("a2", "ta", "net-a2", "sa2", A2_MAC, "10.2.0.12",
                "c1"));
            overlay.awaitMigration("a2", CONVERGENCE, "state=bound", "source-cleanup=verified");
            awaitEveryStream(probes, destination, ProbeStream.micros(Instant.now()), "reaching c1 once bound", 5);
        } finally {
            probes.close();
        }
        final List<ProbeStream.Probe> atDestination = ProbeStream.probesIn(LabChecks.deliveredAfterDrain(probes,
            destination, "a2", resumedAt));
        final Set<ProbeStream.Probe> atSource = Set.copyOf(ProbeStream.probesIn(source.deliveredFramesWithTimes("a2")));
        for (int stream = 0; stream < kinds.size(); stream++) {
            final int kind = stream;
            final List<ProbeStream.Probe> after = probes.sentSince(resumedAt).stream()
                .filter(probe -> probe.sender() == kind).toList();
            final long lost = after.stream().filter(probe -> !atDestination.contains(probe)).count();
            final List<ProbeStream.Probe> delivered = atDestination.stream().filter(p -> p.sender() == kind).toList();
            final long duplicates = delivered.size() - delivered.stream().distinct().count();
            final long mirrored = probes.sentBefore(resumedAt).stream().filter(probe -> probe.sender() == kind)
                .filter(probe -> atSource.contains(probe) && atDestination.contains(probe)).count();
            LOG.info("migration with a floating IP, {}: {} probes sent after the VM resumed, {} lost, {} "
                + "duplicates; {} probes reached both copies while prepared", kinds.get(kind), after.size(), lost,
                duplicates, mirrored);
            assertTrue(after.size() >= 15, kinds.get(kind) + ": too few probes to judge: " + after.size());
            assertEquals(0, lost, kinds.get(kind) + ": probes lost after the VM resumed on c1");
            assertEquals(0, duplicates, kinds.get(kind) + ": probes delivered twice on c1");
            assertTrue(mirrored > 0, kinds.get(kind) + ": no probe reached both copies while prepared");
        }
        final List<byte[]> gratuitous = external.received().subList(gatewayBefore, external.received().size())
            .stream().map(PcapFile.Frame::bytes).filter(frame -> frame.length >= 42 && frame[12] == 8
                && frame[13] == 6 && frame[21] == 1 && mac(frame, 22).equals(FIP_A2_MAC)
                && ip(frame, 28).equals(FIP_A2) && ip(frame, 38).equals(FIP_A2)).toList();
        assertEquals(1, gratuitous.size(), "one gratuitous ARP for the floating IP on the external network");
        assertEquals("ff:ff:ff:ff:ff:ff", mac(gratuitous.get(0), 0));
        source.removePort("a2");
        assertEquals(List.of(), source.flows().stream().filter(flow -> flow.contains(A2_MAC)
            || flow.contains(FIP_A2_MAC) || flow.contains(FIP_A2) || flow.contains("in_port=1 ")).toList(),
            "no flow of a2 or its floating IP left on the source");
    }

    @Test
    @Order(13)
    void anAbortedMigrationOfThatVmLeavesNothingOnTheDestination() throws Exception {
        final List<String> before = lab.chassis("c3").flowRules();
        lab.chassis("c3").addVmPort("a2", 3);
        overlay.awaitMigration("a2", CONVERGENCE, "state=prepared", "source-chassis=c1", "destination-chassis=c3");
        awaitFlow("c3", true, "CONTROLLER", "dl_src=" + A2_MAC);
        assertTrue(lab.chassis("c3").flows().stream().anyMatch(flow -> flow.contains("nw_dst=" + FIP_A2)),
            "the destination is ready for the floating IP's traffic while prepared");
        OverlayClient.assertStatus(200, overlay.rpc("abort-migration", "{\"port\": \"a2\"}"));
        overlay.awaitMigration("a2", CONVERGENCE, "state=bound", "source-chassis=c1");
        final Instant deadline = Instant.now().plus(CONVERGENCE);
        while (!lab.chassis("c3").flowRules().equals(before)) {
            assertTrue(Instant.now().isBefore(deadline), "c3 not restored: " + lab.chassis("c3").flowRules());
            Thread.sleep(200);
        }
        lab.chassis("c3").removePort("a2");
        final Map<String, Long> counts = counts();
        external.send(Frames.ipv4(GW_MAC, FIP_A2_MAC, INTERNET_HOST, FIP_A2, 64));
        Deliveries.awaitExactly(RoutingIT::counts, counts, Map.of("c1/a2", 1L));
    }

    @Test
    @Order(14)
    void aRefusedWriteNamesTheFieldAndChangesNoSwitch() throws Exception {
        final Map<String, List<String>> before = new HashMap<>();
        for (OvsChassis node : lab.allChassis()) {
            before.put(node.name(), node.flowRules());
        }
        final Restconf.Response outside = karaf.restconf().put(OverlayClient.OVERLAY + "/floating-ips/floating-ip=bad",
            OverlayClient.wrap("floating-ip", "{\"id\": \"bad\", \"tenant\": \"ta\", \"floating-ip-address\": "
                + "\"198.51.100.7\", \"port\": \"a1\"}"));
        OverlayClient.assertStatus(400, outside);
        assertEquals("floating IP bad: floating-ip-address 198.51.100.7 is not inside any subnet of an external "
            + "network", outside.errorMessage());
        final Restconf.Response clash = karaf.restconf().put(OverlayClient.OVERLAY + "/routers/router=ra",
            OverlayClient.wrap("router", RA.replace("{\"subnet\": \"sa1\"}",
                "{\"subnet\": \"sa1\", \"ip-address\": \"10.1.0.11\"}") + "}"));
        OverlayClient.assertStatus(409, clash);
        assertEquals("router ra: interface address 10.1.0.11 on subnet sa1 is also fixed-ip of port a1",
            clash.errorMessage());
        // a second router on ra's subnet, taking its gateway address too
        final Restconf.Response twoRouters = karaf.restconf().put(OverlayClient.OVERLAY + "/routers/router=rc",
            OverlayClient.wrap("router", "{\"id\": \"rc\", \"tenant\": \"ta\", "
                + "\"interface\": [{\"subnet\": \"sa1\"}]}"));
        OverlayClient.assertStatus(409, twoRouters);
        assertEquals("router rc: interface address 10.1.0.1 on subnet sa1 is also router ra's",
            twoRouters.errorMessage());
        // in one merge, a subnet overlapping sa1 (in net-a2) and ra attached to it: refused whole, the subnet too
        final Restconf.Response overlapping = karaf.restconf().sendAny("PATCH", OverlayClient.OVERLAY,
            "application/json", "{\"liveflow:overlay\": {\"subnets\": {\"subnet\": [{\"id\": \"sa9\", "
                + "\"tenant\": \"ta\", \"network\": \"net-a2\", \"cidr\": \"10.1.0.0/16\", \"gateway-ip\": "
                + "\"10.1.9.1\"}]}, \"routers\": {\"router\": [" + RA.replace("{\"subnet\": \"sa2\"}",
                "{\"subnet\": \"sa2\"}, {\"subnet\": \"sa9\"}") + "}]}}}");
        OverlayClient.assertStatus(409, overlapping);
        assertEquals("router ra: interface on subnet sa9 (10.1.0.0/16) overlaps its interface on subnet sa1 "
            + "(10.1.0.0/24)", overlapping.errorMessage());
        OverlayClient.assertStatus(409, karaf.restconf().get(OverlayClient.OVERLAY + "/subnets/subnet=sa9"));
        // an accepted write after the refusals: once its route is on c1, a pass over every switch has run since
        final String extraRoute = "192.168.60.0/24";
        overlay.put("/routers/router=ra", "router", RA.replace("\"next-hop\": \"10.2.0.13\"}]",
            "\"next-hop\": \"10.2.0.13\"}, {\"destination\": \"" + extraRoute + "\", \"next-hop\": \"10.2.0.13\"}]")
            + "}");
        awaitFlow("c1", true, "nw_dst=" + extraRoute);
        for (OvsChassis node : lab.allChassis()) {
            assertEquals(before.get(node.name()), node.flowRules().stream()
                .filter(flow -> !flow.contains("nw_dst=" + extraRoute)).toList(),
                node.name() + " changed after refused writes");
        }
        overlay.put("/routers/router=ra", "router", RA + "}");
        awaitFlow("c1", false, "nw_dst=" + extraRoute);
        // RESTCONF answers a read of absent data with 409 data-missing
        final Restconf.Response stored = karaf.restconf().get(OverlayClient.OVERLAY + "/floating-ips/floating-ip=bad");
        OverlayClient.assertStatus(409, stored);
        assertTrue(stored.body().contains("data-missing"), stored.body());
    }

    private static void awaitEveryStream(final ProbeStream probes, final OvsChassis chassis, final long sinceMicros,
            final String what, final int count) throws Exception {
        LabChecks.awaitEveryStream(probes, chassis, "a2", 3, sinceMicros, what, count, CONVERGENCE);
    }

    private static void putFloatingIp(final String id, final String address, final String port) throws IOException {
        overlay.put("/floating-ips/floating-ip=" + id, "floating-ip", "{\"id\": \"" + id + "\", \"tenant\": \"ta\", "
            + "\"floating-ip-address\": \"" + address + "\", \"port\": \"" + port + "\"}");
    }

    /**
     * Waits until the gateway host received {@code count} frames more than {@code before}; returns them.
     */
    private static List<byte[]> awaitReceivedByGateway(final int before, final int count) throws Exception {
        final Instant deadline = Instant.now().plusSeconds(5);
        while (external.received().size() < before + count) {
            assertTrue(Instant.now().isBefore(deadline), "the gateway received " + (external.received().size()
                - before) + " frames, not " + count);
            Thread.sleep(100);
        }
        return external.received().subList(before, before + count).stream().map(PcapFile.Frame::bytes).toList();
    }

    /**
     * Sends a1's packet to a2 through ra and checks it arrives, or that it was classified on c1 (so sent) and
     * arrived nowhere.
     */
    private static void assertRoutedA1ToA2(final boolean delivered) throws Exception {
        final Map<String, Long> before = counts();
        final long sent = lab.chassis("c1").packetsOfFlows("table=0, ", "in_port=1 ");
        lab.chassis("c1").inject("a1", Frames.ipv4(A1_MAC, RA_MAC, "10.1.0.11", "10.2.0.12", 64));
        awaitFlowPackets("c1", sent + 1, "table=0, ", "in_port=1 ");
        Deliveries.awaitExactly(RoutingIT::counts, before, delivered ? Map.of("c2/a2", 1L) : Map.of());
    }

    private static void awaitFlow(final String chassis, final boolean present, final String... fragments)
            throws Exception {
        LabChecks.awaitFlow(lab, chassis, present, CONVERGENCE, fragments);
    }

    private static void awaitFlowPackets(final String chassis, final long packets, final String... fragments)
            throws Exception {
        LabChecks.awaitFlowPackets(lab, chassis, packets, fragments);
    }

    private static Map<String, Long> counts() throws IOException {
        return LabChecks.counts(lab, List.of("c1/a1", "c1/b1", "c1/a2", "c2/a2", "c2/b2", "c3/a3"));
    }

    private static byte[] lastFrame(final String chassis, final String vm) throws IOException {
        return LabChecks.lastFrame(lab, chassis, vm);
    }
}
