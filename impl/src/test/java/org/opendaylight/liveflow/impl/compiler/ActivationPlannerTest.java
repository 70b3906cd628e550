/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.id;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.port;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;

/**
 * The activation fast path's flow-mods for p1 moving from S = c1 to D = c2, with R = c3 sending (the fixture of
 * {@link MigrationFlowsTest}): applied to what each chassis holds while prepared, they must give exactly the
 * flows of the switched state.
 */
class ActivationPlannerTest {
    private static final long GENERATION = 3;
    private final OverlayCompiler compiler = new OverlayCompiler();
    private final ActivationPlanner planner = new ActivationPlanner(compiler);
    private final TestOverlay overlay = TestOverlay.base().withChassis("c3", "192.0.2.3")
        .withDatapathId("c1", 1).withDatapathId("c2", 2).withDatapathId("c3", 3)
        .withPort(port("p3", "net1", "fa:16:3e:00:00:03", "s1", "10.0.0.13").setBindingChassis(id("c3")));
    private final SwitchInventory inventory = new SwitchInventory(Map.of(
        "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L, "tun-c3", 101L), true),
        "openflow:2", new SwitchView("openflow:2", Map.of("p1", 7L, "p2", 1L, "tun-c1", 100L, "tun-c3", 101L), true),
        "openflow:3", new SwitchView("openflow:3", Map.of("p3", 1L, "tun-c1", 100L, "tun-c2", 101L), true)));
    private final PortMigration prepared = new PortMigration("p1", PortMigration.Phase.PREPARED, "c1", "c2",
        GENERATION, true);

    private Map<String, SwitchFlows> compileAll(final PortMigration migration) {
        final Map<String, SwitchFlows> flows = new HashMap<>();
        for (String chassis : List.of("c1", "c2", "c3")) {
            flows.put(chassis, compiler.compile(overlay.snapshot(), inventory, Map.of("p1", migration), chassis));
        }
        return flows;
    }

    private static Map<String, FlowSpec> apply(final FlowDelta delta, final SwitchFlows flows) {
        final Map<String, FlowSpec> result = new HashMap<>(flows.flows());
        delta.removed().forEach(flow -> result.remove(flow.id()));
        delta.put().forEach(flow -> result.put(flow.id(), flow));
        return result;
    }

    @Test
    void planTurnsEveryChassisPreparedFlowsIntoItsSwitchedFlows() {
        final Map<String, SwitchFlows> before = compileAll(prepared);
        final Map<String, SwitchFlows> after = compileAll(prepared.switched());
        final Map<String, FlowDelta> plan = planner.plan(overlay.snapshot(), inventory, Map.of("p1", prepared),
            prepared, before);
        assertEquals(before.keySet(), plan.keySet(), "every chassis changes");
        for (String chassis : before.keySet()) {
            assertEquals(after.get(chassis).flows(), apply(plan.get(chassis), before.get(chassis)), chassis);
        }
    }

    @Test
    void otherChassisGetsOneFlowModAndTheDestinationLosesItsTraps() {
        final Map<String, FlowDelta> plan = planner.plan(overlay.snapshot(), inventory, Map.of("p1", prepared),
            prepared, compileAll(prepared));
        assertEquals(1, plan.get("c3").size(), "R: one flow-mod");
        assertEquals(List.of("cookie=0x" + Long.toHexString(Owner.reach("p1").cookie()) + ", table=40, priority=100,"
            + "metadata=0x3e9/0xffffff,dl_dst=fa:16:3e:00:00:01 actions=set_field:1001->tun_id,output:101"),
            plan.get("c3").put().stream().map(FlowSpec::toString).toList());
        assertEquals(2, plan.get("c2").removed().stream()
            .filter(flow -> flow.owner().equals(Owner.migration("p1", GENERATION))).count(), () -> "D: " + plan);
        assertEquals(List.of("goto_table:60"), plan.get("c2").put().stream()
            .map(flow -> flow.toString().replaceAll(".*[,=]", "")).toList(), "D: delivers locally, no group");
    }

