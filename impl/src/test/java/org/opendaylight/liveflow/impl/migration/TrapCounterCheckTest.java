/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Counter64;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapList;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapListBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.l2.types.rev130827.EtherType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.ethernet.match.fields.EthernetTypeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.EthernetMatchBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

class TrapCounterCheckTest {
    @Test
    void trapsThatCountedNothingMeanNoAnnouncement() {
        assertEquals(Optional.empty(), TrapCounterCheck.announcementCounted(stats(trap(0x8035, 0), trap(0x0806, 0))));
        assertEquals(Optional.empty(), TrapCounterCheck.announcementCounted(stats()));
    }

    @Test
    void theTrapThatCountedNamesTheAnnouncement() {
        assertEquals(Optional.of("RARP"), TrapCounterCheck.announcementCounted(stats(trap(0x8035, 3),
            trap(0x0806, 0))));
        assertEquals(Optional.of("GARP"), TrapCounterCheck.announcementCounted(stats(trap(0x8035, 0),
            trap(0x0806, 1))));
    }

    private static GetFlowStatisticsOutput stats(final FlowAndStatisticsMapList... traps) {
        return new GetFlowStatisticsOutputBuilder().setFlowAndStatisticsMapList(List.of(traps)).build();
    }

    private static FlowAndStatisticsMapList trap(final long ethernetType, final long packets) {
        return new FlowAndStatisticsMapListBuilder().setPacketCount(new Counter64(Uint64.valueOf(packets)))
            .setMatch(new MatchBuilder().setEthernetMatch(new EthernetMatchBuilder().setEthernetType(
                new EthernetTypeBuilder().setType(new EtherType(Uint32.valueOf(ethernetType))).build()).build())
                .build()).build();
    }
}
