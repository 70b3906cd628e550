/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;

/**
 * An external network must say which physical network it is on (the chassis' bridge mappings resolve it), and
 * each of its subnets must name its gateway and the gateway's MAC: floating-IP traffic leaves towards it, and
 * liveflow does not resolve the MAC by ARP.
 */
final class ExternalNetworkRule implements ValidationRule {
    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final ConfigChange change,
            final List<Violation> out) {
        final Set<String> touched = new TreeSet<>(change.ids(ConfigKind.NETWORK));
        touched.addAll(Touched.ofChanged(before, after, change, ConfigKind.SUBNET,
            (Subnet subnet) -> idOf(subnet.getNetwork())));
        for (Network network : Touched.present(after.networks(), touched)) {
            if (!Boolean.TRUE.equals(network.getExternal())) {
                continue;
            }
            final String networkId = idOf(network.getId());
            if (network.getPhysicalNetwork() == null) {
                out.add(Violation.invalid("network " + networkId + ": physical-network is required when external is "
                    + "true"));
            }
            for (Subnet subnet : after.subnetsOfNetwork(networkId)) {
                final String self = "subnet " + idOf(subnet.getId());
                if (subnet.getGatewayIp() == null) {
                    out.add(Violation.invalid(self + ": gateway-ip is required on a subnet of external network "
                        + networkId));
                }
                if (subnet.getGatewayMac() == null) {
                    out.add(Violation.invalid(self + ": gateway-mac is required on a subnet of external network "
                        + networkId));
                }
            }
        }
    }
}
