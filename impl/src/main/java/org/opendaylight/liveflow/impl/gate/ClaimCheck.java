/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import java.util.Optional;

/**
 * Whether a switch may be who it says it is, from what it proved (its certificate, over TLS) and what liveflow
 * knows (the chassis registered with the datapath id it claims). Pure: the gate asks it once per connection, at the
 * switch's FEATURES_REPLY, before the OpenFlowPlugin sees that reply.
 */
public final class ClaimCheck {
    private ClaimCheck() {
    }

    /**
     * Returns why the claim is refused, or empty when it may go on (to the one-holder-per-datapath-id rule).
     *
     * @param reply the switch's claim
     * @param certificateName the common name of the switch's certificate (TLS), empty over TCP
     * @param registeredChassis the chassis registered with the claimed datapath id, if any
     */
    public static Optional<String> refusal(final FeaturesReply reply, final Optional<String> certificateName,
            final Optional<String> registeredChassis) {
        if (reply.auxiliaryId() != 0) {
            // Open vSwitch opens none; an auxiliary connection would join the node's session unchecked
            return Optional.of("auxiliary connection " + reply.auxiliaryId() + " for datapath id "
                + reply.datapathIdText() + " (liveflow's switches open none)");
        }
        if (certificateName.isPresent() && registeredChassis.isPresent()
                && !certificateName.orElseThrow().equals(registeredChassis.orElseThrow())) {
            return Optional.of("certificate of '" + certificateName.orElseThrow() + "' presents datapath id "
                + reply.datapathIdText() + " of chassis '" + registeredChassis.orElseThrow() + "'");
        }
        return Optional.empty();
    }
}
