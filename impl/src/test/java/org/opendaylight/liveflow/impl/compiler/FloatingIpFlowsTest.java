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
 * Floating IP fip1 (203.0.113.10) maps to p1 (10.0.0.11 on net1, VNI 1001, chassis c1) behind router r1; the
 * external network ext (VNI 4000, 203.0.113.0/24, gateway 203.0.113.1 at 02:fe:00:00:00:01) is reached through
 * each chassis' interface "ext" (OpenFlow port 50).
 */
class FloatingIpFlowsTest {
    private static final String P1 = "fa:16:3e:00:00:01";
    private static final String GATEWAY_MAC = "02:fe:00:00:00:01";
    private static final String FIP_MAC = "02:00:cb:00:71:0a";

    private final OverlayCompiler compiler = new OverlayCompiler();
    private final TestOverlay overlay = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
        .withBridgeMapping("c1", "physnet1", "ext").withBridgeMapping("c2", "physnet1", "ext")
        .withRouter("r1", List.of("s1"))
        .withExternalNetwork("ext", 4000, "203.0.113.0/24", "203.0.113.1", GATEWAY_MAC)
        .withFloatingIp("fip1", "203.0.113.10", "p1", null);
    private final SwitchInventory inventory = new SwitchInventory(Map.of(
        "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L, "ext", 50L), true),
        "openflow:2", new SwitchView("openflow:2", Map.of("p2", 1L, "tun-c1", 100L, "ext", 50L), true)));

    private List<String> flowsOf(final ConfigSnapshot config, final Map<String, PortMigration> migrations,
            final String chassis, final String fragment) {
        return compiler.compile(config, inventory, migrations, chassis).flows().values().stream()
            .map(FlowSpec::toString).filter(flow -> flow.contains(fragment)).sorted().toList();
    }

    private static String cookie(final Owner owner) {
        return "cookie=0x" + Long.toHexString(owner.cookie());
    }

    @Test
    void theHostingChassisTranslatesBothWaysAndAnswersTheGatewaysArp() {
        final String routerMac = RouterView.macOf(overlay.snapshot().routers().get("r1"));
        final String fip = cookie(Owner.floatingIp("fip1"));
        final List<String> expected = List.of(
            cookie(Owner.network("ext")) + ", table=0, priority=100,in_port=50 "
                + "actions=write_metadata:0x32000fa0/0xffffffffff,goto_table:20",
            fip + ", table=20, priority=110,metadata=0x32000000/0xffff000000,dl_type=0x806,arp_op=1,"
                + "arp_spa=203.0.113.1,arp_tpa=203.0.113.10 actions=set_field:" + GATEWAY_MAC + "->eth_dst,"
                + "set_field:" + FIP_MAC + "->eth_src,set_field:2->arp_op,set_field:" + GATEWAY_MAC + "->arp_tha,"
                + "set_field:203.0.113.1->arp_tpa,set_field:" + FIP_MAC + "->arp_sha,"
                + "set_field:203.0.113.10->arp_spa,IN_PORT",
            fip + ", table=30, priority=1032,metadata=0xfa0/0xffffff,dl_type=0x800,dl_dst=" + FIP_MAC
                + ",nw_dst=203.0.113.10 actions=set_field:10.0.0.11->ip_dst,set_field:" + routerMac + "->eth_src,"
                + "set_field:" + P1 + "->eth_dst,dec_ttl,write_metadata:0x3e9/0xffffff,goto_table:40",
            fip + ", table=30, priority=110,metadata=0x3e9/0xffffff,dl_type=0x800,dl_dst=" + routerMac
                + ",nw_src=10.0.0.11 actions=write_metadata:0x1000000000003e9/0x100000000ffffff,goto_table:35",
            fip + ", table=35, priority=999,metadata=0x1000000000003e9/0x100000000ffffff,dl_type=0x800,dl_dst="
                + routerMac + ",nw_src=10.0.0.11 actions=set_field:203.0.113.10->ip_src,set_field:" + FIP_MAC
                + "->eth_src,"
                + "set_field:" + GATEWAY_MAC + "->eth_dst,dec_ttl,output:50");
        final List<String> actual = flowsOf(overlay.snapshot(), Map.of(), "c1", "").stream()
            .filter(flow -> flow.startsWith(fip) || flow.contains("in_port=50 ")).toList();
        assertEquals(expected.stream().sorted().toList(), actual);
    }

