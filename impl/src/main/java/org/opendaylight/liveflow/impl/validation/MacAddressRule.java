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
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.AllowedAddressPair;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;

/**
 * Every MAC the overlay gives a port, a router, a floating IP or a gateway is one host's: unicast and not all
 * zeros. A multicast or broadcast source MAC is dropped by any Ethernet switch (and Open vSwitch's MAC learning
 * ignores it), so such a port could never be reached; the all-zeros MAC is what drivers report when they have none.
 */
final class MacAddressRule implements ValidationRule {
    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final ConfigChange change,
            final List<Violation> out) {
        for (Port port : Touched.present(after.ports(), change.ids(ConfigKind.PORT))) {
            final String self = "port " + idOf(port.getId());
            check(self, "mac-address", port.getMacAddress(), out);
            for (AllowedAddressPair pair : port.nonnullAllowedAddressPair().values()) {
                check(self, "allowed-address-pair " + pair.getIpAddress() + " mac-address", pair.getMacAddress(),
                    out);
            }
        }
        for (Router router : Touched.present(after.routers(), change.ids(ConfigKind.ROUTER))) {
            check("router " + idOf(router.getId()), "mac-address", router.getMacAddress(), out);
        }
        for (FloatingIp fip : Touched.present(after.floatingIps(), change.ids(ConfigKind.FLOATING_IP))) {
            check("floating IP " + idOf(fip.getId()), "mac-address", fip.getMacAddress(), out);
        }
        for (Subnet subnet : Touched.present(after.subnets(), change.ids(ConfigKind.SUBNET))) {
            check("subnet " + idOf(subnet.getId()), "gateway-mac", subnet.getGatewayMac(), out);
        }
    }

    private static void check(final String self, final String field, final @Nullable MacAddress mac,
            final List<Violation> out) {
        if (mac == null) {
            return;
        }
        final String value = mac.getValue();
        final int firstOctet = Integer.parseInt(value.substring(0, 2), 16);
        if ((firstOctet & 1) != 0) {
            out.add(Violation.invalid(self + ": " + field + " " + value + " is a multicast or broadcast address; "
                + "it must be a unicast MAC (the first octet even)"));
        } else if (value.replace(":", "").chars().allMatch(c -> c == '0')) {
            out.add(Violation.invalid(self + ": " + field + " 00:00:00:00:00:00 is not a host's address; "
                + "it must be a unicast MAC other than all zeros"));
        }
    }
}
