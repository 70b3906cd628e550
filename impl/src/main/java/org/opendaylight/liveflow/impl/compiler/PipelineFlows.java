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
 * The lowest-priority flow of every table: drop what no other flow claims (in table 35, what enters a router and
 * matches none of its routes), except the ARP responder, which passes everything it does not answer to table 30,
 * and table 30, which switches what enters no router.
 */
final class PipelineFlows implements FlowConcern {
    static final int TABLE_MISS = 0;

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        final Owner owner = Owner.pipeline();
        for (Table table : Table.values()) {
            if (table == Table.ARP_RESPONDER) {
                flows.add(FlowSpec.gotoTable(table, TABLE_MISS, Match.any(), Table.L3, owner));
            } else if (table == Table.L3) {
                // what is not addressed to a router is switched
                flows.add(FlowSpec.gotoTable(table, TABLE_MISS, Match.any(), Table.L2_LOOKUP, owner));
            } else {
                flows.add(FlowSpec.drop(table, TABLE_MISS, Match.any(), owner));
            }
        }
    }
}
