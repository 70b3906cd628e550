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
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;

/**
 * A trunk on c1: parent p1 (net1, VNI 1001, OpenFlow port 1) with sub-port sp2 on VLAN 100 (net2, VNI 1002), which
 * shares p1's MAC, as Neutron's sub-ports do by default. q2, a plain port of net2, is on c2 (port 2). Tunnels are
 * port 100 on both chassis; p1 plugs in as port 7 on c2 when it migrates there.
 */
class TrunkFlowsTest {
    private static final String MAC = "fa:16:3e:00:00:01";
    private static final String TAG = "push_vlan:0x8100,set_field:4196->vlan_vid";
    private final OverlayCompiler compiler = new OverlayCompiler();
    private final TestOverlay overlay = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
        .withNetwork("net2", "t1", 1002).withSubnet("s2", "net2", "10.0.2.0/24", "10.0.2.1")
        .withPort(port("sp2", "net2", MAC, "s2", "10.0.2.11"))
        .withPort(port("q2", "net2", "fa:16:3e:00:00:22", "s2", "10.0.2.12").setBindingChassis(id("c2")))
        .withTrunk("tr1", "p1", "sp2:100");
    private final SwitchInventory inventory = new SwitchInventory(Map.of(
        "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L), true),
        "openflow:2", new SwitchView("openflow:2", Map.of("p1", 7L, "p2", 1L, "q2", 2L, "tun-c1", 100L), true)));

    private SwitchFlows compile(final TestOverlay config, final Map<String, PortMigration> migrations,
            final String chassis) {
        return compiler.compile(config.snapshot(), inventory, migrations, chassis);
    }

    private static List<String> flowsOf(final SwitchFlows flows, final Owner owner) {
        return flows.flows().values().stream().filter(flow -> flow.owner().equals(owner)).map(FlowSpec::toString)
            .sorted().toList();
    }

    private static String cookie(final Owner owner) {
        return "0x" + Long.toHexString(owner.cookie());
    }

    @Test
    void aSubPortIsItsVlanOnTheParentsInterfaceInBothDirections() {
        final String sp2 = "cookie=" + cookie(Owner.port("sp2"));
        assertEquals(List.of(
            sp2 + ", table=0, priority=110,in_port=1,dl_vlan=100 actions=pop_vlan,"
                + "write_metadata:0x10003ea/0xffffffffff,goto_table:10",
            sp2 + ", table=10, priority=100,metadata=0x10003ea/0xffffffffff,dl_type=0x800,dl_src=" + MAC
                + ",nw_src=10.0.2.11 actions=goto_table:20",
            sp2 + ", table=10, priority=100,metadata=0x10003ea/0xffffffffff,dl_type=0x806,dl_src=" + MAC
                + ",arp_spa=10.0.2.11,arp_sha=" + MAC + " actions=goto_table:20",
            sp2 + ", table=10, priority=100,metadata=0x10003ea/0xffffffffff,dl_type=0x86dd,dl_src=" + MAC
                + " actions=goto_table:20",
            sp2 + ", table=20, priority=100,metadata=0x10003ea/0xffffffffff,dl_type=0x806,arp_op=1,"
                + "arp_tpa=10.0.2.12 actions=set_field:" + MAC + "->eth_dst,set_field:fa:16:3e:00:00:22->eth_src,"
                + "set_field:2->arp_op,set_field:" + MAC + "->arp_tha,set_field:10.0.2.11->arp_tpa,"
                + "set_field:fa:16:3e:00:00:22->arp_sha,set_field:10.0.2.12->arp_spa," + TAG + ",IN_PORT",
            sp2 + ", table=40, priority=100,metadata=0x3ea/0xffffff,dl_dst=" + MAC
                + " actions=write_metadata:0x10000000000/0xffff0000000000,goto_table:60",
            sp2 + ", table=60, priority=110,metadata=0x100000003ea/0xffff0000ffffff actions=" + TAG + ",output:1"),
            flowsOf(compile(overlay, Map.of(), "c1"), Owner.port("sp2")));
    }

