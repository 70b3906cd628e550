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
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.quotas.Quota;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.router.Interface;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.Trunk;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.trunk.SubPort;

/**
 * Every identifier an object names (tenant, network, subnet, chassis, port) must exist; deleting an object
 * that is still referenced is refused the same way, with a hint.
 */
final class ReferenceRule implements ValidationRule {
    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final List<Violation> out) {
        final var refs = new Checker(before, after, out);
        for (Network network : after.networks().values()) {
            refs.tenant("network " + idOf(network.getId()), network.getTenant());
        }
        for (Subnet subnet : after.subnets().values()) {
            final String self = "subnet " + idOf(subnet.getId());
            refs.tenant(self, subnet.getTenant());
            refs.require(self, "network", subnet.getNetwork(), after.networks(), before.networks());
        }
        for (Router router : after.routers().values()) {
            final String self = "router " + idOf(router.getId());
            refs.tenant(self, router.getTenant());
            for (Interface iface : router.nonnullInterface().values()) {
                refs.require(self, "subnet", iface.getSubnet(), after.subnets(), before.subnets());
            }
        }
        for (Port port : after.ports().values()) {
            final String self = "port " + idOf(port.getId());
            refs.tenant(self, port.getTenant());
            refs.require(self, "network", port.getNetwork(), after.networks(), before.networks());
            for (FixedIp fixedIp : port.nonnullFixedIp().values()) {
                refs.require(self, "subnet", fixedIp.getSubnet(), after.subnets(), before.subnets());
            }
            if (port.getBindingChassis() != null) {
                refs.require(self, "binding chassis", port.getBindingChassis(), after.chassis(), before.chassis());
            }
        }
        for (Trunk trunk : after.trunks().values()) {
            final String self = "trunk " + idOf(trunk.getId());
            refs.tenant(self, trunk.getTenant());
            refs.require(self, "parent port", trunk.getParentPort(), after.ports(), before.ports());
            for (SubPort subPort : trunk.nonnullSubPort().values()) {
                refs.require(self, "sub-port", subPort.getPort(), after.ports(), before.ports());
            }
        }
        for (FloatingIp fip : after.floatingIps().values()) {
            final String self = "floating IP " + idOf(fip.getId());
            refs.tenant(self, fip.getTenant());
            if (fip.getPort() != null) {
                refs.require(self, "port", fip.getPort(), after.ports(), before.ports());
            }
        }
        for (Quota quota : after.quotas().values()) {
            refs.tenant("quota", quota.getTenant());
        }
    }

    /**
     * Reports one missing reference per call, worded as a deletion problem when the target existed before.
     */
    private record Checker(ConfigSnapshot before, ConfigSnapshot after, List<Violation> out) {
        void tenant(final String self, final @Nullable ResourceId tenant) {
            require(self, "tenant", tenant, after.tenants(), before.tenants());
        }

        void require(final String self, final String what, final @Nullable ResourceId id,
                final Map<String, ?> existing, final Map<String, ?> existedBefore) {
            final String value = idOf(id);
            if (existing.containsKey(value)) {
                return;
            }
            if (existedBefore.containsKey(value)) {
                out.add(Violation.conflict(what + " " + value + " is still used by " + self
                    + ": remove that reference first"));
            } else {
                out.add(Violation.invalid(self + ": " + what + " '" + value + "' does not exist"));
            }
        }
    }
}
