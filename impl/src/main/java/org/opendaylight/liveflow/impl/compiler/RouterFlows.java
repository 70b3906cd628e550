/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.liveflow.impl.compiler.Action.Field;
import org.opendaylight.liveflow.impl.validation.Cidr;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.DeviceOwner;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIp;

/**
 * Distributed routing, on every chassis where a router is present (see {@link CompileContext}), so a packet is
 * routed where it enters and crosses at most one tunnel, already in its destination network:
 * <ul>
 *   <li>table 20: a local port's ARP request for the router's address on its subnet is answered with the
 *       router's MAC (per requester, as for ports: OpenFlow 1.3 cannot copy the requester's addresses);</li>
 *   <li>table 30: an IPv4 packet sent to the router's MAC from one of its networks gets the router's scope for
 *       that network (see {@link RouterView#scopeOf}) in the metadata and goes to table 35;</li>
 *   <li>table 35: the router's routes, matched on its scope and MAC, longest prefix first (priority
 *       {@link #ROUTE_BASE} plus the prefix length): a host route per port up on one of the router's subnets,
 *       the router's static routes to their next-hop port, and a drop for the rest of each connected subnet (no
 *       port has that address). A route sets the router's MAC as source and the port's as destination,
 *       decrements the TTL (Open vSwitch drops a packet whose TTL runs out), moves the packet into the
 *       destination's network and hands it to the L2 lookup, which reaches the port wherever it is, both copies
 *       of it while it migrates. What no route takes is dropped.</li>
 * </ul>
 * Only table 30 lets a packet into a router, and only from the router's own networks, so two tenants' routers
 * with the same prefixes never see each other's ports. A router with a network of its own holds its routes once,
 * not once per network: a routed network of N ports on a router with two interfaces is N host routes on each
 * chassis, not 2N.
 */
final class RouterFlows implements FlowConcern {
    static final int ARP_PRIORITY = ArpResponderFlows.PRIORITY;
    static final int ENTRY = 100;
    static final int ROUTE_BASE = 1000;