    @Test
    void theParentKeepsItsUntaggedFramesAndDropsUnknownVlans() {
        final List<String> parent = flowsOf(compile(overlay, Map.of(), "c1"), Owner.port("p1"));
        final String p1 = "cookie=" + cookie(Owner.port("p1"));
        assertTrue(parent.contains(p1 + ", table=0, priority=100,in_port=1 actions=write_metadata:0x10003e9/"
            + "0xffffffffff,goto_table:10"), parent::toString);
        assertTrue(parent.contains(p1 + ", table=0, priority=105,in_port=1,vlan_tci=0x1000/0x1000 actions=drop"),
            parent::toString);
        assertTrue(parent.contains(p1 + ", table=60, priority=100,metadata=0x10000000000/0xffff0000000000 "
            + "actions=output:1"), parent::toString);
    }

    @Test
    void broadcastOnTheSubPortsNetworkReachesItTagged() {
        final SwitchFlows c1 = compile(overlay, Map.of(), "c1");
        assertEquals(List.of(List.of(new Action.PushVlan(), new Action.SetVlanVid(100), new Action.Output(1))),
            c1.groups().get(FloodFlows.localGroup(1002)).buckets());
        assertEquals(List.of(List.of(new Action.PushVlan(), new Action.SetVlanVid(100), new Action.Output(1)),
            List.of(new Action.SetTunnelId(1002), new Action.Output(100))),
            c1.groups().get(FloodFlows.everywhereGroup(1002)).buckets());
    }

    @Test
    void otherChassisReachTheSubPortThroughTheParentsChassis() {
        assertEquals(List.of("cookie=" + cookie(Owner.reach("sp2")) + ", table=40, priority=100,"
            + "metadata=0x3ea/0xffffff,dl_dst=" + MAC + " actions=set_field:1002->tun_id,output:100"),
            flowsOf(compile(overlay, Map.of(), "c2"), Owner.reach("sp2")));
    }

    @Test
    void theSubPortMigratesWithItsParentAndItsAnnouncementActivatesTheParentsMigration() {
        final Map<String, PortMigration> prepared = Map.of("p1",
            new PortMigration("p1", PortMigration.Phase.PREPARED, "c1", "c2", 3, true));
        final SwitchFlows destination = compile(overlay, prepared, "c2");
        final String trap = "cookie=" + cookie(Owner.migration("p1", 3));
        assertEquals(List.of(
            trap + ", table=10, priority=110,metadata=0x70003e9/0xffffffffff,dl_type=0x8035,dl_src=" + MAC
                + " actions=CONTROLLER:65535,goto_table:20",
            trap + ", table=10, priority=110,metadata=0x70003e9/0xffffffffff,dl_type=0x806,dl_src=" + MAC
                + ",arp_spa=10.0.0.11,arp_tpa=10.0.0.11,arp_sha=" + MAC + " actions=CONTROLLER:65535,goto_table:20",
            trap + ", table=10, priority=110,metadata=0x70003ea/0xffffffffff,dl_type=0x8035,dl_src=" + MAC
                + " actions=CONTROLLER:65535,goto_table:20",
            trap + ", table=10, priority=110,metadata=0x70003ea/0xffffffffff,dl_type=0x806,dl_src=" + MAC
                + ",arp_spa=10.0.2.11,arp_tpa=10.0.2.11,arp_sha=" + MAC + " actions=CONTROLLER:65535,goto_table:20"),
            flowsOf(destination, Owner.migration("p1", 3)));
        assertTrue(flowsOf(destination, Owner.port("sp2")).contains("cookie=" + cookie(Owner.port("sp2"))
            + ", table=0, priority=110,in_port=7,dl_vlan=100 actions=pop_vlan,write_metadata:0x70003ea/0xffffffffff,"
            + "goto_table:10"));
        // the source delivers what its ports send to sp2 to both copies, tagged locally
        final SwitchFlows source = compile(overlay, prepared, "c1");
        final long group = source.groups().keySet().stream().filter(id -> id >= CompileContext.DELIVERY_GROUP_BASE)
            .filter(id -> source.groups().get(id).owner().equals(Owner.port("sp2"))).findFirst().orElseThrow();
        assertEquals(List.of(List.of(new Action.PushVlan(), new Action.SetVlanVid(100), new Action.Output(1)),
            List.of(new Action.SetTunnelId(1002), new Action.Output(100))), source.groups().get(group).buckets());
        // once switched and bound on c2, nothing of sp2 is left on c1
        final TestOverlay bound = overlay.copy().withPort(port("p1", "net1", MAC, "s1", "10.0.0.11")
            .setBindingChassis(id("c2")));
        assertEquals(List.of(), flowsOf(compile(bound, Map.of(), "c1"), Owner.port("sp2")));
        assertTrue(flowsOf(compile(bound, Map.of(), "c2"), Owner.port("sp2")).contains("cookie="
            + cookie(Owner.port("sp2")) + ", table=60, priority=110,metadata=0x700000003ea/0xffff0000ffffff "
            + "actions=" + TAG + ",output:7"));
    }

