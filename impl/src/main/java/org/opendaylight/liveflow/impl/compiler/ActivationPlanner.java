/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;

/**
 * Works out a prepared migration's activation before it happens: for every chassis, the flow-mods from what it
 * holds while the port is prepared to what it will hold once the port is switched. Sent the moment the
 * announcement arrives, they spare activation the compile, the datastore commit and the forwarding-rules
 * manager, which is what lets every chassis switch within milliseconds (docs/design.md section 5).
 *
 * <p>The programmer plans again on every pass, for every prepared migration. {@link #replan} keeps what a chassis
 * was planned from one pass to the next while what that chassis holds is the same: only chassis whose flows
 * changed are compiled again, so a host evacuation (many migrations at once) costs a pass what changed, not
 * migrations times chassis. This holds because everything a chassis other than the source and the destination
 * holds for the switched port, it already holds for the prepared one: its switched flows send to the
 * destination, its prepared flows to both hosts. The source and the destination are always planned again. A
 * plan that is stale all the same costs time, not correctness: the pass after the activation writes what the
 * chassis must hold.
 */
public final class ActivationPlanner {
    /**
     * A prepared migration's activation, per chassis, and what each chassis held when it was planned.
     *
     * @param deltas the non-empty flow-mods by chassis name
     * @param basis what each planned chassis held (the same instances the programmer compiled)
     */
    public record Plan(PortMigration prepared, Map<String, FlowDelta> deltas, Map<String, SwitchFlows> basis) {
        public Plan {
            deltas = Map.copyOf(deltas);
            basis = Map.copyOf(basis);
        }
    }

    private final OverlayCompiler compiler;

    public ActivationPlanner(final OverlayCompiler compiler) {
        this.compiler = compiler;
    }

    /**
     * Returns, by chassis name, the non-empty flow-mods that switch {@code prepared}.
     *
     * @param migrations every migrating port, {@code prepared} among them, as {@code current} was compiled with
     * @param current what each chassis holds now, by chassis name, compiled from these same inputs
     */
    public Map<String, FlowDelta> plan(final ConfigSnapshot config, final SwitchInventory inventory,
            final Map<String, PortMigration> migrations, final PortMigration prepared,
            final Map<String, SwitchFlows> current) {
        return replan(config, inventory, migrations, prepared, current, null).deltas();
    }

    /**
     * Plans {@code prepared} as {@link #plan} does, taking from {@code previous} (the plan of the pass before, if
     * any) every chassis that holds the same flows as then (the same instance, or equal) and is neither the source
     * nor the destination.
     */
    public Plan replan(final ConfigSnapshot config, final SwitchInventory inventory,
            final Map<String, PortMigration> migrations, final PortMigration prepared,
            final Map<String, SwitchFlows> current, final @Nullable Plan previous) {
        if (prepared.phase() != PortMigration.Phase.PREPARED) {
            throw new IllegalArgumentException(prepared + " is not prepared");
        }
        final boolean reusable = previous != null && previous.prepared().equals(prepared);
        Map<String, PortMigration> switched = null;
        final Map<String, FlowDelta> deltas = new HashMap<>();
        for (Map.Entry<String, SwitchFlows> entry : current.entrySet()) {
            final String chassis = entry.getKey();
            final SwitchFlows flows = entry.getValue();
            if (reusable && !chassis.equals(prepared.source()) && !chassis.equals(prepared.destination())
                    && same(flows, previous.basis().get(chassis))) {
                final FlowDelta kept = previous.deltas().get(chassis);
                if (kept != null) {
                    deltas.put(chassis, kept);
                }
                continue;
            }
            if (switched == null) {
                switched = new HashMap<>(migrations);
                switched.put(prepared.port(), prepared.switched());
            }
            final FlowDelta delta = FlowDelta.between(flows, compiler.compile(config, inventory, switched, chassis));
            if (!delta.isEmpty()) {
                deltas.put(chassis, delta);
            }
        }
        return new Plan(prepared, deltas, current);
    }

    private static boolean same(final SwitchFlows now, final @Nullable SwitchFlows then) {
        return now == then || now.equals(then);
    }
}
