/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsInput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The last flow of every bundle (see {@link BundleWriter}): match all, priority 0, no instructions, in a table no
 * other flow sends a packet to, so it never matches anything; its cookie names the bundle. Each bundle's receipt
 * replaces the one before (same table, priority and match), so a switch holds exactly one.
 */
final class BundleReceipt {
    /** A table of its own, past the pipeline's last (60), that no flow goes to. */
    static final short TABLE = 250;
    /** Top byte of a receipt's cookie: not the code of any kind of owner (those are 1 to 7). */
    private static final long MARK = 0xEEL << 56;
    private static final long ALL_BITS = -1L;

    private BundleReceipt() {
        // factory methods only
    }

    static long cookie(final long bundle) {
        return MARK | bundle;
    }

    static Flow flow(final long bundle) {
        return new FlowBuilder().setId(new FlowId("liveflow-receipt")).setTableId(Uint8.valueOf(TABLE))
            .setPriority(Uint16.ZERO).setMatch(new MatchBuilder().build())
            .setCookie(new FlowCookie(Uint64.fromLongBits(cookie(bundle)))).setFlowName("liveflow bundle receipt")
            .setHardTimeout(Uint16.ZERO).setIdleTimeout(Uint16.ZERO).build();
    }

    static GetFlowStatisticsInput request(final NodeRef node, final long bundle) {
        return new GetFlowStatisticsInputBuilder().setNode(node).setStoreStats(false)
            .setTableId(Uint8.valueOf(TABLE)).setMatch(new MatchBuilder().build())
            .setCookie(new FlowCookie(Uint64.fromLongBits(cookie(bundle))))
            .setCookieMask(new FlowCookie(Uint64.fromLongBits(ALL_BITS))).build();
    }

    static boolean isIn(final @Nullable GetFlowStatisticsOutput statistics, final long bundle) {
        return statistics != null && statistics.nonnullFlowAndStatisticsMapList().stream().anyMatch(flow ->
            flow.getCookie() != null && flow.getCookie().getValue().longValue() == cookie(bundle));
    }
}