    @Test
    void aSubPortAddedWhileItsParentMigratesIsProgrammedOnBothCopies() {
        final Map<String, PortMigration> prepared = Map.of("p1",
            new PortMigration("p1", PortMigration.Phase.PREPARED, "c1", "c2", 3, true));
        final TestOverlay added = overlay.copy().withNetwork("net3", "t1", 1003)
            .withSubnet("s3", "net3", "10.0.3.0/24", "10.0.3.1")
            .withPort(port("sp3", "net3", MAC, "s3", "10.0.3.11")).withTrunk("tr1", "p1", "sp2:100", "sp3:300");
        for (String chassis : List.of("c1", "c2")) {
            final long ofport = chassis.equals("c1") ? 1 : 7;
            assertTrue(flowsOf(compile(added, prepared, chassis), Owner.port("sp3")).contains("cookie="
                + cookie(Owner.port("sp3")) + ", table=0, priority=110,in_port=" + ofport + ",dl_vlan=300 "
                + "actions=pop_vlan,write_metadata:0x" + Long.toHexString(ofport << 24 | 1003)
                + "/0xffffffffff,goto_table:10"), chassis);
        }
    }

    @Test
    void deletingTheTrunkRemovesTheSubPortAndLeavesTheParentsUntaggedFlows() {
        final SwitchFlows withTrunk = compile(overlay, Map.of(), "c1");
        final TestOverlay deleted = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
            .withNetwork("net2", "t1", 1002).withSubnet("s2", "net2", "10.0.2.0/24", "10.0.2.1")
            .withPort(port("sp2", "net2", MAC, "s2", "10.0.2.11"))
            .withPort(port("q2", "net2", "fa:16:3e:00:00:22", "s2", "10.0.2.12").setBindingChassis(id("c2")));
        final SwitchFlows without = compile(deleted, Map.of(), "c1");
        assertEquals(List.of(), flowsOf(without, Owner.port("sp2")));
        final List<String> parentBefore = new java.util.ArrayList<>(flowsOf(withTrunk, Owner.port("p1")));
        parentBefore.removeIf(flow -> flow.contains("vlan_tci=0x1000/0x1000"));
        assertEquals(parentBefore, flowsOf(without, Owner.port("p1")));
    }

    @Test
    void aSubPortIsDownWhenItsParentIs() {
        final TestOverlay parentDown = overlay.copy().withPort(port("p1", "net1", MAC, "s1", "10.0.0.11")
            .setBindingChassis(id("c1")).setAdminStateUp(false));
        assertEquals(List.of(), flowsOf(compile(parentDown, Map.of(), "c1"), Owner.port("sp2")));
        assertEquals(List.of(), flowsOf(compile(parentDown, Map.of(), "c2"), Owner.reach("sp2")));
    }
}
