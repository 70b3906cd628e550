/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * A floating IP maps to one fixed IP of its port, and one fixed IP has at most one floating IP.
 */
final class FloatingIpRule implements ValidationRule {
    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final List<Violation> out) {
        final Map<String, String> targetOwners = new HashMap<>();
        for (FloatingIp fip : ChangeOrder.unchangedFirst(after.floatingIps().values(), before.floatingIps(),
                f -> idOf(f.getId()))) {
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
            final String owner = targetOwners.putIfAbsent(idOf(port.getId()) + "/" + target, idOf(fip.getId()));
            if (owner != null) {
                out.add(Violation.conflict(self + ": fixed IP " + target + " of port " + idOf(port.getId())
                    + " already has floating IP " + owner));
            }
        }
    }
}
