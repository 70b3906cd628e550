/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import java.util.EnumSet;
import java.util.Set;

/**
 * The br-int pipeline, declared once (docs/design.md section 4): every table's OpenFlow id and the tables it may jump
 * to. No other code writes a table number.
 */
public enum Table {
    /**
     * VM port: network and ingress port into metadata; tunnel port: VNI to network; external port (where a
     * floating IP is hosted): the external network; anything else dropped.
     */
    CLASSIFIER(0),
    /** Source MAC and IP a port may use (anti-spoofing, also against forged ARP). */
    PORT_SECURITY(10),
    /** Answers ARP requests for known addresses locally. */
    ARP_RESPONDER(20),
    /**
     * Into a router: what a port sends to the MAC of a router on its network is tagged with the router's route
     * scope and goes to {@link #ROUTES}; and the floating IPs' inbound NAT.
     */
    L3(30),
    /**
     * Distributed routing, once per router rather than once per router interface: the routes of the router the
     * scope names, longest prefix first, and the floating IPs' outbound NAT below them.
     */
    ROUTES(35),
    /** Destination MAC to a local port or to the tunnel of the port's chassis. */
    L2_LOOKUP(40),
    /** Broadcast, multicast and unknown unicast through one OpenFlow group per network. */
    FLOOD(50),
    /** Delivery to a local port. */
    EGRESS(60);

    private final short id;

    Table(final int id) {
        this.id = (short) id;
    }

    public short id() {
        return id;
    }

    /**
     * Returns the tables a flow of this table may go to; the pipeline only ever moves forward.
     */
    public Set<Table> successors() {
        return switch (this) {
            case CLASSIFIER -> EnumSet.of(PORT_SECURITY, ARP_RESPONDER, L2_LOOKUP);
            case PORT_SECURITY -> EnumSet.of(ARP_RESPONDER);
            case ARP_RESPONDER -> EnumSet.of(L3, L2_LOOKUP);
            case L3 -> EnumSet.of(ROUTES, L2_LOOKUP);
            case ROUTES -> EnumSet.of(L2_LOOKUP);
            case L2_LOOKUP -> EnumSet.of(FLOOD, EGRESS);
            case FLOOD, EGRESS -> EnumSet.noneOf(Table.class);
        };
    }

}
