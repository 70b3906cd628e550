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
 * bits 0-23 the network's VNI, bits 24-39 the ingress port, bits 40-55 the egress port.
 */
public final class Metadata {
    public static final long NETWORK_MASK = 0xFF_FFFFL;
    public static final long INGRESS_MASK = 0xFFFFL << 24;
    public static final long EGRESS_MASK = 0xFFFFL << 40;
    /** Ingress tag of packets that came in through a tunnel. */
    public static final long FROM_TUNNEL = 0xFFFFL;

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
