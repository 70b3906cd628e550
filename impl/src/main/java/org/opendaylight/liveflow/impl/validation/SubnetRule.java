/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;

/**
 * A subnet's CIDR is a real prefix with zero host bits, its gateway lies inside it, and subnets of one
 * network do not overlap.
 */
final class SubnetRule implements ValidationRule {
    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final ConfigChange change,
            final List<Violation> out) {
        for (String networkId : Touched.ofChanged(before, after, change, ConfigKind.SUBNET,
                (Subnet subnet) -> idOf(subnet.getNetwork()))) {
            if (!after.networks().containsKey(networkId)) {
                // reported by ReferenceRule
                continue;
            }
            final List<Subnet> seen = new ArrayList<>();
            for (Subnet subnet : ChangeOrder.unchangedFirst(after.subnetsOfNetwork(networkId),
                    before.subnets(), s -> idOf(s.getId()))) {
                final Optional<Cidr> cidr = cidrOf(subnet, out);
                if (cidr.isEmpty()) {
                    continue;
                }
                checkGateway(subnet, cidr.orElseThrow(), out);
                for (Subnet other : seen) {
                    final Cidr otherCidr = Cidr.parse(other.getCidr());
                    if (otherCidr.overlaps(cidr.orElseThrow())) {
                        out.add(Violation.conflict("subnet " + idOf(subnet.getId()) + ": CIDR " + cidr.orElseThrow()
                            + " overlaps subnet " + idOf(other.getId()) + " (" + otherCidr + ") in network "
                            + networkId));
                    }
                }
                seen.add(subnet);
            }
        }
    }

    /**
     * Returns the subnet's parsed CIDR, or reports why it cannot be parsed.
     */
    static Optional<Cidr> cidrOf(final Subnet subnet, final List<Violation> out) {
        try {
            return Optional.of(Cidr.parse(subnet.getCidr()));
        } catch (IllegalArgumentException e) {
            out.add(Violation.invalid("subnet " + idOf(subnet.getId()) + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static void checkGateway(final Subnet subnet, final Cidr cidr, final List<Violation> out) {
        final var gateway = subnet.getGatewayIp();
        if (gateway == null) {
            return;
        }
        final String text = gateway.stringValue();
        try {
            if (!cidr.contains(Cidr.parseIp(text))) {
                out.add(Violation.invalid("subnet " + idOf(subnet.getId()) + ": gateway " + text
                    + " is outside its CIDR " + cidr));
            }
        } catch (IllegalArgumentException e) {
            out.add(Violation.invalid("subnet " + idOf(subnet.getId()) + ": gateway " + e.getMessage()));
        }
    }
}
