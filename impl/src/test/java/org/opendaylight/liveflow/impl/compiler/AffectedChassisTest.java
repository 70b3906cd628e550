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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.RandomChanges;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.testing.ThreeChassis;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.liveflow.impl.validation.OverlayValidator;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * Compiling only the chassis a change can alter gives what compiling every chassis gives: over random changes to
 * the configuration, the switches and the migrations, a {@link ChassisCompiles} kept from pass to pass holds, after
 * every pass, exactly what a fresh compile of each chassis holds, while skipping many compiles.
 */
class AffectedChassisTest {
    private final OverlayValidator validator = new OverlayValidator();
    private final OverlayCompiler compiler = new OverlayCompiler();

    @Test
    void compilingTheAffectedChassisEqualsCompilingEveryChassis() {
        int passes = 0;
        int compiles = 0;
        int skipped = 0;
        for (long seed = 1; seed <= 60; seed++) {
            final Random random = new Random(seed);
            final RandomChanges changes = new RandomChanges(seed);
            final List<String> asked = new ArrayList<>();
            final ChassisCompiles incremental = new ChassisCompiles((config, switches, migrations, chassis) -> {
                asked.add(chassis);
                return compiler.compile(config, switches, migrations, chassis);
            });
            // half the walks start with a trunk whose sub-port is in another network than its parent
            TestOverlay state = seed % 2 == 0 ? RandomChanges.start() : withTrunkIntoNet2(RandomChanges.start());
            assertEquals(List.of(), validator.validate(ConfigSnapshot.empty(), state.snapshot()), "the start");
            SwitchInventory inventory = ThreeChassis.everyPortEverywhere();
            Map<String, PortMigration> migrations = Map.of();
            for (int step = 0; step < 150; step++) {
                final String what;
                final int kind = random.nextInt(10);
                if (kind < 5) {
                    final TestOverlay next = state.copy();
                    what = changes.apply(next);
                    if (validator.validate(state.snapshot(), next.snapshot()).isEmpty()) {
                        state = next;
                    }
                } else if (kind < 8) {
                    final SwitchInventory before = inventory;
                    inventory = changeSwitch(inventory, random);
                    what = "switches " + before + " -> " + inventory;
                } else {
                    migrations = changeMigration(state.snapshot(), migrations, random);
                    what = "migrations " + migrations.values();
                }
                final ConfigSnapshot config = ThreeChassis.withDatapathIds(state).snapshot();
                asked.clear();
                final Map<String, SwitchFlows> compiled = incremental.compile(config, inventory, migrations,
                    config.chassis().keySet());
                passes++;
                compiles += asked.size();
                skipped += config.chassis().size() - asked.size();
                for (String chassis : config.chassis().keySet()) {
                    assertEquals(compiler.compile(config, inventory, migrations, chassis), compiled.get(chassis),
                        "seed " + seed + " step " + step + " (" + what + "): " + chassis + " (compiled " + asked
                            + ")");
                }
            }
        }
        // most passes must skip a chassis, or the equality proves little
        assertTrue(skipped > compiles / 2, "passes " + passes + ", compiles " + compiles + ", skipped " + skipped);
    }

