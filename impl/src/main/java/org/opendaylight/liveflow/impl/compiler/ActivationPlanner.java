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
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;

/**
 * Works out a prepared migration's activation before it happens: for every chassis, the flow-mods from what it
 * holds while the port is prepared to what it will hold once the port is switched. Sent the moment the
 * announcement arrives, they spare activation the compile, the datastore commit and the forwarding-rules
 * manager, which is what lets every chassis switch within milliseconds (docs/design.md section 5).
 */
public final class ActivationPlanner {
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
        if (prepared.phase() != PortMigration.Phase.PREPARED) {
            throw new IllegalArgumentException(prepared + " is not prepared");
        }
        final Map<String, PortMigration> switched = new HashMap<>(migrations);
        switched.put(prepared.port(), prepared.switched());
        final Map<String, FlowDelta> plan = new HashMap<>();
        current.forEach((chassis, flows) -> {
            final FlowDelta delta = FlowDelta.between(flows, compiler.compile(config, inventory, switched, chassis));
            if (!delta.isEmpty()) {
                plan.put(chassis, delta);
            }
        });
        return plan;
    }
}
