/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.AllowedAddressPair;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;

/**
 * Within one network every MAC and every fixed IP belongs to one port; a fixed IP lies inside its subnet,
 * that subnet is on the port's network, and it is not the subnet's gateway.
 */
final class PortAddressRule implements ValidationRule {
    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final ConfigChange change,
            final List<Violation> out) {
        for (String networkId : Touched.networksOfChangedPortsAndSubnets(before, after, change)) {
            if (!after.networks().containsKey(networkId)) {
                // reported by ReferenceRule
                continue;
            }
            final Map<String, String> macOwners = new HashMap<>();
            final Map<InetAddress, String> ipOwners = new HashMap<>();
            for (Port port : ChangeOrder.unchangedFirst(after.portsOfNetwork(networkId), before.ports(),
                    p -> idOf(p.getId()))) {
                final String portId = idOf(port.getId());
                final String mac = port.getMacAddress().getValue().toLowerCase(Locale.ROOT);
                final String macOwner = macOwners.putIfAbsent(mac, portId);
                if (macOwner != null) {
                    out.add(Violation.conflict("port " + portId + ": MAC " + mac + " is already used by port "
                        + macOwner + " in network " + networkId));
                }
                for (FixedIp fixedIp : port.nonnullFixedIp().values()) {
                    checkFixedIp(after, networkId, portId, fixedIp, ipOwners, out);
                }
                for (AllowedAddressPair pair : port.nonnullAllowedAddressPair().values()) {
                    checkAllowedAddress(portId, pair.getIpAddress(), out);
                }
            }
        }
    }

    private static void checkFixedIp(final ConfigSnapshot after, final String networkId, final String portId,
            final FixedIp fixedIp, final Map<InetAddress, String> ipOwners, final List<Violation> out) {
        final String text = fixedIp.getIpAddress().stringValue();
        final InetAddress address;
        try {
            address = Cidr.parseIp(text);
        } catch (IllegalArgumentException e) {
            out.add(Violation.invalid("port " + portId + ": fixed IP " + e.getMessage()));
            return;
        }
        final String ipOwner = ipOwners.putIfAbsent(address, portId);
        if (ipOwner != null) {
            out.add(Violation.conflict("port " + portId + ": IP " + text + " is already used by port " + ipOwner
                + " in network " + networkId));
        }
        final String subnetId = idOf(fixedIp.getSubnet());
        final Subnet subnet = after.subnets().get(subnetId);
        if (subnet == null) {
            // reported by ReferenceRule
            return;
        }
        final String subnetNetwork = idOf(subnet.getNetwork());
        if (!subnetNetwork.equals(networkId)) {
            out.add(Violation.invalid("port " + portId + ": subnet " + subnetId + " belongs to network "
                + subnetNetwork + ", not to the port's network " + networkId));
            return;
        }
        final Cidr cidr;
        try {
            cidr = Cidr.parse(subnet.getCidr());
        } catch (IllegalArgumentException e) {
            // reported by SubnetRule
            return;
        }
        if (!cidr.contains(address)) {
            out.add(Violation.invalid("port " + portId + ": fixed IP " + text + " is outside subnet " + subnetId
                + " (" + cidr + ")"));
        } else if (subnet.getGatewayIp() != null && isSame(subnet.getGatewayIp().stringValue(), address)) {
            out.add(Violation.conflict("port " + portId + ": fixed IP " + text + " is the gateway of subnet "
                + subnetId));
        }
    }

    private static boolean isSame(final String text, final InetAddress address) {
        try {
            return Cidr.parseIp(text).equals(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkAllowedAddress(final String portId, final String text, final List<Violation> out) {
        try {
            if (text.indexOf('/') >= 0) {
                Cidr.parse(text);
            } else {
                Cidr.parseIp(text);
            }
        } catch (IllegalArgumentException e) {
            out.add(Violation.invalid("port " + portId + ": allowed address pair " + e.getMessage()));
        }
    }
}
