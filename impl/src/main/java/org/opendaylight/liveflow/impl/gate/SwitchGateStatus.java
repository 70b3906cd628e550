/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.opendaylight.liveflow.impl.gate.RefusedConnections.Refusals;
import org.opendaylight.yangtools.concepts.Registration;

/**
 * What the switch gate tells the rest of liveflow: whether it stands in front of the OpenFlowPlugin, the
 * connections it refused for a datapath id (for the shell), and the packet-ins switches send through it.
 */
public interface SwitchGateStatus {
    boolean enabled();

    Optional<Refusals> refusals(long datapathId);

    /**
     * Hands {@code consumer} every OpenFlow 1.3 PACKET_IN that a switch sends through the gate from now on, whose
     * cookie {@code cookies} accepts, as it passes: on the gate's network thread, before the OpenFlowPlugin (which
     * still receives it) has read it. The consumer must only queue it. Closing the registration stops it.
     */
    Registration tapPacketIns(LongPredicate cookies, Consumer<GatePacketIn> consumer);
}
