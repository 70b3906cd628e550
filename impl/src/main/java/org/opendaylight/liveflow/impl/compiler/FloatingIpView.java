/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.validation.Cidr;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;

/**
 * A floating IP as the data plane sees it: a stateless 1:1 NAT between its address on an external network and
 * one fixed IP of a port, reached through the router on the fixed IP's subnet. Empty when it cannot forward:
 * unassociated, its port or fixed IP gone, no external subnet holding its address (or one without gateway MAC),
 * no router up on the fixed IP's subnet.
 *
 * @param id the floating IP's id
 * @param address the floating address
 * @param mac the MAC it answers and sends with on the external network
 * @param port the port it maps to
 * @param fixedIp the port's address it maps to
 * @param external the external network its address belongs to
 * @param gatewayIp the external subnet's gateway (where outbound traffic goes)
 * @param gatewayMac the gateway's MAC
 * @param routerId the router on the fixed IP's subnet (the VM's gateway)
 * @param routerMac that router's MAC
 */
public record FloatingIpView(String id, String address, String mac, Port port, String fixedIp, Network external,
        String gatewayIp, String gatewayMac, String routerId, String routerMac) {

    public String portId() {
        return idOf(port.getId());
    }

    /**
     * Returns the physical network of the external network, which each chassis' bridge mapping resolves.
     */
    public String physicalNetwork() {
        return external.getPhysicalNetwork();
    }

    /**
     * Returns the floating IP as the data plane sees it, or empty when it cannot forward.
     */
    public static Optional<FloatingIpView> of(final ConfigSnapshot config, final FloatingIp fip) {
        if (fip.getPort() == null) {
            return Optional.empty();
        }
        final Port port = config.ports().get(idOf(fip.getPort()));
        if (port == null) {
            return Optional.empty();
        }
        final Optional<FixedIp> fixed = port.nonnullFixedIp().values().stream()
            .filter(ip -> fip.getFixedIpAddress() == null
                || ip.getIpAddress().stringValue().equals(fip.getFixedIpAddress().stringValue()))
            .filter(ip -> ip.getIpAddress().stringValue().indexOf(':') < 0)
            .findFirst();
        if (fixed.isEmpty()) {
            return Optional.empty();
        }
        final String address = fip.getFloatingIpAddress().getValue();
        final Optional<Subnet> externalSubnet = externalSubnetOf(config, address);
        final Optional<Router> router = routerOf(config, idOf(fixed.orElseThrow().getSubnet()));
        if (externalSubnet.isEmpty() || router.isEmpty()) {
            return Optional.empty();
        }
        final Subnet subnet = externalSubnet.orElseThrow();
        return Optional.of(new FloatingIpView(idOf(fip.getId()), address, macOf(fip), port,
            fixed.orElseThrow().getIpAddress().stringValue(), config.networks().get(idOf(subnet.getNetwork())),
            subnet.getGatewayIp().stringValue(), subnet.getGatewayMac().getValue().toLowerCase(Locale.ROOT),
            idOf(router.orElseThrow().getId()), RouterView.macOf(router.orElseThrow())));
    }

    /**
     * Returns the floating IP's configured MAC, or the one derived from its address: {@code 02:00} and the
     * address' four bytes, locally administered and unique per address.
     */
    public static String macOf(final FloatingIp fip) {
        if (fip.getMacAddress() != null) {
            return fip.getMacAddress().getValue().toLowerCase(Locale.ROOT);
        }
        final byte[] bytes = Cidr.parseIp(fip.getFloatingIpAddress().getValue()).getAddress();
        return String.format("02:00:%02x:%02x:%02x:%02x", bytes[0], bytes[1], bytes[2], bytes[3]);
    }

    /**
     * Returns the subnet of an external network, up, with a gateway and its MAC, that holds the address.
     */
    static Optional<Subnet> externalSubnetOf(final ConfigSnapshot config, final String address) {
        final InetAddress parsed = Cidr.parseIp(address);
        for (Subnet subnet : config.subnets().values()) {
            final Network network = config.networks().get(idOf(subnet.getNetwork()));
            if (network == null || !Boolean.TRUE.equals(network.getExternal())
                    || Boolean.FALSE.equals(network.getAdminStateUp()) || network.getPhysicalNetwork() == null
                    || subnet.getGatewayIp() == null || subnet.getGatewayMac() == null) {
                continue;
            }
            try {
                if (Cidr.parse(subnet.getCidr()).contains(parsed)) {
                    return Optional.of(subnet);
                }
            } catch (IllegalArgumentException e) {
                // an invalid prefix is refused by validation; it holds nothing
            }
        }
        return Optional.empty();
    }

    private static Optional<Router> routerOf(final ConfigSnapshot config, final String subnetId) {
        for (Router router : config.routers().values()) {
            if (!Boolean.FALSE.equals(router.getAdminStateUp()) && router.nonnullInterface().values().stream()
                    .anyMatch(iface -> idOf(iface.getSubnet()).equals(subnetId))) {
                return Optional.of(router);
            }
        }
        return Optional.empty();
    }
}
