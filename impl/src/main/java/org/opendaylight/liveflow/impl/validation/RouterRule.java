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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.DeviceOwner;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.router.Interface;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.router.StaticRoute;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;

/**
 * A router's interface addresses lie in their subnets, and each static route has a valid destination
 * network and a next hop on one of the router's own subnets (never the router itself), as Neutron's
 * route validation requires.
 */
final class RouterRule implements ValidationRule {
    /**
     * A router interface as the route checks need it: its subnet and the router's own address there.
     */
    private record Attachment(String subnetId, Cidr cidr, InetAddress routerAddress) {
    }

    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final ConfigChange change,
            final List<Violation> out) {
        for (Router router : touchedRouters(after, change)) {
            final String self = "router " + idOf(router.getId());
            final List<Attachment> attachments = new ArrayList<>();
            for (Interface iface : router.nonnullInterface().values()) {
                final Subnet subnet = after.subnets().get(idOf(iface.getSubnet()));
                if (subnet != null) {
                    attach(self, subnet, iface, attachments, out);
                }
            }
            for (Attachment attachment : attachments) {
                checkClash(self, after, attachment, out);
            }
            checkOverlaps(self, attachments, out);
            checkOtherRouters(self, router, after, attachments, out);
            for (StaticRoute route : router.nonnullStaticRoute().values()) {
                checkRoute(self, route, attachments, out);
            }
        }
    }

    /**
     * Returns the routers the change wrote and those on a subnet it wrote or where a port it wrote has a fixed IP
     * (such a port may now hold a router's address).
     */
    private static List<Router> touchedRouters(final ConfigSnapshot after, final ConfigChange change) {
        final Set<String> subnets = new HashSet<>(change.ids(ConfigKind.SUBNET));
        for (Port port : Touched.present(after.ports(), change.ids(ConfigKind.PORT))) {
            port.nonnullFixedIp().values().forEach(ip -> subnets.add(idOf(ip.getSubnet())));
        }
        final Set<String> routers = new HashSet<>(change.ids(ConfigKind.ROUTER));
        if (!subnets.isEmpty()) {
            for (Router router : after.routers().values()) {
                if (router.nonnullInterface().values().stream()
                        .anyMatch(iface -> subnets.contains(idOf(iface.getSubnet())))) {
                    routers.add(idOf(router.getId()));
                }
            }
        }
        return Touched.present(after.routers(), routers);
    }

    private static void attach(final String self, final Subnet subnet, final Interface iface,
            final List<Attachment> attachments, final List<Violation> out) {
        final String subnetId = idOf(subnet.getId());
        final Cidr cidr;
        try {
            cidr = Cidr.parse(subnet.getCidr());
        } catch (IllegalArgumentException e) {
            // reported by SubnetRule
            return;
        }
        final var configured = Routers.addressOn(iface, subnet);
        if (configured == null) {
            out.add(Violation.invalid(self + ": interface on subnet " + subnetId
                + " needs an ip-address, since the subnet has no gateway-ip"));
            return;
        }
        final InetAddress address;
        try {
            address = Cidr.parseIp(configured.stringValue());
        } catch (IllegalArgumentException e) {
            out.add(Violation.invalid(self + ": interface address " + e.getMessage()));
            return;
        }
        if (!cidr.contains(address)) {
            out.add(Violation.invalid(self + ": interface address " + configured.stringValue()
                + " is outside subnet " + subnetId + " (" + cidr + ")"));
            return;
        }
        attachments.add(new Attachment(subnetId, cidr, address));
    }

    /**
     * A router routes by destination alone, whichever network a packet came from, so two of its subnets must not
     * share an address: the route to a port of one would also be the route to another port's address in the other
     * (Neutron refuses such an interface too).
     */
    private static void checkOverlaps(final String self, final List<Attachment> attachments,
            final List<Violation> out) {
        // by subnet id, so that the message does not depend on the order the datastore lists the interfaces in
        final List<Attachment> sorted = attachments.stream().sorted(Comparator.comparing(Attachment::subnetId))
            .toList();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                final Attachment first = sorted.get(i);
                final Attachment second = sorted.get(j);
                if (first.cidr().overlaps(second.cidr())) {
                    out.add(Violation.conflict(self + ": interface on subnet " + second.subnetId() + " ("
                        + second.cidr() + ") overlaps its interface on subnet " + first.subnetId() + " ("
                        + first.cidr() + ")"));
                }
            }
        }
    }

    /**
     * Two routers must not own one address on a subnet (each chassis would answer ARP for it with two MACs), nor,
     * on a network they share, one MAC (a packet to it would enter both routers): either way the compiler has two
     * flows for one match and cannot program the chassis.
     */
    private static void checkOtherRouters(final String self, final Router router, final ConfigSnapshot after,
            final List<Attachment> attachments, final List<Violation> out) {
        final String mac = Routers.macOf(router);
        final Set<String> networks = Routers.networksOf(after, router);
        for (Router other : after.routers().values()) {
            final String otherId = idOf(other.getId());
            if (otherId.equals(idOf(router.getId()))) {
                continue;
            }
            for (Interface iface : other.nonnullInterface().values()) {
                final var address = Routers.addressOn(iface, after.subnets().get(idOf(iface.getSubnet())));
                if (address == null) {
                    continue;
                }
                for (Attachment mine : attachments) {
                    if (mine.subnetId().equals(idOf(iface.getSubnet())) && sameAddress(address.stringValue(),
                            mine.routerAddress())) {
                        out.add(Violation.conflict(self + ": interface address " + address.stringValue()
                            + " on subnet " + mine.subnetId() + " is also router " + otherId + "'s"));
                    }
                }
            }
            if (mac.equals(Routers.macOf(other))
                    && Routers.networksOf(after, other).stream().anyMatch(networks::contains)) {
                out.add(Violation.conflict(self + ": mac-address " + mac + " is also router " + otherId
                    + "'s, on a network both are attached to"));
            }
        }
    }

    private static boolean sameAddress(final String text, final InetAddress address) {
        try {
            return Cidr.parseIp(text).equals(address);
        } catch (IllegalArgumentException e) {
            // the other router's invalid address is reported when it is written
            return false;
        }
    }

    /**
     * A port holding the router's address would answer ARP for it too, and routed packets for it would go to
     * the port: two owners of one address on a subnet. A port the router owns (device-owner router) is the
     * interface itself.
     */
    private static void checkClash(final String self, final ConfigSnapshot after, final Attachment attachment,
            final List<Violation> out) {
        final Subnet subnet = after.subnets().get(attachment.subnetId());
        for (Port port : after.portsOfNetwork(idOf(subnet.getNetwork()))) {
            if (port.getDeviceOwner() == DeviceOwner.Router) {
                continue;
            }
            for (FixedIp ip : port.nonnullFixedIp().values()) {
                if (idOf(ip.getSubnet()).equals(attachment.subnetId())
                        && Cidr.parseIp(ip.getIpAddress().stringValue()).equals(attachment.routerAddress())) {
                    out.add(Violation.conflict(self + ": interface address " + ip.getIpAddress().stringValue()
                        + " on subnet " + attachment.subnetId() + " is also fixed-ip of port " + idOf(port.getId())));
                }
            }
        }
    }

    private static void checkRoute(final String self, final StaticRoute route, final List<Attachment> attachments,
            final List<Violation> out) {
        final String destinationText = route.getDestination();
        final Cidr destination;
        try {
            destination = Cidr.parse(destinationText);
        } catch (IllegalArgumentException e) {
            out.add(Violation.invalid(self + ": static route destination is not a valid network: "
                + e.getMessage()));
            return;
        }
        final String nextHopText = route.getNextHop().stringValue();
        final InetAddress nextHop;
        try {
            nextHop = Cidr.parseIp(nextHopText);
        } catch (IllegalArgumentException e) {
            out.add(Violation.invalid(self + ": static route to " + destination + ": next hop " + e.getMessage()));
            return;
        }
        if (destination.isIpv4() != (nextHop.getAddress().length == 4)) {
            out.add(Violation.invalid(self + ": static route to " + destination + ": next hop " + nextHopText
                + " is not of the destination's address family"));
            return;
        }
        for (Attachment attachment : attachments) {
            if (attachment.routerAddress().equals(nextHop)) {
                out.add(Violation.invalid(self + ": static route to " + destination + ": next hop " + nextHopText
                    + " is the router's own address on subnet " + attachment.subnetId()));
                return;
            }
            if (attachment.cidr().contains(nextHop)) {
                return;
            }
        }
        out.add(Violation.invalid(self + ": static route to " + destination + ": next hop " + nextHopText
            + " is not on any subnet the router is attached to"
            + (attachments.isEmpty() ? " (it has no interfaces)" : attachments.stream()
                .map(a -> a.subnetId() + " " + a.cidr()).collect(Collectors.joining(", ", " (", ")")))));
    }
}
