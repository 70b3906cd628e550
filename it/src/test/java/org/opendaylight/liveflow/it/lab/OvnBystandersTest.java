/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Reading an OVN bystander's switch-over from ovs-ofctl's flow monitor (a capture of OVN 23.03 on OVS 3.1: the
 * VM's remote-output flow in table 39 going from c1's tunnel, port 2, to both, then to c2's, port 3).
 */
class OvnBystandersTest {
    private static final String ACTIONS = "load:0x1->NXM_NX_TUN_ID[0..23],set_field:0x4->tun_metadata0,"
        + "move:NXM_NX_REG14[0..14]->NXM_NX_TUN_METADATA0[16..30],";
    private static final List<String> MONITOR = List.of(
        "NXST_FLOW_MONITOR reply (xid=0x6):",
        "2026-12-04 15:39:41.468: NXST_FLOW_MONITOR reply (xid=0x0):",
        " event=DELETED reason=delete table=39 cookie=0x93c1679d reg15=0x4,metadata=0x1 actions=" + ACTIONS
            + "output:2,resubmit(,40)",
        " event=ADDED table=39 cookie=0x93c1679d reg15=0x4,metadata=0x1 actions=" + ACTIONS + "output:2,"
            + ACTIONS + "output:3,resubmit(,40)",
        "2026-12-04 15:39:43.506: NXST_FLOW_MONITOR reply (xid=0x0):",
        " event=DELETED reason=delete table=39 cookie=0x93c1679d reg15=0x4,metadata=0x1 actions=" + ACTIONS
            + "output:2," + ACTIONS + "output:3,resubmit(,40)",
        " event=ADDED table=39 cookie=0x93c1679d reg15=0x4,metadata=0x1 actions=" + ACTIONS
            + "output:3,resubmit(,40)");

    @Test
    void theSwitchOverIsTheFirstReportOfAFlowSendingToTheDestinationAndNotToTheSource() {
        assertEquals(OptionalLong.of(Instant.parse("2026-12-04T15:39:43.506Z").toEpochMilli() * 1000),
            OvnBystanders.switchedAt(MONITOR, 2, 3));
    }

    @Test
    void aFlowThatStillSendsToTheSourceIsNotSwitched() {
        assertEquals(OptionalLong.empty(), OvnBystanders.switchedAt(MONITOR.subList(0, 4), 2, 3));
    }

    @Test
    void aPortNumberIsNotReadAsThePrefixOfAnother() {
        // output:30 is neither port 3 nor port 2
        assertEquals(OptionalLong.empty(), OvnBystanders.switchedAt(List.of(
            "2026-12-04 15:39:43.506: NXST_FLOW_MONITOR reply (xid=0x0):",
            " event=ADDED table=39 reg15=0x4,metadata=0x1 actions=output:30"), 2, 3));
    }
}
