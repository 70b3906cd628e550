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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;

/**
 * A floating IP maps to one fixed IP of its port, and one fixed IP has at most one floating IP.
 */
final class FloatingIpRule implements ValidationRule {
    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final ConfigChange change,
            final List<Violation> out) {
        final Collection<FloatingIp> touched;
        if (change.touches(ConfigKind.FLOATING_IP) || change.touches(ConfigKind.SUBNET)
                || change.touches(ConfigKind.NETWORK) || change.touches(ConfigKind.ROUTER)) {
            touched = after.floatingIps().values();
        } else if (change.touches(ConfigKind.PORT)) {
            // every floating IP of a written port: two of them may now map to one fixed IP
            final Set<String> ports = change.ids(ConfigKind.PORT);
            touched = after.floatingIps().values().stream().filter(fip -> ports.contains(idOf(fip.getPort())))
                .toList();
        } else {
            return;
        }
        final Map<String, String> targetOwners = new HashMap<>();
        for (FloatingIp fip : ChangeOrder.unchangedFirst(touched, before.floatingIps(), f -> idOf(f.getId()))) {
            final String address = fip.getFloatingIpAddress().getValue();
            if (!insideExternalSubnet(after, address)) {
                out.add(Violation.invalid("floating IP " + idOf(fip.getId()) + ": floating-ip-address " + address
                    + " is not inside any subnet of an external network"));
                continue;
            }
            if (fip.getPort() == null) {
                continue;
            }
            final Port port = after.ports().get(idOf(fip.getPort()));
            if (port == null) {
                // reported by ReferenceRule
                continue;
            }
            final String self = "floating IP " + idOf(fip.getId());
            final var fixedIps = port.nonnullFixedIp().values();
            final String target;
            if (fip.getFixedIpAddress() != null) {
                target = fip.getFixedIpAddress().stringValue();
                if (fixedIps.stream().noneMatch(ip -> ip.getIpAddress().stringValue().equals(target))) {
                    out.add(Violation.invalid(self + ": " + target + " is not a fixed IP of port "
                        + idOf(port.getId())));
                    continue;
                }
            } else if (fixedIps.isEmpty()) {
                out.add(Violation.invalid(self + ": port " + idOf(port.getId()) + " has no fixed IP to map to"));
                continue;
            } else {
                target = fixedIps.iterator().next().getIpAddress().stringValue();
            }
            if (!routed(after, port, target)) {
                out.add(Violation.invalid(self + ": fixed IP " + target + " of port " + idOf(port.getId())
                    + " is on a subnet no router is attached to, so the floating IP could not reach it"));
                continue;
            }
            final String owner = targetOwners.putIfAbsent(idOf(port.getId()) + "/" + target, idOf(fip.getId()));
            if (owner != null) {
                out.add(Violation.conflict(self + ": fixed IP " + target + " of port " + idOf(port.getId())
                    + " already has floating IP " + owner));
            }
        }
    }

    private static boolean insideExternalSubnet(final ConfigSnapshot after, final String address) {
        final InetAddress parsed = Cidr.parseIp(address);
        for (Subnet subnet : after.subnets().values()) {
            final Network network = after.networks().get(idOf(subnet.getNetwork()));
            if (network != null && Boolean.TRUE.equals(network.getExternal())) {
                try {
                    if (Cidr.parse(subnet.getCidr()).contains(parsed)) {
                        return true;
                    }
                } catch (IllegalArgumentException e) {
                    // reported by SubnetRule
                }
            }
        }
        return false;
    }

    private static boolean routed(final ConfigSnapshot after, final Port port, final String fixedIp) {
        final String subnet = port.nonnullFixedIp().values().stream()
            .filter(ip -> ip.getIpAddress().stringValue().equals(fixedIp)).map(ip -> idOf(ip.getSubnet()))
            .findFirst().orElse("");
        return after.routers().values().stream().anyMatch(router -> router.nonnullInterface().values().stream()
            .anyMatch(iface -> idOf(iface.getSubnet()).equals(subnet)));
    }
}
