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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;

/**
 * The flows of docs/design.md section 5 on the three chassis of a migration: p1 moves from S = c1 to D = c2 while
 * R = c3 (with p3 of the same network) sends to it. p1 is OpenFlow port 1 on c1 and port 7 on c2; on every chassis the
 * tunnels to the two others are ports 100 and 101, in chassis name order.
 */
class MigrationFlowsTest {
    private static final long GENERATION = 3;
    private final OverlayCompiler compiler = new OverlayCompiler();
    private final TestOverlay overlay = TestOverlay.base().withChassis("c3", "192.0.2.3")
        .withDatapathId("c1", 1).withDatapathId("c2", 2).withDatapathId("c3", 3)
        .withPort(port("p3", "net1", "fa:16:3e:00:00:03", "s1", "10.0.0.13").setBindingChassis(id("c3")));
    private final SwitchInventory inventory = new SwitchInventory(Map.of(
        "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L, "tun-c3", 101L), true),
        "openflow:2", new SwitchView("openflow:2", Map.of("p1", 7L, "p2", 1L, "tun-c1", 100L, "tun-c3", 101L), true),
        "openflow:3", new SwitchView("openflow:3", Map.of("p3", 1L, "tun-c1", 100L, "tun-c2", 101L), true)));
    private final Map<String, PortMigration> prepared = Map.of("p1",
        new PortMigration("p1", PortMigration.Phase.PREPARED, "c1", "c2", GENERATION, true));
    private final Map<String, PortMigration> switched = Map.of("p1",
        new PortMigration("p1", PortMigration.Phase.SWITCHED, "c1", "c2", GENERATION, true));

    private SwitchFlows compile(final Map<String, PortMigration> migrations, final String chassis) {
        return compiler.compile(overlay.snapshot(), inventory, migrations, chassis);
    }

    private static List<String> flowsOf(final SwitchFlows flows, final Owner owner) {
        return flows.flows().values().stream().filter(flow -> flow.owner().equals(owner)).map(FlowSpec::toString)
            .sorted().toList();
    }

    private static long deliveryGroupOfP1() {
        return CompileContext.DELIVERY_GROUP_BASE + Integer.toUnsignedLong("p1".hashCode()) % 0x1000_0000L;
    }

    private static String cookie(final Owner owner) {
        return "0x" + Long.toHexString(owner.cookie());
    }

    @Test
    void preparedOtherChassisDeliversToBothCopiesThroughAnAllGroup() {
        final SwitchFlows r = compile(prepared, "c3");
        final long group = deliveryGroupOfP1();
        assertEquals(List.of("cookie=" + cookie(Owner.reach("p1")) + ", table=40, priority=100,"
            + "metadata=0x3e9/0xffffff,dl_dst=fa:16:3e:00:00:01 actions=group:" + group),
            flowsOf(r, Owner.reach("p1")));
        assertEquals(new GroupSpec(group, List.of(
            List.of(new Action.SetTunnelId(1001), new Action.Output(100)),
            List.of(new Action.SetTunnelId(1001), new Action.Output(101))), Owner.reach("p1")),
            r.groups().get(group));
        assertTrue(r.groups().get(FloodFlows.everywhereGroup(1001)).buckets().containsAll(List.of(
            List.of(new Action.SetTunnelId(1001), new Action.Output(100)),
            List.of(new Action.SetTunnelId(1001), new Action.Output(101)))), "broadcast reaches both copies");
    }

    @Test
    void preparedSourceDeliversLocallyAndToTheDestinationButTunnelledTrafficLocallyOnly() {
        final SwitchFlows s = compile(prepared, "c1");
        final long group = deliveryGroupOfP1();
        final List<String> lookup = flowsOf(s, Owner.port("p1")).stream().filter(flow -> flow.contains("table=40"))
            .toList();
        assertEquals(List.of(
            "cookie=" + cookie(Owner.port("p1")) + ", table=40, priority=100,metadata=0x3e9/0xffffff,"
                + "dl_dst=fa:16:3e:00:00:01 actions=group:" + group,
            "cookie=" + cookie(Owner.port("p1")) + ", table=40, priority=110,metadata=0xffff0003e9/0xffffffffff,"
                + "dl_dst=fa:16:3e:00:00:01 actions=write_metadata:0x10000000000/0xffff0000000000,goto_table:60"),
            lookup);
        assertEquals(List.of(List.of(new Action.Output(1)),
            List.of(new Action.SetTunnelId(1001), new Action.Output(100))), s.groups().get(group).buckets());
        assertTrue(flowsOf(s, Owner.migration("p1", GENERATION)).isEmpty(), "only the destination traps");
    }

