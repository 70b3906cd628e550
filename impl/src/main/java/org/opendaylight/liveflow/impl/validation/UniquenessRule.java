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
import java.util.Map;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;

/**
 * Values that identify an object on the wire are unique: a network's VNI, a chassis' tunnel endpoint and
 * datapath id, a floating IP address. Checked across a kind only when the change touches that kind: networks,
 * chassis and floating IPs are few next to ports.
 */
final class UniquenessRule implements ValidationRule {
    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final ConfigChange change,
            final List<Violation> out) {
        if (change.touches(ConfigKind.NETWORK)) {
            checkNetworks(before, after, out);
        }
        if (change.touches(ConfigKind.CHASSIS)) {
            checkChassis(before, after, out);
        }
        if (change.touches(ConfigKind.FLOATING_IP)) {
            checkFloatingIps(before, after, out);
        }
    }

    private static void checkNetworks(final ConfigSnapshot before, final ConfigSnapshot after,
            final List<Violation> out) {
        final Map<Long, String> vniOwners = new HashMap<>();
        for (Network network : ChangeOrder.unchangedFirst(after.networks().values(), before.networks(),
                n -> idOf(n.getId()))) {
            final long vni = network.getSegmentationId().longValue();
            final String owner = vniOwners.putIfAbsent(vni, idOf(network.getId()));
            if (owner != null) {
                out.add(Violation.conflict("network " + idOf(network.getId()) + ": segmentation id " + vni
                    + " is already used by network " + owner));
            }
        }
    }

    private static void checkChassis(final ConfigSnapshot before, final ConfigSnapshot after,
            final List<Violation> out) {
        final Map<InetAddress, String> tunnelOwners = new HashMap<>();
        final Map<Object, String> datapathOwners = new HashMap<>();
        for (Chassis chassis : ChangeOrder.unchangedFirst(after.chassis().values(), before.chassis(),
                c -> idOf(c.getName()))) {
            final String name = idOf(chassis.getName());
            final String ip = chassis.getTunnelIp().stringValue();
            try {
                final String owner = tunnelOwners.putIfAbsent(Cidr.parseIp(ip), name);
                if (owner != null) {
                    out.add(Violation.conflict("chassis " + name + ": tunnel IP " + ip
                        + " is already used by chassis " + owner));
                }
            } catch (IllegalArgumentException e) {
                out.add(Violation.invalid("chassis " + name + ": tunnel IP " + e.getMessage()));
            }
            if (chassis.getDatapathId() != null) {
                final String owner = datapathOwners.putIfAbsent(chassis.getDatapathId(), name);
                if (owner != null) {
                    out.add(Violation.conflict("chassis " + name + ": datapath id " + chassis.getDatapathId()
                        + " is already used by chassis " + owner));
                }
            }
        }
    }

    private static void checkFloatingIps(final ConfigSnapshot before, final ConfigSnapshot after,
            final List<Violation> out) {
        final Map<String, String> fipOwners = new HashMap<>();
        for (FloatingIp fip : ChangeOrder.unchangedFirst(after.floatingIps().values(), before.floatingIps(),
                f -> idOf(f.getId()))) {
            final String address = fip.getFloatingIpAddress().getValue();
            final String owner = fipOwners.putIfAbsent(address, idOf(fip.getId()));
            if (owner != null) {
                out.add(Violation.conflict("floating IP " + idOf(fip.getId()) + ": address " + address
                    + " is already used by floating IP " + owner));
            }
        }
    }
}
