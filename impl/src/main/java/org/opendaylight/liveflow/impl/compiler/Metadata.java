/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

/**
 * How the pipeline carries state between tables in the OpenFlow metadata field (OpenFlow 1.3 has no registers):
 * bits 0-23 the network's VNI, bits 24-39 the ingress port, bits 40-55 the egress port, bit 56 "sent from a fixed
 * IP with a floating IP here". Between a router's entry (table 30) and its routes (table 35), bits 0-23 hold the
 * router's route scope (see {@code RouterView#scopeOf}) rather than the ingress network.
 */
public final class Metadata {
    public static final long NETWORK_MASK = 0xFF_FFFFL;
    public static final long INGRESS_MASK = 0xFFFFL << 24;
    public static final long EGRESS_MASK = 0xFFFFL << 40;
    /** Ingress tag of packets that came in through a tunnel. */
    public static final long FROM_TUNNEL = 0xFFFFL;
    /**
     * Set by table 30 on what a port with a floating IP sends to its router from the fixed IP, in the port's own
     * network: table 35 then matches the scope and the source address alone, and this bit keeps the port's network
     * part of that match.
     */
    public static final long FLOATING_IP_SOURCE = 1L << 56;

    private Metadata() {
        // constants and bit helpers
    }

    public static long network(final long vni) {
        return vni & NETWORK_MASK;
    }

    public static long ingress(final long portTag) {
        return (portTag & 0xFFFFL) << 24;
    }

    public static long egress(final long ofport) {
        return (ofport & 0xFFFFL) << 40;
    }
}
