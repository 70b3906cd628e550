/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;

/**
 * A pass with the very inputs of the last one compiles nothing, and any changed input compiles every chassis
 * again, to what the compiler itself gives.
 */
class ChassisCompilesTest {
    private static final List<String> CHASSIS = List.of("c1", "c2");

    private final OverlayCompiler compiler = new OverlayCompiler();
    /** The chassis the real compiler was asked for, in order. */
    private final List<String> compiled = new ArrayList<>();
    private final ChassisCompiles compiles = new ChassisCompiles((config, switches, migrations, chassis) -> {
        compiled.add(chassis);
        return compiler.compile(config, switches, migrations, chassis);
    });
    private final ConfigSnapshot overlay = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
        .snapshot();
    private final SwitchInventory inventory = new SwitchInventory(Map.of(
        "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L), true),
        "openflow:2", new SwitchView("openflow:2", Map.of("p1", 7L, "p2", 1L, "tun-c1", 100L), true)));

    private static Map<String, PortMigration> prepared() {
        return Map.of("p1", new PortMigration("p1", PortMigration.Phase.PREPARED, "c1", "c2", 3, true));
    }

    @Test
    void aPassWithTheSameInputsCompilesNothingAndGetsTheLastCompile() {
        final Map<String, SwitchFlows> first = compiles.compile(overlay, inventory, prepared(), CHASSIS);
        assertEquals(CHASSIS.size(), compiled.size());
        // equal migrations in another map, as every pass builds them
        final Map<String, SwitchFlows> second = compiles.compile(overlay, inventory, prepared(), CHASSIS);
        assertEquals(CHASSIS.size(), compiled.size(), "nothing compiled: " + compiled);
        CHASSIS.forEach(name -> assertSame(first.get(name), second.get(name)));
    }

    @Test
    void aChangedInputCompilesWhatItCanAlterToWhatTheCompilerGives() {
        compiles.compile(overlay, inventory, Map.of(), CHASSIS);
        // other snapshots of the same inputs alter nothing
        final ConfigSnapshot equalButAnother = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
            .snapshot();
        final SwitchInventory inventoryAgain = new SwitchInventory(inventory.switches());
        compiles.compile(equalButAnother, inventory, Map.of(), CHASSIS);
        compiles.compile(equalButAnother, inventoryAgain, Map.of(), CHASSIS);
        assertEquals(CHASSIS, compiled.stream().sorted().toList(), "nothing compiled again: " + compiled);
        // p1's migration alters both ends
        final Map<String, SwitchFlows> last = compiles.compile(equalButAnother, inventoryAgain, prepared(), CHASSIS);
        assertEquals(CHASSIS.size() * 2, compiled.size(), "both chassis compiled again: " + compiled);
        CHASSIS.forEach(name -> assertEquals(compiler.compile(overlay, inventory, prepared(), name), last.get(name)));
        assertNotEquals(compiler.compile(overlay, inventory, Map.of(), "c2"), last.get("c2"),
            "the prepared migration changes what its destination holds, so the last pass is not the first one's");
        // a router is not followed: every chassis is compiled
        compiles.compile(TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
            .withRouter("r1", List.of("s1")).snapshot(), inventoryAgain, prepared(), CHASSIS);
        assertEquals(CHASSIS.size() * 3, compiled.size(), "every chassis compiled: " + compiled);
    }

    @Test
    void aChassisNotAskedForIsForgottenAndCompiledWhenAskedAgain() {
        compiles.compile(overlay, inventory, Map.of(), CHASSIS);
        assertEquals(Map.of(), Map.copyOf(compiles.compile(overlay, inventory, Map.of(), List.of())));
        compiles.compile(overlay, inventory, Map.of(), List.of("c1"));
        assertEquals(List.of("c1", "c2", "c1"), compiled);
    }

    @Test
    void aChassisThatDoesNotCompileIsLeftOutAndNamedWhileTheOthersCompile() {
        // two routers owning one address on a subnet whose only port is on c2 (the validator refuses this): c2's
        // ARP responder has two flows with one match
        final ConfigSnapshot clashing = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
            .withNetwork("net9", "t1", 1009).withSubnet("s9", "net9", "10.9.0.0/24", "10.9.0.1")
            .withPort(TestOverlay.port("p9", "net9", "fa:16:3e:00:00:09", "s9", "10.9.0.9")
                .setBindingChassis(TestOverlay.id("c2")))
            .withRouter("r1", List.of("s9")).withRouter("r2", List.of("s9")).snapshot();
        final ChassisCompiles failingOnC2 = new ChassisCompiles(compiler);
        final SwitchInventory withP9 = new SwitchInventory(Map.of(
            "openflow:1", inventory.switches().get("openflow:1"),
            "openflow:2", new SwitchView("openflow:2", Map.of("p2", 1L, "p9", 2L, "tun-c1", 100L), true)));
        final Map<String, SwitchFlows> failed = failingOnC2.compile(clashing, withP9, Map.of(), CHASSIS);
        assertEquals(Set.of("c1"), failed.keySet());
        assertEquals(compiler.compile(clashing, withP9, Map.of(), "c1"), failed.get("c1"));
        assertEquals(Set.of("c2"), failingOnC2.failures().keySet());
        assertTrue(failingOnC2.failures().get("c2").startsWith("Two flows with one match: "),
            failingOnC2.failures().toString());
        // the same inputs again: c1's compile is kept, c2 is tried and fails again
        assertSame(failed.get("c1"), failingOnC2.compile(clashing, withP9, Map.of(), CHASSIS).get("c1"));
        assertEquals(Set.of("c2"), failingOnC2.failures().keySet());
        // a configuration that compiles clears the failure
        assertEquals(Set.copyOf(CHASSIS), failingOnC2.compile(overlay, withP9, Map.of(), CHASSIS).keySet());
        assertEquals(Map.of(), failingOnC2.failures());
    }
}