    @Test
    void aPortWriteAltersTheChassisOfItsNetworkAndOfNetworksARouterJoinsToIt() {
        final TestOverlay overlay = ThreeChassis.withDatapathIds(withNet2OnC3(TestOverlay.base()));
        final SwitchInventory switches = ThreeChassis.everyPortEverywhere();
        final AffectedChassis.Inputs before = new AffectedChassis.Inputs(overlay.snapshot(), switches, Map.of());
        final TestOverlay newPort = overlay.copy().withPort(TestOverlay.port("p4", "net1", "fa:16:3e:00:00:04", "s1",
            "10.0.0.14").setBindingChassis(TestOverlay.id("c1")));
        assertEquals(Optional.of(Set.of("c1", "c2")), AffectedChassis.between(before,
            new AffectedChassis.Inputs(newPort.snapshot(), switches, Map.of())));
        // joined by a router, net1's ports are routes on c3
        final TestOverlay routed = overlay.copy().withRouter("r1", List.of("s1", "s2"));
        assertEquals(Optional.of(Set.of("c1", "c2", "c3")), AffectedChassis.between(
            new AffectedChassis.Inputs(routed.snapshot(), switches, Map.of()),
            new AffectedChassis.Inputs(newPort.copy().withRouter("r1", List.of("s1", "s2")).snapshot(), switches,
                Map.of())));
        // c3's switch losing p3's interface alters c3 alone (nobody else forwards for net2)
        final Map<String, SwitchView> lost = new HashMap<>(switches.switches());
        final SwitchView c3 = lost.get("openflow:3");
        final Map<String, Long> ports = new HashMap<>(c3.portsByName());
        ports.remove("p3");
        lost.put("openflow:3", new SwitchView(c3.nodeId(), ports, true));
        assertEquals(Optional.of(Set.of("c3")), AffectedChassis.between(before,
            new AffectedChassis.Inputs(overlay.snapshot(), new SwitchInventory(lost), Map.of())));
        // a port with a floating IP is followed like any other: its flows are where the port is
        final TestOverlay withFip = routed.copy().withExternalNetwork("ext", 4000, "203.0.113.0/24", "203.0.113.1",
            "fa:16:3e:ff:00:01").withRouter("r1", List.of("s1", "s2", "ext-s"))
            .withFloatingIp("fip1", "203.0.113.10", "p3", null);
        assertEquals(Optional.of(Set.of("c1", "c2", "c3")), AffectedChassis.between(
            new AffectedChassis.Inputs(withFip.snapshot(), switches, Map.of()),
            new AffectedChassis.Inputs(withFip.copy().withPort(TestOverlay.port("p3", "net2", "fa:16:3e:00:00:33",
                "s2", "10.0.2.13").setBindingChassis(TestOverlay.id("c3"))).snapshot(), switches, Map.of())));
        final TestOverlay unroutedFip = overlay.copy().withExternalNetwork("ext", 4000, "203.0.113.0/24",
            "203.0.113.1", "fa:16:3e:ff:00:01").withRouter("r1", List.of("s2", "ext-s"))
            .withFloatingIp("fip1", "203.0.113.10", "p3", null);
        // its migration to c1 alters both ends, not c2 (nothing of net2 or the external network is there)
        assertEquals(Optional.of(Set.of("c1", "c3")), AffectedChassis.between(
            new AffectedChassis.Inputs(unroutedFip.snapshot(), switches, Map.of()),
            new AffectedChassis.Inputs(unroutedFip.snapshot(), switches,
                Map.of("p3", new PortMigration("p3", PortMigration.Phase.PREPARED, "c3", "c1", 1, false)))));
        // a router written is not followed
        assertEquals(Optional.empty(), AffectedChassis.between(before,
            new AffectedChassis.Inputs(routed.snapshot(), switches, Map.of())));
    }

    @Test
    void aTrunksSubPortIsPlacedWhereItsParentIsAndTheParentReachesItsSubPortsNetworks() {
        // p1 on c1 (net1) is the parent of p4 (net2, VLAN 100); p2 on c2 is in net1, p3 on c3 in net2
        final TestOverlay overlay = ThreeChassis.withDatapathIds(withTrunkIntoNet2(TestOverlay.base()));
        final SwitchInventory switches = ThreeChassis.everyPortEverywhere();
        final AffectedChassis.Inputs before = new AffectedChassis.Inputs(overlay.snapshot(), switches, Map.of());
        // the sub-port rewritten: the parent's chassis and net2's, not c2 (net1 only)
        assertEquals(Optional.of(Set.of("c1", "c3")), AffectedChassis.between(before, new AffectedChassis.Inputs(
            overlay.copy().withPort(TestOverlay.port("p4", "net2", "fa:16:3e:00:00:44", "s2", "10.0.2.14"))
                .snapshot(), switches, Map.of())));
        // the parent rewritten, or migrated to c2: its own network's chassis and its sub-port's
        assertEquals(Optional.of(Set.of("c1", "c2", "c3")), AffectedChassis.between(before,
            new AffectedChassis.Inputs(overlay.copy().withPort(TestOverlay.port("p1", "net1", "fa:16:3e:00:00:11",
                "s1", "10.0.0.11").setBindingChassis(TestOverlay.id("c1"))).snapshot(), switches, Map.of())));
        final Map<String, PortMigration> migration = Map.of("p1", new PortMigration("p1",
            PortMigration.Phase.PREPARED, "c1", "c2", 1, false));
        final AffectedChassis.Inputs migrating = new AffectedChassis.Inputs(overlay.snapshot(), switches, migration);
        assertEquals(Optional.of(Set.of("c1", "c2", "c3")), AffectedChassis.between(before, migrating));
        // once it is prepared on c2, c2's switch losing the parent's interface reaches net2's chassis too
        final Map<String, SwitchView> lost = new HashMap<>(switches.switches());
        final SwitchView c2 = lost.get("openflow:2");
        final Map<String, Long> ports = new HashMap<>(c2.portsByName());
        ports.remove("p1");
        lost.put("openflow:2", new SwitchView(c2.nodeId(), ports, true));
        assertEquals(Optional.of(Set.of("c1", "c2", "c3")), AffectedChassis.between(migrating,
            new AffectedChassis.Inputs(overlay.snapshot(), new SwitchInventory(lost), migration)));
        // a trunk written is not followed
        assertEquals(Optional.empty(), AffectedChassis.between(before, new AffectedChassis.Inputs(
            overlay.copy().withTrunk("tr1", "p1", "p4:101").snapshot(), switches, Map.of())));
    }

