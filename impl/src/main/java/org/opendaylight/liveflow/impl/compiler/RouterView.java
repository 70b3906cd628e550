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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.validation.Cidr;
import org.opendaylight.liveflow.impl.validation.Routers;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.router.Interface;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.router.StaticRoute;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;

/**
 * A router as the data plane sees it: its MAC, its IPv4 interfaces (subnet, network, own address) and its
 * static routes with their next hop resolved to a port. Built from a validated configuration; an interface or
 * route that cannot be resolved (a subnet deleted in the same write, an IPv6 prefix) is left out rather than
 * failing the whole compile.
 *
 * @param id the router's id
 * @param mac the MAC it answers with and routes from
 * @param interfaces its IPv4 interfaces, in subnet id order
 * @param routes its static routes whose next hop is a port, longest prefix first
 * @param home the first of its networks (by subnet id) that no other router has an interface on, or null when
 *     every one of its networks has another router too; see {@link #scopeOf}
 */
public record RouterView(String id, String mac, List<Attachment> interfaces, List<Route> routes,
        @Nullable Network home) {
    /**
     * One interface of the router.
     *
     * @param subnetId the subnet
     * @param network the subnet's network
     * @param cidr the subnet's prefix
     * @param address the router's address on it
     */
    public record Attachment(String subnetId, Network network, Cidr cidr, String address) {
        public String networkId() {
            return idOf(network.getId());
        }
    }

    /**
     * One static route whose next hop is a port on one of the router's subnets.
     *
     * @param destination the destination prefix
     * @param nextHop the next hop's address
     * @param nextHopPort the port that has it
     */
    public record Route(Cidr destination, String nextHop, Port nextHopPort) {
    }

    /**
     * Returns, by network id, how many routers of the configuration have an interface on the network (whether up or
     * down, so that a router's home does not move when another router goes down).
     */
    public static Map<String, Integer> routersPerNetwork(final ConfigSnapshot config) {
        final Map<String, Integer> out = new HashMap<>();
        for (Router router : config.routers().values()) {
            Routers.networksOf(config, router).forEach(network -> out.merge(network, 1, Integer::sum));
        }
        return out;
    }

    /**
     * Returns the router as the data plane sees it, or empty when it forwards nothing (administratively down).
     *
     * @param routersPerNetwork what {@link #routersPerNetwork} returns for the same configuration
     */
    public static Optional<RouterView> of(final ConfigSnapshot config, final Router router,
            final Map<String, Integer> routersPerNetwork) {
        if (Boolean.FALSE.equals(router.getAdminStateUp())) {
            return Optional.empty();
        }
        final String id = idOf(router.getId());
        final List<Attachment> interfaces = new ArrayList<>();
        for (Interface iface : router.nonnullInterface().values()) {
            attachment(config, iface).ifPresent(interfaces::add);
        }
        interfaces.sort(Comparator.comparing(Attachment::subnetId));
        final List<Route> routes = new ArrayList<>();
        for (StaticRoute route : router.nonnullStaticRoute().values()) {
            route(config, route, interfaces).ifPresent(routes::add);
        }
        routes.sort(Comparator.comparing((Route route) -> route.destination().prefixLength()).reversed()
            .thenComparing(route -> route.destination().toString()));
        final Network home = interfaces.stream()
            .filter(iface -> routersPerNetwork.getOrDefault(iface.networkId(), 0) == 1)
            .map(Attachment::network).findFirst().orElse(null);
        return Optional.of(new RouterView(id, macOf(router), List.copyOf(interfaces), List.copyOf(routes), home));
    }

    /**
     * Returns the value table 30 writes into the metadata's network bits for what enters this router from a
     * network, and table 35's routes match. A router with a home network names itself by that network's VNI, the
     * same from every one of its networks, so it holds one copy of its routes. No other router can write that
     * value: no other router is on that network, and each router without a home keeps the ingress network's VNI,
     * one copy of its routes per network (a network of another router, never a home).
     */
    public long scopeOf(final Network ingress) {
        return CompileContext.vni(home != null ? home : ingress);
    }

    /**
     * Returns the networks the router is on, each once, in subnet id order.
     */
    public List<Network> networks() {
        final Map<String, Network> out = new LinkedHashMap<>();
        interfaces.forEach(iface -> out.putIfAbsent(iface.networkId(), iface.network()));
        return List.copyOf(out.values());
    }

    /**
     * Returns the router's configured MAC, or the one derived from its id (see {@link Routers#macOf}).
     */
    public static String macOf(final Router router) {
        return Routers.macOf(router);
    }

    /**
     * Tells whether the router has an interface on the network.
     */
    public boolean attachedTo(final String networkId) {
        return interfaces.stream().anyMatch(iface -> iface.networkId().equals(networkId));
    }

    /**
     * Returns the subnet of the router's interfaces that holds an address, if any.
     */
    public Optional<Attachment> interfaceFor(final InetAddress address) {
        return interfaces.stream().filter(iface -> iface.cidr().contains(address)).findFirst();
    }

    private static Optional<Attachment> attachment(final ConfigSnapshot config, final Interface iface) {
        final Subnet subnet = config.subnets().get(idOf(iface.getSubnet()));
        if (subnet == null) {
            return Optional.empty();
        }
        final Network network = config.networks().get(idOf(subnet.getNetwork()));
        final var address = Routers.addressOn(iface, subnet);
        if (network == null || address == null || Boolean.FALSE.equals(network.getAdminStateUp())) {
            return Optional.empty();
        }
        final Cidr cidr;
        try {
            cidr = Cidr.parse(subnet.getCidr());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return cidr.isIpv4() ? Optional.of(new Attachment(idOf(subnet.getId()), network, cidr,
            address.stringValue())) : Optional.empty();
    }

    private static Optional<Route> route(final ConfigSnapshot config, final StaticRoute route,
            final List<Attachment> interfaces) {
        final Cidr destination;
        try {
            destination = Cidr.parse(route.getDestination());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        final String nextHop = route.getNextHop().stringValue();
        if (!destination.isIpv4() || nextHop.indexOf(':') >= 0) {
            return Optional.empty();
        }
        final InetAddress nextHopAddress = Cidr.parseIp(nextHop);
        for (Attachment iface : interfaces) {
            if (!iface.cidr().contains(nextHopAddress)) {
                continue;
            }
            for (Port port : config.portsOfNetwork(iface.networkId())) {
                for (FixedIp ip : port.nonnullFixedIp().values()) {
                    if (ip.getIpAddress().stringValue().equals(nextHop)) {
                        return Optional.of(new Route(destination, nextHop, port));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
