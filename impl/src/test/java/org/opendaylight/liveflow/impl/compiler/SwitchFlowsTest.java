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
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;

/**
 * A chassis compiled again shares with its last compile every spec that did not change, and is what was compiled.
 */
class SwitchFlowsTest {
    private final OverlayCompiler compiler = new OverlayCompiler();
    private final TestOverlay overlay = TestOverlay.base().withChassis("c3", "192.0.2.3")
        .withDatapathId("c1", 1).withDatapathId("c2", 2).withDatapathId("c3", 3);
    private final SwitchInventory inventory = new SwitchInventory(Map.of(
        "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L, "tun-c3", 101L), true),
        "openflow:2", new SwitchView("openflow:2", Map.of("p2", 1L, "tun-c1", 100L, "tun-c3", 101L), true),
        "openflow:3", new SwitchView("openflow:3", Map.of("p2", 1L, "tun-c1", 100L, "tun-c2", 101L), true)));

    private SwitchFlows compile(final Map<String, PortMigration> migrations) {
        return compiler.compile(overlay.snapshot(), inventory, migrations, "c1");
    }

    private static PortMigration migration(final PortMigration.Phase phase) {
        // c1 is a bystander of p2's move from c2 to c3: its flow to p2 keeps its match and changes its action
        return new PortMigration("p2", phase, "c2", "c3", 3, true);
    }

    @Test
    void theSameFlowsCompiledAgainAreTheLastCompile() {
        final SwitchFlows before = compile(Map.of());
        final SwitchFlows again = compile(Map.of());
        assertNotSame(before, again);
        assertSame(before, again.sharingWith(before));
        assertSame(again, again.sharingWith(null));
    }

    @Test
    void aChangedCompileKeepsItsChangesAndSharesEveryUnchangedSpec() {
        final SwitchFlows before = compile(Map.of("p2", migration(PortMigration.Phase.PREPARED)));
        final SwitchFlows now = compile(Map.of("p2", migration(PortMigration.Phase.SWITCHED)));
        assertNotEquals(before, now, "activation changes a bystander's flows");
        final SwitchFlows shared = now.sharingWith(before);
        assertEquals(now, shared);
        int sharedSpecs = 0;
        for (Map.Entry<String, FlowSpec> flow : shared.flows().entrySet()) {
            final FlowSpec old = before.flows().get(flow.getKey());
            if (flow.getValue().equals(old)) {
                assertSame(old, flow.getValue(), flow.getKey());
                sharedSpecs++;
            } else {
                assertSame(now.flows().get(flow.getKey()), flow.getValue(), flow.getKey());
            }
        }
        for (Map.Entry<Long, GroupSpec> group : shared.groups().entrySet()) {
            if (group.getValue().equals(before.groups().get(group.getKey()))) {
                assertSame(before.groups().get(group.getKey()), group.getValue());
            }
        }
        assertTrue(sharedSpecs > 0 && sharedSpecs < shared.flows().size(),
            "some flows change and some do not: " + sharedSpecs + " of " + shared.flows().size());
    }
}
