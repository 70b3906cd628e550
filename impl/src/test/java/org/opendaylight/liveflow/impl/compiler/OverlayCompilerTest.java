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
 * The compiler's exact output for small topologies: two chassis, one network, one VM on each.
 */
class OverlayCompilerTest {
    private final OverlayCompiler compiler = new OverlayCompiler();
    private final TestOverlay overlay = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2);
    private final SwitchInventory inventory = new SwitchInventory(Map.of(
        "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L), true),
        "openflow:2", new SwitchView("openflow:2", Map.of("p2", 1L, "tun-c1", 100L), true)));

    private static List<String> dump(final SwitchFlows flows) {
        return flows.flows().values().stream().map(FlowSpec::toString).sorted().toList();
    }

    @Test
    void chassisWithOneVmAndOneRemotePeerGetsTheWholePipeline() {
        final SwitchFlows c1 = compiler.compile(overlay.snapshot(), inventory, "c1");
        assertEquals(Owner.Kind.PORT.code(), Owner.port("p1").cookie() >>> 56, "the cookie names its owner's kind");
        final List<String> expected = List.of(
            "cookie=" + cookie(Owner.pipeline()) + ", table=0, priority=0 actions=drop",
            "cookie=" + cookie(Owner.port("p1")) + ", table=0, priority=100,in_port=1 "
                + "actions=write_metadata:0x10003e9/0xffffffffff,goto_table:10",
            "cookie=" + cookie(Owner.network("net1")) + ", table=0, priority=100,tun_id=1001 "
                + "actions=write_metadata:0xffff0003e9/0xffffffffff,goto_table:40",
            "cookie=" + cookie(Owner.pipeline()) + ", table=10, priority=0 actions=drop",
            "cookie=" + cookie(Owner.port("p1")) + ", table=10, priority=100,metadata=0x10003e9/0xffffffffff,"
                + "dl_type=0x800,dl_src=fa:16:3e:00:00:01,nw_src=10.0.0.11 actions=goto_table:20",
            "cookie=" + cookie(Owner.port("p1")) + ", table=10, priority=100,metadata=0x10003e9/0xffffffffff,"
                + "dl_type=0x806,dl_src=fa:16:3e:00:00:01,arp_spa=10.0.0.11,arp_sha=fa:16:3e:00:00:01 "
                + "actions=goto_table:20",
            "cookie=" + cookie(Owner.port("p1")) + ", table=10, priority=100,metadata=0x10003e9/0xffffffffff,"
                + "dl_type=0x86dd,dl_src=fa:16:3e:00:00:01 actions=goto_table:20",
            "cookie=" + cookie(Owner.pipeline()) + ", table=20, priority=0 actions=goto_table:30",
            "cookie=" + cookie(Owner.pipeline()) + ", table=30, priority=0 actions=goto_table:40",
            "cookie=" + cookie(Owner.pipeline()) + ", table=35, priority=0 actions=drop",
            "cookie=" + cookie(Owner.port("p1")) + ", table=20, priority=100,metadata=0x10003e9/0xffffffffff,"
                + "dl_type=0x806,arp_op=1,arp_tpa=10.0.0.12 actions=set_field:fa:16:3e:00:00:01->eth_dst,"
                + "set_field:fa:16:3e:00:00:02->eth_src,set_field:2->arp_op,set_field:fa:16:3e:00:00:01->arp_tha,"
                + "set_field:10.0.0.11->arp_tpa,set_field:fa:16:3e:00:00:02->arp_sha,"
                + "set_field:10.0.0.12->arp_spa,IN_PORT",
            "cookie=" + cookie(Owner.pipeline()) + ", table=40, priority=0 actions=drop",
            "cookie=" + cookie(Owner.network("net1")) + ", table=40, priority=10,metadata=0x3e9/0xffffff "
                + "actions=goto_table:50",
            "cookie=" + cookie(Owner.port("p1")) + ", table=40, priority=100,metadata=0x3e9/0xffffff,"
                + "dl_dst=fa:16:3e:00:00:01 actions=write_metadata:0x10000000000/0xffff0000000000,goto_table:60",
            "cookie=" + cookie(Owner.reach("p2")) + ", table=40, priority=100,metadata=0x3e9/0xffffff,"
                + "dl_dst=fa:16:3e:00:00:02 actions=set_field:1001->tun_id,output:100",
            "cookie=" + cookie(Owner.pipeline()) + ", table=50, priority=0 actions=drop",
            "cookie=" + cookie(Owner.network("net1")) + ", table=50, priority=100,metadata=0xffff0003e9/0xffffffffff "
                + "actions=group:2003",
            "cookie=" + cookie(Owner.network("net1")) + ", table=50, priority=90,metadata=0x3e9/0xffffff "
                + "actions=group:2002",
            "cookie=" + cookie(Owner.pipeline()) + ", table=60, priority=0 actions=drop",
            "cookie=" + cookie(Owner.port("p1")) + ", table=60, priority=100,metadata=0x10000000000/0xffff0000000000 "
                + "actions=output:1");
        assertEquals(expected.stream().sorted().toList(), dump(c1));
        assertEquals(Map.of(
            2002L, new GroupSpec(2002, List.of(List.of(new Action.Output(1)),
                List.of(new Action.SetTunnelId(1001), new Action.Output(100))), Owner.network("net1")),
            2003L, new GroupSpec(2003, List.of(List.of(new Action.Output(1))), Owner.network("net1"))),
            c1.groups());
    }

    @Test
    void disconnectedChassisGetsNothing() {
        final SwitchFlows flows = compiler.compile(overlay.snapshot(), new SwitchInventory(Map.of()), "c1");
        assertTrue(flows.flows().isEmpty());
        assertTrue(flows.groups().isEmpty());
    }

    @Test
    void briefDisconnectOfARemoteSwitchKeepsTunnellingToItsPorts() {
        final SwitchInventory c2Restarting = new SwitchInventory(Map.of(
            "openflow:1", inventory.switches().get("openflow:1"),
            "openflow:2", inventory.switches().get("openflow:2").disconnected()));
        assertEquals(dump(compiler.compile(overlay.snapshot(), inventory, "c1")),
            dump(compiler.compile(overlay.snapshot(), c2Restarting, "c1")));
    }

    @Test
    void aChassisWithATunnelPortPrefixTunnelsThroughItsOwnPortsOnly() {
        // two integration bridges in one ovs-vswitchd: c1's tunnel to c2 is "b1-c2", and a "tun-c2" beside it
        // belongs to another bridge's naming, so it must not be used
        final TestOverlay prefixed = overlay.copy().withTunnelPortPrefix("c1", "b1-");
        final SwitchInventory shared = new SwitchInventory(Map.of(
            "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "b1-c2", 200L, "tun-c2", 100L), true),
            "openflow:2", inventory.switches().get("openflow:2")));
        final List<String> c1 = dump(compiler.compile(prefixed.snapshot(), shared, "c1"));
        assertTrue(c1.contains("cookie=" + cookie(Owner.reach("p2")) + ", table=40, priority=100,"
            + "metadata=0x3e9/0xffffff,dl_dst=fa:16:3e:00:00:02 actions=set_field:1001->tun_id,output:200"),
            c1::toString);
        assertTrue(c1.stream().noneMatch(flow -> flow.contains("output:100")), c1::toString);
        final SwitchInventory unprefixed = new SwitchInventory(Map.of(
            "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L), true),
            "openflow:2", inventory.switches().get("openflow:2")));
        assertTrue(dump(compiler.compile(prefixed.snapshot(), unprefixed, "c1")).stream()
            .noneMatch(flow -> flow.contains("dl_dst=fa:16:3e:00:00:02")), "no tunnel port of its own: no reach");
    }

    @Test
    void portWhoseInterfaceIsNotPluggedHasNoFlows() {
        final SwitchInventory noP2 = new SwitchInventory(Map.of(
            "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L), true),
            "openflow:2", new SwitchView("openflow:2", Map.of("tun-c1", 100L), true)));
        final List<String> c1 = dump(compiler.compile(overlay.snapshot(), noP2, "c1"));
        assertTrue(c1.stream().noneMatch(flow -> flow.contains("dl_dst=fa:16:3e:00:00:02")), c1::toString);
        final List<String> c2 = dump(compiler.compile(overlay.snapshot(), noP2, "c2"));
        assertTrue(c2.stream().noneMatch(flow -> flow.contains("in_port=1 ")), c2::toString);
    }

    @Test
    void portsOfOtherNetworksNeverShareFlowsOrGroups() {
        final ConfigSnapshot twoNetworks = overlay.copy()
            .withNetwork("net2", "t1", 2002)
            .withPort(port("p5", "net2", "fa:16:3e:00:00:05").setBindingChassis(id("c1")))
            .snapshot();
        final SwitchInventory withP5 = new SwitchInventory(Map.of(
            "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "p5", 5L, "tun-c2", 100L), true),
            "openflow:2", new SwitchView("openflow:2", Map.of("p2", 1L, "tun-c1", 100L), true)));
        final SwitchFlows c1 = compiler.compile(twoNetworks, withP5, "c1");
        final GroupSpec net2Flood = c1.groups().get(FloodFlows.everywhereGroup(2002));
        assertEquals(List.of(List.of(new Action.Output(5))), net2Flood.buckets(),
            "net2 has no port on c2, so its flood stays local");
        assertEquals(List.of(List.of(new Action.Output(1)),
            List.of(new Action.SetTunnelId(1001), new Action.Output(100))),
            c1.groups().get(FloodFlows.everywhereGroup(1001)).buckets());
    }

    @Test
    void portWithPortSecurityDisabledIsNotChecked() {
        final ConfigSnapshot open = overlay.copy().withPort(port("p1", "net1", "fa:16:3e:00:00:01", "s1", "10.0.0.11")
            .setBindingChassis(id("c1")).setPortSecurityEnabled(false)).snapshot();
        final List<String> table10 = dump(compiler.compile(open, inventory, "c1")).stream()
            .filter(flow -> flow.contains("table=10, priority=100")).toList();
        assertEquals(List.of("cookie=" + cookie(Owner.port("p1")) + ", table=10, priority=100,"
            + "metadata=0x10003e9/0xffffffffff actions=goto_table:20"), table10);
    }

    @Test
    void aChassisAdministrativelyDownHostsNoPortUpAndNobodySendsToIt() {
        final ConfigSnapshot c2Down = overlay.copy().withChassisAdminState("c2", false).snapshot();
        final List<String> c1 = dump(compiler.compile(c2Down, inventory, "c1"));
        assertTrue(c1.stream().noneMatch(flow -> flow.contains("dl_dst=fa:16:3e:00:00:02")), c1::toString);
        final List<String> c2 = dump(compiler.compile(c2Down, inventory, "c2"));
        assertTrue(c2.stream().noneMatch(flow -> flow.contains("in_port=1 ")), c2::toString);
        assertEquals(dump(compiler.compile(overlay.snapshot(), inventory, "c1")),
            dump(compiler.compile(overlay.copy().withChassisAdminState("c2", false).withChassisAdminState("c2", true)
                .snapshot(), inventory, "c1")), "back up, c1 is as before");
    }

    private static String cookie(final Owner owner) {
        return "0x" + Long.toHexString(owner.cookie());
    }
}
