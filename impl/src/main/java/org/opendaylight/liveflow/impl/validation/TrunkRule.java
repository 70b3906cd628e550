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
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.Trunk;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.trunk.SubPort;

/**
 * Trunks form a one-level tree: a VLAN id 1-4094 unique within its trunk, a port is parent of at most one
 * trunk, a sub-port is in at most one trunk and is never itself a trunk parent.
 */
final class TrunkRule implements ValidationRule {
    static final int MIN_VLAN = 1;
    static final int MAX_VLAN = 4094;

    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final List<Violation> out) {
        final List<Trunk> trunks = ChangeOrder.unchangedFirst(after.trunks().values(), before.trunks(),
            t -> idOf(t.getId()));
        final Map<String, String> parentOf = new HashMap<>();
        for (Trunk trunk : trunks) {
            final String owner = parentOf.putIfAbsent(idOf(trunk.getParentPort()), idOf(trunk.getId()));
            if (owner != null) {
                out.add(Violation.conflict("trunk " + idOf(trunk.getId()) + ": port " + idOf(trunk.getParentPort())
                    + " is already the parent of trunk " + owner));
            }
        }
        final Map<String, String> subPortOf = new HashMap<>();
        for (Trunk trunk : trunks) {
            final String self = "trunk " + idOf(trunk.getId());
            final String parent = idOf(trunk.getParentPort());
            final Map<Integer, String> vlanOwners = new HashMap<>();
            for (SubPort subPort : trunk.nonnullSubPort().values()) {
                final String portId = idOf(subPort.getPort());
                final int vlan = subPort.getVlanId().intValue();
                if (vlan < MIN_VLAN || vlan > MAX_VLAN) {
                    out.add(Violation.invalid(self + ": sub-port " + portId + " has VLAN id " + vlan
                        + ", outside " + MIN_VLAN + "-" + MAX_VLAN));
                } else {
                    final String vlanOwner = vlanOwners.putIfAbsent(vlan, portId);
                    if (vlanOwner != null) {
                        out.add(Violation.conflict(self + ": sub-port " + portId + " has VLAN id " + vlan
                            + ", already used by sub-port " + vlanOwner));
                    }
                }
                if (portId.equals(parent)) {
                    out.add(Violation.invalid(self + ": port " + portId + " cannot be a sub-port of its own trunk"));
                } else if (parentOf.containsKey(portId)) {
                    out.add(Violation.invalid(self + ": sub-port " + portId + " is itself the parent of trunk "
                        + parentOf.get(portId)));
                }
                final String subOwner = subPortOf.putIfAbsent(portId, idOf(trunk.getId()));
                if (subOwner != null) {
                    out.add(Violation.conflict(self + ": port " + portId + " is already a sub-port of trunk "
                        + subOwner));
                }
            }
        }
    }
}
