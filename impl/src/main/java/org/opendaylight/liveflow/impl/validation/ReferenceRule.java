/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
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
import org.opendaylight.yangtools.yang.binding.DataObject;

/**
 * Every identifier an object names (tenant, network, subnet, chassis, port) must exist; deleting an object
 * that is still referenced is refused the same way, with a hint. Checked for the entries a change wrote, and for
 * the entries that name one the change removed.
 */
final class ReferenceRule implements ValidationRule {
    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final ConfigChange change,
            final List<Violation> out) {
        final var refs = new Checker(before, after, out, new HashSet<>());
        for (ConfigKind kind : ConfigKind.values()) {
            for (DataObject entry : Touched.present(kind.in(after), change.ids(kind))) {
                refs.entry(kind, entry);
            }
        }
        for (String tenant : removed(before, after, change, ConfigKind.TENANT)) {
            for (ConfigKind kind : ConfigKind.values()) {
                // a tenant's removal is rare and may be refused for any of its entries: look at all of them
                kind.in(after).values().stream().filter(entry -> tenant.equals(tenantOf(entry)))
                    .forEach(entry -> refs.entry(kind, entry));
            }
        }
        for (String network : removed(before, after, change, ConfigKind.NETWORK)) {
            after.subnetsOfNetwork(network).forEach(subnet -> refs.entry(ConfigKind.SUBNET, subnet));
            after.portsOfNetwork(network).forEach(port -> refs.entry(ConfigKind.PORT, port));
        }
        for (String subnet : removed(before, after, change, ConfigKind.SUBNET)) {
            after.routers().values().stream().filter(router -> router.nonnullInterface().values().stream()
                .anyMatch(iface -> subnet.equals(idOf(iface.getSubnet()))))
                .forEach(router -> refs.entry(ConfigKind.ROUTER, router));
            // a port's fixed IP is on a subnet of the port's own network (PortAddressRule)
            after.portsOfNetwork(idOf(before.subnets().get(subnet).getNetwork())).stream()
                .filter(port -> port.nonnullFixedIp().values().stream()
                    .anyMatch(ip -> subnet.equals(idOf(ip.getSubnet()))))
                .forEach(port -> refs.entry(ConfigKind.PORT, port));
        }
        for (String chassis : removed(before, after, change, ConfigKind.CHASSIS)) {
            after.portsOnChassis(chassis).forEach(port -> refs.entry(ConfigKind.PORT, port));
        }
        for (String port : removed(before, after, change, ConfigKind.PORT)) {
            after.trunkOfParent(port).ifPresent(trunk -> refs.entry(ConfigKind.TRUNK, trunk));
            after.subPortOf(port).map(subPort -> after.trunks().get(subPort.trunk()))
                .ifPresent(trunk -> refs.entry(ConfigKind.TRUNK, trunk));
            after.floatingIps().values().stream().filter(fip -> port.equals(idOf(fip.getPort())))
                .forEach(fip -> refs.entry(ConfigKind.FLOATING_IP, fip));
        }
    }

    private static Set<String> removed(final ConfigSnapshot before, final ConfigSnapshot after,
            final ConfigChange change, final ConfigKind kind) {
        return Touched.removed(kind.in(before), kind.in(after), change.ids(kind));
    }

    private static @Nullable String tenantOf(final DataObject entry) {
        final ResourceId tenant;
        if (entry instanceof Network network) {
            tenant = network.getTenant();
        } else if (entry instanceof Subnet subnet) {
            tenant = subnet.getTenant();
        } else if (entry instanceof Router router) {
            tenant = router.getTenant();
        } else if (entry instanceof Port port) {
            tenant = port.getTenant();
        } else if (entry instanceof Trunk trunk) {
            tenant = trunk.getTenant();
        } else if (entry instanceof FloatingIp fip) {
            tenant = fip.getTenant();
        } else if (entry instanceof Quota quota) {
            tenant = quota.getTenant();
        } else {
            return null;
        }
        return idOf(tenant);
    }

    /**
     * Checks every reference of an entry, once per entry, and reports each missing one, worded as a deletion
     * problem when the target existed before.
     */
    private record Checker(ConfigSnapshot before, ConfigSnapshot after, List<Violation> out, Set<String> checked) {
        void entry(final ConfigKind kind, final DataObject entry) {
            if (!checked.add(kind + "/" + kind.idOf(entry))) {
                return;
            }
            if (entry instanceof Network network) {
                tenant("network " + idOf(network.getId()), network.getTenant());
            } else if (entry instanceof Subnet subnet) {
                final String self = "subnet " + idOf(subnet.getId());
                tenant(self, subnet.getTenant());
                require(self, "network", subnet.getNetwork(), after.networks(), before.networks());
            } else if (entry instanceof Router router) {
                final String self = "router " + idOf(router.getId());
                tenant(self, router.getTenant());
                for (Interface iface : router.nonnullInterface().values()) {
                    require(self, "subnet", iface.getSubnet(), after.subnets(), before.subnets());
                }
            } else if (entry instanceof Port port) {
                port(port);
            } else if (entry instanceof Trunk trunk) {
                final String self = "trunk " + idOf(trunk.getId());
                tenant(self, trunk.getTenant());
                require(self, "parent port", trunk.getParentPort(), after.ports(), before.ports());
                for (SubPort subPort : trunk.nonnullSubPort().values()) {
                    require(self, "sub-port", subPort.getPort(), after.ports(), before.ports());
                }
            } else if (entry instanceof FloatingIp fip) {
                final String self = "floating IP " + idOf(fip.getId());
                tenant(self, fip.getTenant());
                if (fip.getPort() != null) {
                    require(self, "port", fip.getPort(), after.ports(), before.ports());
                }
            } else if (entry instanceof Quota quota) {
                tenant("quota", quota.getTenant());
            }
        }

        private void port(final Port port) {
            final String self = "port " + idOf(port.getId());
            tenant(self, port.getTenant());
            require(self, "network", port.getNetwork(), after.networks(), before.networks());
            for (FixedIp fixedIp : port.nonnullFixedIp().values()) {
                require(self, "subnet", fixedIp.getSubnet(), after.subnets(), before.subnets());
            }
            if (port.getBindingChassis() != null) {
                require(self, "binding chassis", port.getBindingChassis(), after.chassis(), before.chassis());
            }
        }

        private void tenant(final String self, final @Nullable ResourceId tenant) {
            require(self, "tenant", tenant, after.tenants(), before.tenants());
        }

        private void require(final String self, final String what, final @Nullable ResourceId id,
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