    /** c3, with p3 alone in net2 (10.0.2.0/24). */
    private static TestOverlay withNet2OnC3(final TestOverlay overlay) {
        return overlay.withChassis("c3", "192.0.2.3").withNetwork("net2", "t1", 1002)
            .withSubnet("s2", "net2", "10.0.2.0/24", "10.0.2.1")
            .withPort(TestOverlay.port("p3", "net2", "fa:16:3e:00:00:03", "s2", "10.0.2.13")
                .setBindingChassis(TestOverlay.id("c3")));
    }

    /** As {@link #withNet2OnC3}, and p1 (net1, on c1) the parent of p4, in net2, on VLAN 100. */
    private static TestOverlay withTrunkIntoNet2(final TestOverlay overlay) {
        return withNet2OnC3(overlay).withPort(TestOverlay.port("p4", "net2", "fa:16:3e:00:00:04", "s2", "10.0.2.14"))
            .withTrunk("tr1", "p1", "p4:100");
    }

    /** Adds or removes a VM or tunnel interface on one switch, or reconnects it. */
    private static SwitchInventory changeSwitch(final SwitchInventory inventory, final Random random) {
        final String chassis = ThreeChassis.CHASSIS.get(random.nextInt(3));
        final String node = ThreeChassis.nodeId(chassis);
        final SwitchView view = inventory.switches().get(node);
        final Map<String, SwitchView> switches = new HashMap<>(inventory.switches());
        if (random.nextInt(5) == 0) {
            switches.put(node, view.withConnection(view.connection() + 1));
        } else {
            final String name = random.nextInt(4) == 0 ? "tun-" + ThreeChassis.CHASSIS.get(random.nextInt(3))
                : "p" + (1 + random.nextInt(ThreeChassis.PORTS));
            final Map<String, Long> ports = new HashMap<>(view.portsByName());
            if (ports.remove(name) == null && !name.equals("tun-" + chassis)) {
                // a new interface takes a number the switch has not given yet, as OVS does
                ports.put(name, ports.values().stream().mapToLong(Long::longValue).max().orElse(0) + 1);
            }
            switches.put(node, new SwitchView(node, ports, view.connected(), view.connection()));
        }
        return new SwitchInventory(switches);
    }

    /** Starts, changes or ends one migration of a bound port. */
    private static Map<String, PortMigration> changeMigration(final ConfigSnapshot config,
            final Map<String, PortMigration> migrations, final Random random) {
        final List<Port> bound = config.ports().values().stream().filter(port -> port.getBindingChassis() != null)
            .sorted((a, b) -> a.getId().getValue().compareTo(b.getId().getValue())).toList();
        final Map<String, PortMigration> out = new HashMap<>(migrations);
        if (!out.isEmpty() && (bound.isEmpty() || random.nextInt(4) == 0)) {
            out.remove(out.keySet().stream().sorted().toList().get(random.nextInt(out.size())));
            return out;
        }
        if (bound.isEmpty()) {
            return out;
        }
        final Port port = bound.get(random.nextInt(bound.size()));
        final String id = port.getId().getValue();
        out.put(id, ThreeChassis.randomMigration(id, port.getBindingChassis().getValue(), random));
        return out;
    }
}
