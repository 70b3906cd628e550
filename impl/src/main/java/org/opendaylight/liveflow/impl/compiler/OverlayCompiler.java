/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;

/**
 * The flow compiler: a pure function from the configuration and the switches' inventory to the flows and groups
 * one chassis' integration bridge must hold. No I/O, no OSGi: unit tests call it directly.
 */
public final class OverlayCompiler {
    private final List<FlowConcern> concerns = List.of(
        new PipelineFlows(),
        new ClassifierFlows(),
        new TrunkFlows(),
        new PortSecurityFlows(),
        new ActivationTrapFlows(),
        new ArpResponderFlows(),
        new RouterFlows(),
        new FloatingIpFlows(),
        new L2LookupFlows(),
        new FloodFlows(),
        new EgressFlows());

    /**
     * Returns what the chassis' switch must hold; nothing when the chassis is unknown or its switch is not
     * connected.
     */
    public SwitchFlows compile(final ConfigSnapshot config, final SwitchInventory inventory, final String chassis) {
        return compile(config, inventory, Map.of(), chassis);
    }

    /**
     * Returns what the chassis' switch must hold while the given ports migrate (by port id).
     */
    public SwitchFlows compile(final ConfigSnapshot config, final SwitchInventory inventory,
            final Map<String, PortMigration> migrations, final String chassis) {
        final List<FlowSpec> flows = new ArrayList<>();
        final List<GroupSpec> groups = new ArrayList<>();
        CompileContext.of(config, inventory, migrations, chassis).ifPresent(context -> {
            for (FlowConcern concern : concerns) {
                concern.compile(context, flows, groups);
            }
        });
        return SwitchFlows.of(flows, groups);
    }
}
