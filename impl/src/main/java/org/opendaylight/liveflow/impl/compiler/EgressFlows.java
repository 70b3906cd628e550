/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import java.util.List;

/**
 * Table 60: deliver to the local port the L2 lookup chose; a trunk's sub-port gets its VLAN tag pushed on the way
 * to the parent's interface.
 */
final class EgressFlows implements FlowConcern {
    static final int PRIORITY = 100;
    static final int SUB_PORT_PRIORITY = 110;

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        for (CompileContext.LocalPort local : context.localPorts()) {
            final Owner owner = Owner.port(local.id());
            if (local.vlan() == null) {
                flows.add(FlowSpec.apply(Table.EGRESS, PRIORITY,
                    Match.any().withMetadata(Metadata.egress(local.ofport()), Metadata.EGRESS_MASK),
                    local.deliver(), owner));
            } else {
                // a sub-port shares its parent's interface: its network picks the tag
                flows.add(FlowSpec.apply(Table.EGRESS, SUB_PORT_PRIORITY,
                    Match.any().withMetadata(Metadata.network(CompileContext.vni(local.network()))
                        | Metadata.egress(local.ofport()), Metadata.NETWORK_MASK | Metadata.EGRESS_MASK),
                    local.deliver(), owner));
            }
        }
    }
}