    @Test
    void preparedDestinationHasEveryLocalFlowAndTrapsTheAnnouncementOfItsPortOnly() {
        final SwitchFlows d = compile(prepared, "c2");
        final List<String> local = flowsOf(d, Owner.port("p1"));
        assertTrue(local.stream().anyMatch(flow -> flow.contains("table=0, priority=100,in_port=7 ")), local::toString);
        assertTrue(local.stream().anyMatch(flow -> flow.contains("table=60") && flow.endsWith("output:7")),
            local::toString);
        assertEquals(List.of(
            "cookie=" + cookie(Owner.migration("p1", GENERATION)) + ", table=10, priority=110,"
                + "metadata=0x70003e9/0xffffffffff,dl_type=0x8035,dl_src=fa:16:3e:00:00:01 "
                + "actions=CONTROLLER:65535,goto_table:20",
            "cookie=" + cookie(Owner.migration("p1", GENERATION)) + ", table=10, priority=110,"
                + "metadata=0x70003e9/0xffffffffff,dl_type=0x806,dl_src=fa:16:3e:00:00:01,arp_spa=10.0.0.11,"
                + "arp_tpa=10.0.0.11,arp_sha=fa:16:3e:00:00:01 actions=CONTROLLER:65535,goto_table:20"),
            flowsOf(d, Owner.migration("p1", GENERATION)));
        assertTrue(Owner.isMigrationCookieOf(Owner.migration("p1", GENERATION).cookie(), "p1"));
        assertEquals(GENERATION, Owner.generationOf(Owner.migration("p1", GENERATION).cookie()));
    }

    @Test
    void switchingChangesOneFlowOnEveryOtherChassis() {
        final SwitchFlows before = compile(prepared, "c3");
        final SwitchFlows after = compile(switched, "c3");
        assertEquals(before.flows().keySet(), after.flows().keySet(), "no flow added or removed");
        final Set<String> changed = before.flows().keySet().stream()
            .filter(flowId -> !before.flows().get(flowId).equals(after.flows().get(flowId)))
            .collect(Collectors.toSet());
        assertEquals(1, changed.size(), "exactly one flow modified");
        assertEquals(List.of("cookie=" + cookie(Owner.reach("p1")) + ", table=40, priority=100,"
            + "metadata=0x3e9/0xffffff,dl_dst=fa:16:3e:00:00:01 actions=set_field:1001->tun_id,output:101"),
            flowsOf(after, Owner.reach("p1")), "traffic to the destination only");
    }

    @Test
    void switchedSourceForwardsToTheDestinationAndHoldsNoLocalFlowOfThePort() {
        final SwitchFlows s = compile(switched, "c1");
        assertEquals(List.of(), flowsOf(s, Owner.port("p1")));
        assertEquals(List.of("cookie=" + cookie(Owner.reach("p1")) + ", table=40, priority=100,"
            + "metadata=0x3e9/0xffffff,dl_dst=fa:16:3e:00:00:01 actions=set_field:1001->tun_id,output:100",
            "cookie=" + cookie(Owner.reach("p1")) + ", table=40, priority=110,"
            + "metadata=0xffff0003e9/0xffffffffff,dl_dst=fa:16:3e:00:00:01 actions=drop"),
            flowsOf(s, Owner.reach("p1")), "what its ports send goes to D; what tunnels bring has a twin there");
        final SwitchFlows early = compiler.compile(overlay.snapshot(), inventory, Map.of("p1",
            new PortMigration("p1", PortMigration.Phase.SWITCHED, "c1", "c2", GENERATION, false)), "c1");
        assertEquals(1, flowsOf(early, Owner.reach("p1")).size(),
            "before every chassis duplicates, S forwards what tunnels bring too");
        assertTrue(s.groups().keySet().stream().allMatch(group -> group < CompileContext.DELIVERY_GROUP_BASE));
    }

    @Test
    void sourceWithNoOtherPortOfTheNetworkStillForwardsInFlightPacketsWhenSwitched() {
        final ConfigSnapshot alone = overlay.copy().withPort(port("p1", "net1", "fa:16:3e:00:00:01", "s1",
            "10.0.0.11").setBindingChassis(id("c1"))).snapshot();
        final SwitchFlows s = compiler.compile(alone, inventory, switched, "c1");
        assertTrue(s.flows().values().stream().anyMatch(flow -> flow.toString().contains("tun_id=1001 ")),
            "c1 still accepts the network's tunnelled traffic");
        assertEquals(2, flowsOf(s, Owner.reach("p1")).size());
    }

    @Test
    void bindingUpdateAfterSwitchingOnlyRemovesTheSourcesForwardingFlows() {
        final ConfigSnapshot movedToD = overlay.copy().withPort(port("p1", "net1", "fa:16:3e:00:00:01", "s1",
            "10.0.0.11").setBindingChassis(id("c2"))).snapshot();
        for (String chassis : List.of("c2", "c3")) {
            assertEquals(compile(switched, chassis), compiler.compile(movedToD, inventory, Map.of(), chassis),
                chassis + " must not change");
        }
        final SwitchFlows switchedSource = compile(switched, "c1");
        final SwitchFlows boundSource = compiler.compile(movedToD, inventory, Map.of(), "c1");
        assertTrue(switchedSource.flows().entrySet().containsAll(boundSource.flows().entrySet()),
            "c1 only loses flows: " + boundSource.flows());
        assertTrue(boundSource.flows().values().stream().noneMatch(flow -> flow.owner().id().equals("p1")),
            "c1 (no other port of net1) keeps nothing of p1");
    }

    @Test
    void noMigrationMeansTheBindingAlone() {
        for (String chassis : List.of("c1", "c2", "c3")) {
            assertEquals(compiler.compile(overlay.snapshot(), inventory, chassis), compile(Map.of(), chassis));
        }
        assertTrue(flowsOf(compile(Map.of(), "c2"), Owner.port("p1")).isEmpty(),
            "an interface on a chassis the port is not bound to gets nothing without a migration");
    }
}