    @Test
    void replanningKeepsEveryBystanderWhoseFlowsStayedAndPlansTheSourceAndDestinationAgain() {
        final Map<String, SwitchFlows> before = compileAll(prepared);
        final ActivationPlanner.Plan first = planner.replan(overlay.snapshot(), inventory, Map.of("p1", prepared),
            prepared, before, null);
        final ActivationPlanner.Plan again = planner.replan(overlay.snapshot(), inventory, Map.of("p1", prepared),
            prepared, before, first);
        assertEquals(first.deltas(), again.deltas());
        assertSame(first.deltas().get("c3"), again.deltas().get("c3"), "c3 held the same: kept, not compiled");
        assertNotSame(first.deltas().get("c1"), again.deltas().get("c1"), "the source is always planned again");
        assertNotSame(first.deltas().get("c2"), again.deltas().get("c2"), "the destination too");
    }

    @Test
    void replanningAfterAChangePlansExactlyWhatAFreshPlanDoes() {
        final Map<String, SwitchFlows> before = compileAll(prepared);
        final ActivationPlanner.Plan first = planner.replan(overlay.snapshot(), inventory, Map.of("p1", prepared),
            prepared, before, null);
        // a new port on c3's network, plugged on c3: c3 holds other flows now, and so do the others
        overlay.withPort(port("p4", "net1", "fa:16:3e:00:00:04", "s1", "10.0.0.14").setBindingChassis(id("c3")));
        final SwitchInventory withP4 = new SwitchInventory(Map.of(
            "openflow:1", inventory.switches().get("openflow:1"),
            "openflow:2", inventory.switches().get("openflow:2"),
            "openflow:3", new SwitchView("openflow:3", Map.of("p3", 1L, "p4", 2L, "tun-c1", 100L, "tun-c2", 101L),
                true)));
        final Map<String, SwitchFlows> now = new HashMap<>();
        for (String chassis : List.of("c1", "c2", "c3")) {
            now.put(chassis, compiler.compile(overlay.snapshot(), withP4, Map.of("p1", prepared), chassis));
        }
        final ActivationPlanner.Plan replanned = planner.replan(overlay.snapshot(), withP4, Map.of("p1", prepared),
            prepared, now, first);
        assertEquals(planner.plan(overlay.snapshot(), withP4, Map.of("p1", prepared), prepared, now),
            replanned.deltas());
        // and a migration of another generation is planned afresh everywhere
        final PortMigration later = new PortMigration("p1", PortMigration.Phase.PREPARED, "c1", "c2",
            GENERATION + 1, true);
        final ActivationPlanner.Plan other = planner.replan(overlay.snapshot(), withP4, Map.of("p1", later), later,
            now, replanned);
        assertNotSame(replanned.deltas().get("c3"), other.deltas().get("c3"));
    }

    @Test
    void onlyPreparedMigrationsArePlanned() {
        assertThrows(IllegalArgumentException.class, () -> planner.plan(overlay.snapshot(), inventory,
            Map.of("p1", prepared.switched()), prepared.switched(), compileAll(prepared.switched())));
    }

    @Test
    void flowUsingAGroupTheSwitchLacksIsLeftToTheFullWrite() {
        final Owner owner = Owner.reach("p1");
        final FlowSpec toGroup = FlowSpec.apply(Table.L2_LOOKUP, 100, Match.any(), List.of(new Action.Group(7)),
            owner);
        final FlowSpec drop = FlowSpec.drop(Table.L2_LOOKUP, 90, Match.any(), owner);
        final SwitchFlows empty = SwitchFlows.of(List.of(), List.of());
        final SwitchFlows withGroup = SwitchFlows.of(List.of(toGroup, drop),
            List.of(new GroupSpec(7, List.of(List.of(new Action.Output(1))), owner)));
        assertEquals(List.of(drop), FlowDelta.between(empty, withGroup).put());
        assertEquals(List.of(toGroup, drop).stream().sorted(Comparator.comparing(FlowSpec::id)).toList(),
            FlowDelta.between(SwitchFlows.of(List.of(), withGroup.groups().values()), withGroup).put());
        assertEquals(List.of(drop), FlowDelta.between(withGroup, SwitchFlows.of(List.of(toGroup),
            withGroup.groups().values())).removed());
        assertTrue(FlowDelta.between(withGroup, withGroup).isEmpty());
    }
}
