/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.VnicType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.Trunk;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.trunk.SubPort;

/**
 * Trunks form a one-level tree: a VLAN id 1-4094 unique within its trunk, a port is parent of at most one
 * trunk, a sub-port is in at most one trunk and is never itself a trunk parent. The parent is an OVS interface
 * (not SR-IOV: its VLANs would never reach the switch). A sub-port is on a network of its own within the trunk:
 * the trunk's ports share one interface and usually one MAC, and the network is what tells their frames apart.
 * A sub-port takes its parent's chassis; one written with a binding of its own to another chassis is refused
 * (the binding is then ignored: the parent's migration moves it).
 *
 * <p>Trunks are few: when the change writes a trunk or one of their ports, all of them are checked together.
 */
final class TrunkRule implements ValidationRule {
    private static final Set<VnicType> SRIOV = EnumSet.of(VnicType.Direct, VnicType.DirectPhysical,
        VnicType.Macvtap);

    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final ConfigChange change,
            final List<Violation> out) {
        if (!change.touches(ConfigKind.TRUNK) && change.ids(ConfigKind.PORT).stream()
                .noneMatch(port -> inTrunk(before, port) || inTrunk(after, port))) {
            return;
        }
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
            final Optional<Port> parentPort = after.port(parent);
            parentPort.filter(port -> port.getVnicType() != null && SRIOV.contains(port.getVnicType()))
                .ifPresent(port -> out.add(Violation.invalid(self + ": parent-port " + parent + " has vnic-type "
                    + port.getVnicType().getName() + " (SR-IOV): a trunk's VLANs need an Open vSwitch interface")));
            final boolean trunkChanged = !trunk.equals(before.trunks().get(idOf(trunk.getId())));
            final Map<String, String> networkOwners = new HashMap<>();
            parentPort.ifPresent(port -> networkOwners.put(idOf(port.getNetwork()), "its parent " + parent));
            final Map<Integer, String> vlanOwners = new HashMap<>();
            for (SubPort subPort : trunk.nonnullSubPort().values()) {
                final String portId = idOf(subPort.getPort());
                final Optional<Port> port = after.port(portId);
                if (port.isPresent()) {
                    final String network = idOf(port.orElseThrow().getNetwork());
                    final String networkOwner = networkOwners.putIfAbsent(network, "sub-port " + portId);
                    if (networkOwner != null) {
                        out.add(Violation.invalid(self + ": sub-port " + portId + " is on network " + network
                            + " like " + networkOwner + "; each port of a trunk needs a network of its own"));
                    }
                    final boolean written = trunkChanged || !port.orElseThrow().equals(before.ports().get(portId));
                    final String ownBinding = port.orElseThrow().getBindingChassis() == null ? null
                        : port.orElseThrow().getBindingChassis().getValue();
                    final String parentBinding = parentPort.map(p -> p.getBindingChassis())
                        .map(chassis -> chassis.getValue()).orElse(null);
                    if (written && ownBinding != null && !ownBinding.equals(parentBinding)) {
                        out.add(Violation.conflict(self + ": sub-port " + portId + " has binding-chassis "
                            + ownBinding + " but its parent " + parent + " is on " + (parentBinding == null
                            ? "no chassis" : parentBinding) + "; a sub-port always takes its parent's chassis "
                            + "(leave its binding-chassis out)"));
                    }
                }
                // the model's range (1-4094) refuses other VLAN ids before any rule runs
                final int vlan = subPort.getVlanId().intValue();
                final String vlanOwner = vlanOwners.putIfAbsent(vlan, portId);
                if (vlanOwner != null) {
                    out.add(Violation.conflict(self + ": sub-port " + portId + " has VLAN id " + vlan
                        + ", already used by sub-port " + vlanOwner));
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

    private static boolean inTrunk(final ConfigSnapshot snapshot, final String port) {
        return snapshot.trunkOfParent(port).isPresent() || snapshot.subPortOf(port).isPresent();
    }
}