    @Test
    void aChassisWithoutThePortHasNothingOfTheFloatingIp() {
        assertEquals(List.of(), flowsOf(overlay.snapshot(), Map.of(), "c2", "203.0.113.10"));
        assertEquals(List.of(), flowsOf(overlay.snapshot(), Map.of(), "c2", "in_port=50 "),
            "c2 hosts no floating IP: what arrives from the external network is dropped at table 0");
    }

    @Test
    void whileMigratingOnlyWhereTheFloatingIpLivesAnswersArpAndTheSwitchedSourceOnlyForwards() {
        final SwitchInventory both = new SwitchInventory(Map.of(
            "openflow:1", inventory.switches().get("openflow:1"),
            "openflow:2", new SwitchView("openflow:2", Map.of("p1", 7L, "p2", 1L, "tun-c1", 100L, "ext", 50L),
                true)));
        final ConfigSnapshot config = overlay.snapshot();
        final var prepared = Map.of("p1", new PortMigration("p1", PortMigration.Phase.PREPARED, "c1", "c2", 3, true));
        assertEquals(1, arpAnswers(config, both, prepared, "c1"), "the source answers while prepared");
        assertEquals(0, arpAnswers(config, both, prepared, "c2"), "the destination does not yet");
        assertTrue(dnat(config, both, prepared, "c2"), "the destination is ready for inbound traffic");

        final var switched = Map.of("p1", prepared.get("p1").switched());
        assertEquals(0, arpAnswers(config, both, switched, "c1"));
        assertEquals(1, arpAnswers(config, both, switched, "c2"));
        assertTrue(dnat(config, both, switched, "c1"), "the source still forwards inbound traffic to c2");
        assertTrue(compiler.compile(config, both, switched, "c1").flows().values().stream()
            .noneMatch(flow -> flow.toString().contains("set_field:203.0.113.10->ip_src")),
            "the source sends nothing out for the port any more");

        final ConfigSnapshot bound = overlay.copy().withPort(port("p1", "net1", P1, "s1", "10.0.0.11")
            .setBindingChassis(id("c2"))).snapshot();
        assertEquals(List.of(), compiler.compile(bound, both, Map.of(), "c1").flows().values().stream()
            .map(FlowSpec::toString).filter(flow -> flow.contains("203.0.113.10") || flow.contains(FIP_MAC))
            .toList(), "once bound to c2, c1 holds nothing of the floating IP");
    }

    @Test
    void anUnassociatedFloatingIpOrOneWhosePortIsDownHasNoFlow() {
        final ConfigSnapshot unassociated = overlay.copy().withFloatingIp("fip1", "203.0.113.10", null, null)
            .snapshot();
        assertEquals(List.of(), flowsOf(unassociated, Map.of(), "c1", "203.0.113.10"));
        final ConfigSnapshot portDown = overlay.copy().withPort(port("p1", "net1", P1, "s1", "10.0.0.11")
            .setBindingChassis(id("c1")).setAdminStateUp(false)).snapshot();
        assertEquals(List.of(), flowsOf(portDown, Map.of(), "c1", "203.0.113.10"));
    }

    private long arpAnswers(final ConfigSnapshot config, final SwitchInventory switches,
            final Map<String, PortMigration> migrations, final String chassis) {
        return compiler.compile(config, switches, migrations, chassis).flows().values().stream()
            .filter(flow -> flow.table() == Table.ARP_RESPONDER && flow.owner().equals(Owner.floatingIp("fip1")))
            .count();
    }

    private boolean dnat(final ConfigSnapshot config, final SwitchInventory switches,
            final Map<String, PortMigration> migrations, final String chassis) {
        return compiler.compile(config, switches, migrations, chassis).flows().values().stream()
            .anyMatch(flow -> flow.toString().contains("set_field:10.0.0.11->ip_dst"));
    }
}
