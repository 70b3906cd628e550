/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.compiler.OverlayCompiler;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.compiler.SwitchFlows;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.GroupActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;

/**
 * Two chassis with what the compiler produces most kinds of: a router, an external network with a floating IP,
 * and port p1 migrating from c1 to c2; compiled and translated as the reconciler does.
 */
final class LabFlows {
    static final String NODE = "openflow:1";

    private static final OverlayCompiler COMPILER = new OverlayCompiler();
    private static final ConfigSnapshot OVERLAY = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
        .withBridgeMapping("c1", "physnet1", "ext").withBridgeMapping("c2", "physnet1", "ext")
        .withRouter("r1", List.of("s1"))
        .withExternalNetwork("ext", 4000, "203.0.113.0/24", "203.0.113.1", "02:fe:00:00:00:01")
        .withFloatingIp("fip1", "203.0.113.10", "p1", null)
        .snapshot();
    private static final SwitchInventory SWITCHES = new SwitchInventory(Map.of(
        "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L, "ext", 50L), true),
        "openflow:2", new SwitchView("openflow:2", Map.of("p1", 7L, "p2", 1L, "tun-c1", 100L, "ext", 50L), true)));

    private LabFlows() {
        // fixtures
    }

    /**
     * Returns chassis' flows with p1 bound (no migration), prepared or switched from c1 to c2.
     */
    static SwitchFlows compile(final String chassis, final PortMigration.Phase phase) {
        final Map<String, PortMigration> placements = phase == null ? Map.of()
            : Map.of("p1", new PortMigration("p1", phase, "c1", "c2", 3, true));
        return COMPILER.compile(OVERLAY, SWITCHES, placements, chassis);
    }

    /**
     * Returns what the reconciler wants on a switch for these flows: the flows as specs, the groups translated.
     */
    static ReconcilePlan.Contents translate(final SwitchFlows flows) {
        return ReconcilePlan.Contents.translated(flows.flows(), groups(flows));
    }

    /**
     * Returns what the reconciler reads from the record of a switch holding these flows (after a restart): every
     * flow as the OpenFlowPlugin's object, no spec.
     */
    static ReconcilePlan.Contents recorded(final SwitchFlows flows) {
        final Map<String, Flow> translated = new HashMap<>();
        flows.flows().forEach((id, spec) -> translated.put(id, OpenflowTranslator.flow(NODE, spec)));
        return ReconcilePlan.Contents.recorded(translated, groups(flows));
    }

    private static Map<Long, Group> groups(final SwitchFlows flows) {
        final Map<Long, Group> groups = new HashMap<>();
        flows.groups().forEach((id, spec) -> groups.put(id, OpenflowTranslator.group(NODE, spec)));
        return groups;
    }

    /**
     * Returns the groups a flow's actions send to.
     */
    static Set<Long> groupsUsedBy(final org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.Flow flow) {
        final Set<Long> groups = new HashSet<>();
        if (flow.getInstructions() != null) {
            flow.getInstructions().nonnullInstruction().values().forEach(instruction -> {
                if (instruction.getInstruction() instanceof ApplyActionsCase apply) {
                    apply.getApplyActions().nonnullAction().values().forEach(action -> {
                        if (action.getAction() instanceof GroupActionCase group) {
                            groups.add(group.getGroupAction().getGroupId().toJava());
                        }
                    });
                }
            });
        }
        return groups;
    }
}