    /** A port's address on one of the router's subnets. */
    private record Host(String address, Port port, RouterView.Attachment iface) {
    }

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        if (context.routers().isEmpty()) {
            return;
        }
        final Map<String, List<Port>> upPorts = upPortsByNetwork(context);
        for (RouterView router : context.routers()) {
            answerArp(context, router, flows);
            final Owner owner = Owner.router(router.id());
            final Set<Long> scopes = new LinkedHashSet<>();
            for (Network ingress : router.networks()) {
                final long scope = router.scopeOf(ingress);
                flows.add(enter(router, ingress, scope, owner));
                scopes.add(scope);
            }
            final List<Host> hosts = hostsOf(router, upPorts);
            final Set<Cidr> connected = new HashSet<>();
            router.interfaces().forEach(iface -> connected.add(iface.cidr()));
            for (long scope : scopes) {
                final Match inRouter = Match.any().withMetadata(Metadata.network(scope), Metadata.NETWORK_MASK)
                    .withEthDst(router.mac(), null);
                for (RouterView.Attachment iface : router.interfaces()) {
                    flows.add(FlowSpec.drop(Table.ROUTES, priorityOf(iface.cidr().prefixLength()),
                        inRouter.withIpv4Dst(iface.cidr().toString()), owner));
                }
                for (Host host : hosts) {
                    flows.add(route(router, inRouter.withIpv4Dst(host.address()), 32, host.port(), host.iface(),
                        owner));
                }
                for (RouterView.Route route : router.routes()) {
                    // a connected subnet wins over a static route to the same prefix
                    if (!connected.contains(route.destination())) {
                        networkOf(router, route.nextHopPort()).ifPresent(network -> flows.add(route(router,
                            inRouter.withIpv4Dst(route.destination().toString()),
                            route.destination().prefixLength(), route.nextHopPort(), network, owner)));
                    }
                }
            }
        }
    }

    /**
     * Returns table 30's flow that takes what a network sends to the router's MAC into the router's routes, with
     * the router's scope for that network in the metadata.
     */
    private static FlowSpec enter(final RouterView router, final Network ingress, final long scope,
            final Owner owner) {
        final long vni = CompileContext.vni(ingress);
        final Match match = Match.any().withMetadata(Metadata.network(vni), Metadata.NETWORK_MASK)
            .withEthDst(router.mac(), null).withEthType(Match.ETH_TYPE_IPV4);
        return scope == vni ? FlowSpec.gotoTable(Table.L3, ENTRY, match, Table.ROUTES, owner)
            : new FlowSpec(Table.L3, ENTRY, match, List.of(), Metadata.network(scope), Metadata.NETWORK_MASK,
                Table.ROUTES, owner);
    }

    private static void answerArp(final CompileContext context, final RouterView router,
            final List<FlowSpec> flows) {
        for (RouterView.Attachment iface : router.interfaces()) {
            for (CompileContext.LocalPort local : context.localPortsOf(iface.networkId())) {
                final Optional<String> requesterIp = CompileContext.ipv4Of(local.port());
                if (requesterIp.isEmpty()) {
                    continue;
                }
                final String requesterMac = ArpResponderFlows.mac(local.port());
                flows.add(FlowSpec.apply(Table.ARP_RESPONDER, ARP_PRIORITY,
                    local.fromPort().withArp(Match.ARP_REQUEST, null, iface.address(), null),
                    ArpResponderFlows.reply(local, requesterMac, requesterIp.orElseThrow(), router.mac(),
                        iface.address()),
                    Owner.port(local.id())));
            }
        }
    }

    /**
     * Returns the ports up anywhere, by network id, computed once per compile: every router of the chassis asks.
     */
    private static Map<String, List<Port>> upPortsByNetwork(final CompileContext context) {
        final Map<String, List<Port>> out = new HashMap<>();
        context.localPorts().forEach(local -> out.computeIfAbsent(idOf(local.network().getId()),
            id -> new ArrayList<>()).add(local.port()));
        context.remotePorts().forEach(remote -> out.computeIfAbsent(idOf(remote.network().getId()),
            id -> new ArrayList<>()).add(remote.port()));
        return out;
    }

    /**
     * Returns the IPv4 addresses ports up anywhere have on the router's subnets (a port the router owns is the
     * interface itself).
     */
    private static List<Host> hostsOf(final RouterView router, final Map<String, List<Port>> upPorts) {
        final List<Host> out = new ArrayList<>();
        for (RouterView.Attachment iface : router.interfaces()) {
            for (Port port : upPorts.getOrDefault(iface.networkId(), List.of())) {
                if (port.getDeviceOwner() == DeviceOwner.Router) {
                    continue;
                }
                for (FixedIp fixed : port.nonnullFixedIp().values()) {
                    final String address = fixed.getIpAddress().stringValue();
                    if (idOf(fixed.getSubnet()).equals(iface.subnetId()) && address.indexOf(':') < 0) {
                        out.add(new Host(address, port, iface));
                    }
                }
            }
        }
        return out;
    }

    private static Optional<RouterView.Attachment> networkOf(final RouterView router, final Port port) {
        return router.interfaces().stream().filter(iface -> iface.networkId().equals(idOf(port.getNetwork())))
            .findFirst();
    }

    private static FlowSpec route(final RouterView router, final Match match, final int prefixLength,
            final Port port, final RouterView.Attachment destination, final Owner owner) {
        return new FlowSpec(Table.ROUTES, priorityOf(prefixLength), match, List.of(
                new Action.SetField(Field.ETH_SRC, router.mac()),
                new Action.SetField(Field.ETH_DST, ArpResponderFlows.mac(port)),
                new Action.DecNwTtl()),
            Metadata.network(CompileContext.vni(destination.network())), Metadata.NETWORK_MASK, Table.L2_LOOKUP,
            owner);
    }

    static int priorityOf(final int prefixLength) {
        return ROUTE_BASE + prefixLength;
    }
}
