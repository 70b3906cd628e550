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
 * Table 60: deliver to the local port the L2 lookup chose.
 */
final class EgressFlows implements FlowConcern {
    static final int PRIORITY = 100;

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        for (CompileContext.LocalPort local : context.localPorts()) {
            flows.add(FlowSpec.apply(Table.EGRESS, PRIORITY,
                Match.any().withMetadata(Metadata.egress(local.ofport()), Metadata.EGRESS_MASK),
                List.of(new Action.Output(local.ofport())), Owner.port(local.port().getId().getValue())));
        }
    }
}
