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
import static org.opendaylight.liveflow.it.LabChecks.mac;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * Trunks on real Open vSwitch: a VM on c1 has trunk tr, whose parent tp is on net-p (untagged) with sub-ports ts1
 * (VLAN 101, net-v1, sharing tp's MAC, Neutron's default) and ts2 (VLAN 102, net-v2, a MAC of its own). Plain VMs
 * on c2 sit on each network: x0 (net-p), x1 (net-v1), x2 (net-v2). c3 is the destination of the trunk's migration.
 * Frames are injected into VM ports and read back, tag included, from the capture of the port that delivers them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrunkIT {
    private static final Logger LOG = LoggerFactory.getLogger(TrunkIT.class);
    private static final Duration CONVERGENCE = Duration.ofSeconds(60);
    private static final String T_MAC = "fa:16:3e:70:00:01";
    private static final String TS2_MAC = "fa:16:3e:70:00:02";
    private static final String X0_MAC = "fa:16:3e:70:00:10";
    private static final String X1_MAC = "fa:16:3e:70:00:11";
    private static final String X2_MAC = "fa:16:3e:70:00:12";
    private static final String TRUNK = "{\"id\": \"tr\", \"tenant\": \"tt\", \"parent-port\": \"tp\", \"sub-port\": "
        + "[{\"port\": \"ts1\", \"vlan-id\": 101}, {\"port\": \"ts2\", \"vlan-id\": 102}]}";

    private static KarafInstance karaf;
    private static OvsLab lab;
    private static OverlayClient overlay;

    @BeforeAll
    static void startControllerAndLab() throws Exception {
        karaf = KarafInstance.start("trunks");
        overlay = new OverlayClient(karaf.restconf());
        lab = OvsLab.start(karaf.home().resolveSibling("trunks-ovs"), karaf.labController(), "c1", "c2", "c3");
        overlay.put("/tenants/tenant=tt", "tenant", "{\"id\": \"tt\"}");
        for (OvsChassis node : lab.allChassis()) {
            overlay.putChassis(node);
        }
        int vni = 301;
        for (String net : List.of("p", "v1", "v2")) {
            overlay.put("/networks/network=net-" + net, "network", "{\"id\": \"net-" + net + "\", \"tenant\": \"tt\", "
                + "\"segmentation-id\": " + vni + "}");
            overlay.put("/subnets/subnet=s-" + net, "subnet", "{\"id\": \"s-" + net + "\", \"tenant\": \"tt\", "
                + "\"network\": \"net-" + net + "\", \"cidr\": \"10." + vni / 10 + "." + vni % 10 + ".0/24\"}");
            vni++;
        }
        // 10.30.1.0/24 on net-p, 10.30.2.0/24 on net-v1, 10.30.3.0/24 on net-v2
        overlay.put("/ports/port=tp", "port", OverlayClient.vm("tp", "tt", "net-p", "s-p", T_MAC, "10.30.1.10", "c1"));
        overlay.put("/ports/port=ts1", "port", subPort("ts1", "net-v1", "s-v1", T_MAC, "10.30.2.10"));
        overlay.put("/ports/port=ts2", "port", subPort("ts2", "net-v2", "s-v2", TS2_MAC, "10.30.3.10"));
        overlay.put("/ports/port=x0", "port", OverlayClient.vm("x0", "tt", "net-p", "s-p", X0_MAC, "10.30.1.20", "c2"));
        overlay.put("/ports/port=x1", "port", OverlayClient.vm("x1", "tt", "net-v1", "s-v1", X1_MAC, "10.30.2.20",
            "c2"));
        overlay.put("/ports/port=x2", "port", OverlayClient.vm("x2", "tt", "net-v2", "s-v2", X2_MAC, "10.30.3.20",
            "c2"));
        overlay.put("/trunks/trunk=tr", "trunk", TRUNK);
        OverlayClient.awaitPipelineOnEverySwitch(lab, CONVERGENCE);
        lab.chassis("c1").addVmPort("tp", 1);
        lab.chassis("c2").addVmPort("x0", 1);
        lab.chassis("c2").addVmPort("x1", 2);
        lab.chassis("c2").addVmPort("x2", 3);
        awaitFlow("c1", true, "in_port=1,dl_vlan=101");
        awaitFlow("c1", true, "in_port=1,dl_vlan=102");
        awaitFlow("c2", true, "dl_dst=" + TS2_MAC);
        awaitFlow("c2", true, "dl_dst=" + X2_MAC);
    }

    @AfterAll
    static void stop() {
        KarafInstance.stopAll(lab, karaf);
    }

    private static String subPort(final String id, final String network, final String subnet, final String mac,
            final String ip) {
        return "{\"id\": \"" + id + "\", \"tenant\": \"tt\", \"network\": \"" + network + "\", \"mac-address\": \""
            + mac + "\", \"fixed-ip\": [{\"ip-address\": \"" + ip + "\", \"subnet\": \"" + subnet + "\"}]}";
    }

    @Test
    @Order(1)
    void eachSubPortIsItsVlanOnTheParentsInterfaceInBothDirections() throws Exception {
        Map<String, Long> before = counts();
        lab.chassis("c2").inject("x1", Frames.ipv4(X1_MAC, T_MAC, "10.30.2.20", "10.30.2.10"));
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of("c1/tp", 1L));
        assertEquals(101, ProbeStream.vlanOf(lastFrame("c1", "tp")), "x1's packet reaches ts1 tagged with VLAN 101");
        assertEquals(T_MAC, mac(lastFrame("c1", "tp"), 0));

        before = counts();
        lab.chassis("c2").inject("x2", Frames.ipv4(X2_MAC, TS2_MAC, "10.30.3.20", "10.30.3.10"));
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of("c1/tp", 1L));
        assertEquals(102, ProbeStream.vlanOf(lastFrame("c1", "tp")), "x2's packet reaches ts2 tagged with VLAN 102");

        before = counts();
        lab.chassis("c2").inject("x0", Frames.ipv4(X0_MAC, T_MAC, "10.30.1.20", "10.30.1.10"));
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of("c1/tp", 1L));
        assertEquals(0, ProbeStream.vlanOf(lastFrame("c1", "tp")), "x0's packet reaches the parent untagged");

        before = counts();
        lab.chassis("c1").inject("tp", Frames.tagged(101, Frames.ipv4(T_MAC, X1_MAC, "10.30.2.10", "10.30.2.20")));
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of("c2/x1", 1L));
        final byte[] fromTs1 = lastFrame("c2", "x1");
        assertEquals("0800 " + T_MAC, HexFormat.of().formatHex(fromTs1, 12, 14) + " " + mac(fromTs1, 6),
            "ts1's tagged packet arrives untagged on net-v1");

        before = counts();
        lab.chassis("c1").inject("tp", Frames.ipv4(T_MAC, X0_MAC, "10.30.1.10", "10.30.1.20"));
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of("c2/x0", 1L));
    }

    @Test
    @Order(2)
    void theShellShowsTheTrunkAndThatSubPortsAreWhereTheirParentIs() throws Exception {
        final String list = karaf.shell().execute("liveflow:trunk-list");
        assertTrue(list.lines().anyMatch(line -> line.contains("tr ") && line.contains(" tp ") && line.contains(" c1 ")
            && line.contains("bound") && line.contains("ts1:101,ts2:102")), list);
        final String show = karaf.shell().execute("liveflow:trunk-show tr");
        assertTrue(show.contains("VLAN 101  ts1 on network net-v1, MAC " + T_MAC) && show.contains("VLAN 102  ts2 on "
            + "network net-v2, MAC " + TS2_MAC) && show.contains("Chassis       c1"), show);
        final String subPort = karaf.shell().execute("liveflow:port-show ts1");
        assertTrue(subPort.contains("Bound to      c1 (its parent tp's; a sub-port has no binding of its own)")
            && subPort.contains("Sub-port of   trunk tr, parent tp, VLAN 101"), subPort);
        final String parent = karaf.shell().execute("liveflow:port-show tp");
        assertTrue(parent.contains("Trunk parent  tr (2 sub-ports)") && parent.contains("VLAN 102  ts2 on network "
            + "net-v2"), parent);
    }

    @Test
    @Order(3)
    void broadcastStaysOnItsVlanAndReachesTheSubPortTagged() throws Exception {
        Map<String, Long> before = counts();
        lab.chassis("c1").inject("tp", Frames.tagged(101, Frames.arpRequest(T_MAC, "10.30.2.10", "10.30.2.99")));
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of("c2/x1", 1L));

        before = counts();
        lab.chassis("c2").inject("x2", Frames.arpRequest(X2_MAC, "10.30.3.20", "10.30.3.99"));
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of("c1/tp", 1L));
        final byte[] flooded = lastFrame("c1", "tp");
        assertEquals(102, ProbeStream.vlanOf(flooded), "the broadcast reaches ts2 tagged with its VLAN");
        assertEquals("ff:ff:ff:ff:ff:ff 0806", mac(flooded, 0) + " " + HexFormat.of().formatHex(flooded, 16, 18));
    }

    @Test
    @Order(4)
    void theArpResponderAnswersASubPortOnItsVlan() throws Exception {
        final Map<String, Long> before = counts();
        lab.chassis("c1").inject("tp", Frames.tagged(101, Frames.arpRequest(T_MAC, "10.30.2.10", "10.30.2.20")));
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of("c1/tp", 1L));
        final byte[] reply = lastFrame("c1", "tp");
        assertEquals(101, ProbeStream.vlanOf(reply), "the reply goes back on VLAN 101");
        assertEquals(T_MAC + " " + X1_MAC + " 0806 2", mac(reply, 0) + " " + mac(reply, 6) + " "
            + HexFormat.of().formatHex(reply, 16, 18) + " " + reply[25], "x1's ARP reply, answered on c1");
    }

    @Test
    @Order(5)
    void portSecurityChecksEachSubPortsOwnAddresses() throws Exception {
        final Map<String, Long> before = counts();
        final long classified = lab.chassis("c1").packetsOfFlows("table=0, ", "in_port=1,dl_vlan=101 ");
        // ts1 shares tp's MAC but not its address: the parent's IP on VLAN 101 is a spoof, and so is ts2's MAC
        lab.chassis("c1").inject("tp", Frames.tagged(101, Frames.ipv4(T_MAC, X1_MAC, "10.30.1.10", "10.30.2.20")));
        lab.chassis("c1").inject("tp", Frames.tagged(101, Frames.ipv4(TS2_MAC, X1_MAC, "10.30.2.10", "10.30.2.20")));
        awaitFlowPackets("c1", classified + 2, "table=0, ", "in_port=1,dl_vlan=101 ");
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of());
        lab.chassis("c1").inject("tp", Frames.tagged(101, Frames.ipv4(T_MAC, X1_MAC, "10.30.2.10", "10.30.2.20")));
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of("c2/x1", 1L));
    }

    @Test
    @Order(6)
    void aFrameOnAVlanNoSubPortHasIsDropped() throws Exception {
        final Map<String, Long> before = counts();
        final long dropped = lab.chassis("c1").packetsOfFlows("table=0, ", "vlan_tci=0x1000/0x1000");
        lab.chassis("c1").inject("tp", Frames.tagged(999, Frames.ipv4(T_MAC, X1_MAC, "10.30.2.10", "10.30.2.20")));
        lab.chassis("c1").inject("tp", Frames.tagged(999, Frames.arpRequest(T_MAC, "10.30.2.10", "10.30.2.99")));
        // the switch took both (the unknown-VLAN drop counted them), and nothing came out anywhere
        awaitFlowPackets("c1", dropped + 2, "table=0, ", "vlan_tci=0x1000/0x1000");
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of());
    }

    @Test
    @Order(7)
    void aSubPortRemovedFromABoundTrunkStopsAndOneAddedFlowsAtOnce() throws Exception {
        overlay.put("/trunks/trunk=tr", "trunk", TRUNK.replace(", {\"port\": \"ts2\", \"vlan-id\": 102}", ""));
        awaitFlow("c1", false, "dl_vlan=102");
        awaitFlow("c2", false, "dl_dst=" + TS2_MAC);
        assertTrue(lab.chassis("c1").flows().stream().noneMatch(flow -> flow.contains(TS2_MAC)),
            "no flow of ts2 left on c1");
        Map<String, Long> before = counts();
        final long sent = lab.chassis("c2").packetsOfFlows("table=0, ", "in_port=3 ");
        lab.chassis("c2").inject("x2", Frames.ipv4(X2_MAC, TS2_MAC, "10.30.3.20", "10.30.3.10"));
        awaitFlowPackets("c2", sent + 1, "table=0, ", "in_port=3 ");
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of());
        before = counts();
        lab.chassis("c2").inject("x1", Frames.ipv4(X1_MAC, T_MAC, "10.30.2.20", "10.30.2.10"));
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of("c1/tp", 1L));
        assertEquals(101, ProbeStream.vlanOf(lastFrame("c1", "tp")), "ts1 keeps flowing");

        overlay.put("/trunks/trunk=tr", "trunk", TRUNK);
        awaitFlow("c1", true, "in_port=1,dl_vlan=102");
        awaitFlow("c2", true, "dl_dst=" + TS2_MAC);
        before = counts();
        lab.chassis("c2").inject("x2", Frames.ipv4(X2_MAC, TS2_MAC, "10.30.3.20", "10.30.3.10"));
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of("c1/tp", 1L));
        assertEquals(102, ProbeStream.vlanOf(lastFrame("c1", "tp")), "ts2 flows again once added");
    }

    @Test
    @Order(8)
    void theTrunkMigratesWithEverySubPortAndLosesNothingAfterTheVmResumes() throws Exception {
        final OvsChassis source = lab.chassis("c1");
        final OvsChassis destination = lab.chassis("c3");
        final List<String> kinds = List.of("parent tp from x0", "ts1 (VLAN 101) from x1", "ts2 (VLAN 102) from x2");
        final List<Integer> vlans = List.of(0, 101, 102);
        final ProbeStream probes = new ProbeStream(List.of(
            new ProbeStream.Sender(0, ProbeStream.Link.injecting(hex -> lab.chassis("c2").inject("x0", hex)), X0_MAC,
                T_MAC, "10.30.1.20", "10.30.1.10"),
            new ProbeStream.Sender(1, ProbeStream.Link.injecting(hex -> lab.chassis("c2").inject("x1", hex)), X1_MAC,
                T_MAC, "10.30.2.20", "10.30.2.10"),
            new ProbeStream.Sender(2, ProbeStream.Link.injecting(hex -> lab.chassis("c2").inject("x2", hex)), X2_MAC,
                TS2_MAC, "10.30.3.20", "10.30.3.10")));
        final long resumedAt;
        try {
            probes.start(50_000);
            awaitEveryStream(probes, source, 0, "reaching c1", 5);
            destination.addVmPort("tp", 1);
            overlay.awaitMigration("tp", CONVERGENCE, "state=prepared", "source-chassis=c1",
                "destination-chassis=c3");
            awaitFlow("c3", true, "CONTROLLER", "dl_src=" + TS2_MAC);
            final long preparedAt = ProbeStream.micros(Instant.now());
            awaitEveryStream(probes, destination, preparedAt, "reaching the prepared copy on c3", 10);
            final JsonNode prepared = overlay.migration("tp");
            assertEquals(List.of("ts1 101 net-v1", "ts2 102 net-v2"), subPortsOf(prepared),
                "the migration record shows the sub-ports moving with tp");
            final String show = karaf.shell().execute("liveflow:trunk-show tr");
            assertTrue(show.contains("State         prepared (from c1 to c3") && show.contains("VLAN 101  ts1 on "
                + "network net-v1, MAC " + T_MAC + ", IP 10.30.2.10, admin up, prepared with its parent"), show);
            // the VM resumes on c3 and its sub-port ts2 announces itself first, tagged with its VLAN
            resumedAt = ProbeStream.micros(Instant.now());
            destination.inject("tp", Frames.tagged(102, Frames.rarp(TS2_MAC)));
            overlay.awaitMigration("tp", CONVERGENCE, "state=switched");
            awaitEveryStream(probes, destination, resumedAt, "reaching c3 after the VM resumed", 20);
            overlay.put("/ports/port=tp", "port", OverlayClient.vm("tp", "tt", "net-p", "s-p", T_MAC, "10.30.1.10",
                "c3"));
            overlay.awaitMigration("tp", CONVERGENCE, "state=bound", "source-cleanup=verified");
            awaitEveryStream(probes, destination, ProbeStream.micros(Instant.now()), "reaching c3 once bound", 5);
        } finally {
            probes.close();
        }
        final List<PcapFile.Frame> frames = LabChecks.deliveredAfterDrain(probes, destination, "tp", resumedAt);
        final List<ProbeStream.Probe> atDestination = ProbeStream.probesIn(frames);
        final Set<ProbeStream.Probe> atSource = Set.copyOf(ProbeStream.probesIn(source.deliveredFramesWithTimes("tp")));
        for (int stream = 0; stream < kinds.size(); stream++) {
            final int kind = stream;
            final List<ProbeStream.Probe> after = probes.sentSince(resumedAt).stream()
                .filter(probe -> probe.sender() == kind).toList();
            final long lost = after.stream().filter(probe -> !atDestination.contains(probe)).count();
            final List<ProbeStream.Probe> delivered = atDestination.stream().filter(p -> p.sender() == kind).toList();
            final long duplicates = delivered.size() - delivered.stream().distinct().count();
            final long mirrored = probes.sentBefore(resumedAt).stream().filter(probe -> probe.sender() == kind)
                .filter(probe -> atSource.contains(probe) && atDestination.contains(probe)).count();
            final long wrongTag = frames.stream().filter(frame -> ProbeStream.parse(frame.bytes())
                .map(probe -> probe.sender() == kind).orElse(false))
                .filter(frame -> ProbeStream.vlanOf(frame.bytes()) != vlans.get(kind)).count();
            LOG.info("trunk migration, {}: {} probes sent after the VM resumed, {} lost, {} duplicates; {} probes "
                + "reached both copies while prepared", kinds.get(kind), after.size(), lost, duplicates, mirrored);
            assertTrue(after.size() >= 15, kinds.get(kind) + ": too few probes to judge: " + after.size());
            assertEquals(0, lost, kinds.get(kind) + ": probes lost after the VM resumed on c3");
            assertEquals(0, duplicates, kinds.get(kind) + ": probes delivered twice on c3");
            assertTrue(mirrored > 0, kinds.get(kind) + ": no probe reached both copies while prepared");
            assertEquals(0, wrongTag, kinds.get(kind) + ": probes delivered on c3 without VLAN " + vlans.get(kind));
        }
        source.removePort("tp");
        assertEquals(List.of(), source.flows().stream().filter(flow -> flow.contains(T_MAC)
            || flow.contains(TS2_MAC) || flow.contains("in_port=1") || flow.contains("vlan")).toList(),
            "no flow of tp, ts1 or ts2 left on the source");
    }

    @Test
    @Order(9)
    void anAbortedMigrationOfTheTrunkLeavesNothingOnTheDestination() throws Exception {
        final List<String> before = lab.chassis("c2").flowRules();
        lab.chassis("c2").addVmPort("tp", 4);
        overlay.awaitMigration("tp", CONVERGENCE, "state=prepared", "source-chassis=c3", "destination-chassis=c2");
        awaitFlow("c2", true, "in_port=4,dl_vlan=102");
        awaitFlow("c2", true, "CONTROLLER", "dl_src=" + TS2_MAC);
        OverlayClient.assertStatus(200, overlay.rpc("abort-migration", "{\"port\": \"tp\"}"));
        overlay.awaitMigration("tp", CONVERGENCE, "state=bound", "source-chassis=c3");
        final Instant deadline = Instant.now().plus(CONVERGENCE);
        while (!lab.chassis("c2").flowRules().equals(before)) {
            assertTrue(Instant.now().isBefore(deadline), "c2 not restored: " + lab.chassis("c2").flowRules());
            Thread.sleep(200);
        }
        lab.chassis("c2").removePort("tp");
        final Map<String, Long> counts = counts();
        lab.chassis("c2").inject("x2", Frames.ipv4(X2_MAC, TS2_MAC, "10.30.3.20", "10.30.3.10"));
        Deliveries.awaitExactly(TrunkIT::counts, counts, Map.of("c3/tp", 1L));
        assertEquals(102, ProbeStream.vlanOf(lastFrame("c3", "tp")));
    }

    @Test
    @Order(10)
    void deletingABoundTrunkRemovesTheSubPortsAndTheParentLosesNothing() throws Exception {
        final ProbeStream probes = new ProbeStream(List.of(new ProbeStream.Sender(0,
            ProbeStream.Link.injecting(hex -> lab.chassis("c2").inject("x0", hex)), X0_MAC, T_MAC, "10.30.1.20",
            "10.30.1.10")));
        final long deletedAt;
        try {
            probes.start(20_000);
            final long startedAt = ProbeStream.micros(Instant.now());
            awaitStream(probes, "c3", startedAt, 10);
            deletedAt = ProbeStream.micros(Instant.now());
            OverlayClient.assertStatus(204, karaf.restconf().delete(OverlayClient.OVERLAY + "/trunks/trunk=tr"));
            awaitFlow("c3", false, "dl_vlan=");
            awaitFlow("c2", false, "dl_dst=" + TS2_MAC);
            awaitStream(probes, "c3", ProbeStream.micros(Instant.now()), 10);
        } finally {
            probes.close();
        }
        final List<ProbeStream.Probe> delivered = ProbeStream.probesIn(LabChecks.deliveredAfterDrain(probes,
            lab.chassis("c3"), "tp", deletedAt - 500_000));
        final List<ProbeStream.Probe> sent = probes.sentSince(deletedAt - 500_000);
        final long lost = sent.stream().filter(probe -> !delivered.contains(probe)).count();
        LOG.info("trunk deleted while bound: {} parent probes sent from 0.5 s before the delete, {} lost", sent.size(),
            lost);
        assertTrue(sent.size() >= 20, "too few probes to judge: " + sent.size());
        assertEquals(0, lost, "parent probes lost while the trunk was deleted");
        // nothing tagged, and no chassis delivers to ts1 (net-v1, VNI 0x12e) or ts2 (net-v2, VNI 0x12f) any more;
        // x1 and x2 still get ARP answers for the sub-ports' addresses, as for any configured port
        for (OvsChassis node : lab.allChassis()) {
            assertEquals(List.of(), node.flows().stream().filter(flow -> flow.contains("vlan")
                || flow.contains("metadata=0x12e/0xffffff,dl_dst=" + T_MAC)
                || flow.contains("metadata=0x12f/0xffffff,dl_dst=" + TS2_MAC)).toList(),
                "no sub-port flow left on " + node.name());
        }
        final Map<String, Long> before = counts();
        final long sentToTs1 = lab.chassis("c2").packetsOfFlows("table=0, ", "in_port=2 ");
        lab.chassis("c2").inject("x1", Frames.ipv4(X1_MAC, T_MAC, "10.30.2.20", "10.30.2.10"));
        awaitFlowPackets("c2", sentToTs1 + 1, "table=0, ", "in_port=2 ");
        Deliveries.awaitExactly(TrunkIT::counts, before, Map.of());
    }

    @Test
    @Order(11)
    void aBadTrunkWriteIsRefusedWithAMessageThatNamesTheProblemAndNothingIsStored() throws Exception {
        assertRefused(400, "{\"id\": \"bad\", \"tenant\": \"tt\", \"parent-port\": \"tp\", \"sub-port\": "
            + "[{\"port\": \"ts1\", \"vlan-id\": 0}]}", "sub-port ts1 in trunk bad: vlan-id '0' is not allowed: it "
            + "must be an integer in 1..4094");
        assertRefused(400, "{\"id\": \"bad\", \"tenant\": \"tt\", \"parent-port\": \"tp\", \"sub-port\": "
            + "[{\"port\": \"ts1\", \"vlan-id\": 4095}]}", "sub-port ts1 in trunk bad: vlan-id '4095' is not allowed: "
            + "it must be an integer in 1..4094");
        final Restconf.Response huge = karaf.restconf().put(OverlayClient.OVERLAY + "/trunks/trunk=bad",
            OverlayClient.wrap("trunk", "{\"id\": \"bad\", \"tenant\": \"tt\", \"parent-port\": \"tp\", "
                + "\"sub-port\": [{\"port\": \"ts1\", \"vlan-id\": 70000}]}"));
        OverlayClient.assertStatus(400, huge);
        assertTrue(huge.errorMessage().contains("70000"), huge.body());
        overlay.put("/ports/port=ts2", "port", subPort("ts2", "net-v2", "s-v2", TS2_MAC, "10.30.3.10")
            .replaceFirst("\\}$", ", \"binding-chassis\": \"c2\"}"));
        assertRefused(409, "{\"id\": \"bad\", \"tenant\": \"tt\", \"parent-port\": \"tp\", \"sub-port\": "
            + "[{\"port\": \"ts2\", \"vlan-id\": 102}]}", "trunk bad: sub-port ts2 has binding-chassis c2 but its "
            + "parent tp is on c3; a sub-port always takes its parent's chassis (leave its binding-chassis out)");
        overlay.put("/ports/port=sriov", "port", OverlayClient.vm("sriov", "tt", "net-p", "s-p", "fa:16:3e:70:00:30",
            "10.30.1.30", "c2").replaceFirst("\\}$", ", \"vnic-type\": \"direct\"}"));
        assertRefused(400, "{\"id\": \"bad\", \"tenant\": \"tt\", \"parent-port\": \"sriov\", \"sub-port\": "
            + "[{\"port\": \"ts1\", \"vlan-id\": 101}]}", "trunk bad: parent-port sriov has vnic-type direct (SR-IOV): "
            + "a trunk's VLANs need an Open vSwitch interface");
    }

    private static void assertRefused(final int status, final String trunk, final String message)
            throws IOException {
        final Restconf.Response response = karaf.restconf().put(OverlayClient.OVERLAY + "/trunks/trunk=bad",
            OverlayClient.wrap("trunk", trunk));
        OverlayClient.assertStatus(status, response);
        assertEquals(message, response.errorMessage());
        final Restconf.Response stored = karaf.restconf().get(OverlayClient.OVERLAY + "/trunks/trunk=bad");
        OverlayClient.assertStatus(409, stored);
        assertTrue(stored.body().contains("data-missing"), stored.body());
    }

    private static List<String> subPortsOf(final JsonNode migration) {
        final List<String> out = new ArrayList<>();
        migration.path("sub-port").forEach(sub -> out.add(sub.path("port").asText() + " " + sub.path("vlan-id").asText()
            + " " + sub.path("network").asText()));
        return out.stream().sorted().toList();
    }

    private static void awaitEveryStream(final ProbeStream probes, final OvsChassis chassis, final long sinceMicros,
            final String what, final int count) throws Exception {
        LabChecks.awaitEveryStream(probes, chassis, "tp", 3, sinceMicros, what, count, CONVERGENCE);
    }

    private static void awaitStream(final ProbeStream probes, final String chassis, final long sinceMicros,
            final int count) throws Exception {
        final Instant deadline = Instant.now().plus(CONVERGENCE);
        while (ProbeStream.probesIn(lab.chassis(chassis).deliveredFramesWithTimes("tp")).stream().distinct()
                .filter(probe -> probes.sentAt(probe) >= sinceMicros).count() < count) {
            assertTrue(Instant.now().isBefore(deadline), "the parent's probes do not reach " + chassis);
            Thread.sleep(100);
        }
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
        return LabChecks.counts(lab, List.of("c1/tp", "c2/x0", "c2/x1", "c2/x2", "c2/tp", "c3/tp"));
    }

    private static byte[] lastFrame(final String chassis, final String vm) throws IOException {
        return LabChecks.lastFrame(lab, chassis, vm);
    }
}
