/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;
import static org.opendaylight.liveflow.api.ConfigSnapshot.interfaceNameOf;
import static org.opendaylight.liveflow.api.ConfigSnapshot.tunnelPortName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.chassis.BridgeMapping;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * What the compiler needs to know about one chassis: which ports are up on it (and at which OpenFlow port),
 * which ports are up elsewhere (and where), and the tunnel port towards every other chassis.
 *
 * <p>A port is up on a chassis when it is placed there, administratively up, and the chassis' switch has an
 * interface with the port's interface name (the port id when none is configured). A port is placed on its
 * binding chassis, unless it is migrating: then on the hosts of its {@link PortMigration} phase. A port of a
 * network, or on a chassis, that is administratively down is up nowhere. Tunnel ports are named by the chassis'
 * tunnel port prefix ({@code tun-} unless configured) and the remote chassis' name.
 *
 * <p>A trunk's sub-port has no placement of its own: it is up wherever its parent is (the parent's binding, the
 * parent's migration, the parent's interface), with its VLAN id, and down when the parent is down.
 *
 * <p>A router is present on the chassis when it is up and one of its networks has a port up here: the chassis
 * then routes what its ports send to the router, so it must know how to reach every port of every network of
 * the router ({@link #routedNetworks}), even those of networks with no port here.
 *
 * <p>A floating IP is hosted where its port is up, and on the source of a switched migration, which forwards
 * what still arrives for it to the destination until the port is bound there. The chassis' bridge mappings
 * name the interface of each physical network ({@link #externalPorts}, by physical network).
 */
record CompileContext(ConfigSnapshot config, String chassis, List<LocalPort> localPorts,
        List<RemotePort> remotePorts, Map<String, Long> tunnels, Map<String, Network> networks,
        Map<String, Long> deliveryGroups, Set<String> tunnelledDrops, List<RouterView> routers,
        Map<String, Network> routedNetworks, Map<String, Long> externalPorts, List<HostedFloatingIp> floatingIps,
        Map<String, List<LocalPort>> localByNetwork, Map<String, List<RemotePort>> remoteByNetwork) {

    /** Delivery groups of migrating ports live above the flood groups (at most 2^25). */
    static final long DELIVERY_GROUP_BASE = 0x4000_0000L;
    private static final long DELIVERY_GROUP_SPAN = 0x1000_0000L;

    /**
     * A port up on the chassis being compiled.
     *
     * @param twin the chassis holding the port's other copy while it migrates, else null
     * @param trapGeneration the migration generation whose announcement this chassis traps, else null
     * @param vlan the VLAN id of a trunk's sub-port on its parent's interface, else null
     * @param carrier the port whose interface and migration this one's are: the parent of a sub-port, else itself
     */
    record LocalPort(Port port, long ofport, Network network, @Nullable String twin, @Nullable Long trapGeneration,
            @Nullable Integer vlan, String carrier) {
        String id() {
            return port.getId().getValue();
        }

        /**
         * Matches what this port sent, once classified: its network and its interface. A trunk's ports share the
         * interface (and often the MAC); the network tells them apart.
         */
        Match fromPort() {
            return Match.any().withMetadata(Metadata.network(vni(network)) | Metadata.ingress(ofport),
                Metadata.NETWORK_MASK | Metadata.INGRESS_MASK);
        }

        /**
         * Returns the actions that put a frame for this port in the form its VM expects: tagged with the VLAN
         * id for a sub-port, as it is for any other port.
         */
        List<Action> tag() {
            return vlan == null ? List.of() : List.of(new Action.PushVlan(), new Action.SetVlanVid(vlan));
        }

        /**
         * Returns the actions that deliver a frame to this port.
         */
        List<Action> deliver() {
            return append(tag(), new Action.Output(ofport));
        }

        /**
         * Returns the actions that send a reply back to this port, the way the request came in.
         */
        List<Action> replyInPort() {
            return append(tag(), new Action.OutputInPort());
        }

        private static List<Action> append(final List<Action> first, final Action last) {
            final List<Action> out = new ArrayList<>(first);
            out.add(last);
            return List.copyOf(out);
        }
    }

    /**
     * A floating IP whose port is up on the chassis being compiled, or which it still forwards.
     *
     * @param view the floating IP
     * @param answersArp whether this chassis is where the floating IP lives now (the only one answering ARP):
     *     the source of a prepared migration, the destination once switched
     * @param forwardOnly whether this chassis only forwards inbound traffic (the source of a switched migration)
     */
    record HostedFloatingIp(FloatingIpView view, boolean answersArp, boolean forwardOnly) {
    }

    /**
     * A port up on other chassis only: one, or the source and the destination of a prepared migration. Only the
     * ports of networks this chassis forwards for ({@link #networks} and {@link #routedNetworks}) are kept.
     */
    record RemotePort(Port port, List<String> hosts, Network network) {
        String id() {
            return port.getId().getValue();
        }
    }

    static Optional<CompileContext> of(final ConfigSnapshot config, final SwitchInventory inventory,
            final Map<String, PortMigration> migrations, final String chassisName) {
        final Chassis self = config.chassis().get(chassisName);
        if (self == null) {
            return Optional.empty();
        }
        final Optional<SwitchView> ownSwitch = inventory.switchOf(self);
        if (ownSwitch.isEmpty()) {
            return Optional.empty();
        }
        final List<LocalPort> local = new ArrayList<>();
        final List<RemotePort> remote = new ArrayList<>();
        final Map<String, Network> networks = new TreeMap<>();
        final Set<String> tunnelledDrops = new TreeSet<>();
        for (Port port : config.ports().values()) {
            final Network network = config.networks().get(idOf(port.getNetwork()));
            // a sub-port lives where its parent does, on the parent's interface, and is down when the parent is
            final Port carrier = config.carrierOf(port).orElse(null);
            if (network == null || carrier == null || carrier.getBindingChassis() == null
                    || Boolean.FALSE.equals(port.getAdminStateUp()) || Boolean.FALSE.equals(carrier.getAdminStateUp())
                    || Boolean.FALSE.equals(network.getAdminStateUp())) {
                continue;
            }
            final String carrierId = idOf(carrier.getId());
            final Integer vlan = config.subPortOf(idOf(port.getId())).map(ConfigSnapshot.SubPortOf::vlan)
                .orElse(null);
            final PortMigration migration = migrations.get(carrierId);
            final List<String> placed = migration != null ? migration.hosts()
                : List.of(carrier.getBindingChassis().getValue());
            final Map<String, Long> hosts = new LinkedHashMap<>();
            for (String host : placed) {
                final Chassis hostChassis = config.chassis().get(host);
                final boolean hostUp = hostChassis != null && !Boolean.FALSE.equals(hostChassis.getAdminStateUp());
                final Long ofport = !hostUp ? null : inventory.switchOf(hostChassis)
                    .map(view -> view.portsByName().get(interfaceNameOf(carrier))).orElse(null);
                if (ofport != null) {
                    hosts.put(host, ofport);
                }
            }
            if (hosts.containsKey(chassisName)) {
                final String twin = hosts.keySet().stream().filter(host -> !host.equals(chassisName)).findFirst()
                    .orElse(null);
                final Long trap = migration != null && migration.phase() == PortMigration.Phase.PREPARED
                    && migration.destination().equals(chassisName) ? migration.generation() : null;
                local.add(new LocalPort(port, hosts.get(chassisName), network, twin, trap, vlan, carrierId));
            } else if (!hosts.isEmpty()) {
                remote.add(new RemotePort(port, List.copyOf(hosts.keySet()), network));
                if (migration != null && migration.source().equals(chassisName)) {
                    // the source of a switched migration forwards what its ports still send to the port, and
                    // what is in flight to it unless the destination already got that as a twin
                    networks.put(idOf(network.getId()), network);
                    if (migration.dualDeliveryWritten()) {
                        tunnelledDrops.add(port.getId().getValue());
                    }
                }
            }
        }
        // the snapshot keeps ports in no particular order; flows and group buckets follow port ids
        local.sort(Comparator.comparing(LocalPort::id));
        final Map<String, Long> tunnels = new TreeMap<>();
        for (String other : config.chassis().keySet()) {
            final Long ofport = ownSwitch.orElseThrow().portsByName().get(tunnelPortName(self, other));
            if (!other.equals(chassisName) && ofport != null) {
                tunnels.put(other, ofport);
            }
        }
        local.forEach(p -> networks.put(idOf(p.network().getId()), p.network()));
        final List<RouterView> routers = new ArrayList<>();
        final Map<String, Network> routedNetworks = new TreeMap<>();
        final Map<String, Integer> routersPerNetwork = config.routers().isEmpty() ? Map.of()
            : RouterView.routersPerNetwork(config);
        for (var router : config.routers().values()) {
            RouterView.of(config, router, routersPerNetwork)
                .filter(view -> local.stream().anyMatch(port -> view.attachedTo(idOf(port.network().getId()))))
                .ifPresent(view -> {
                    routers.add(view);
                    view.interfaces().forEach(iface -> routedNetworks.put(iface.networkId(), iface.network()));
                });
        }
        // only the ports of networks this chassis forwards for are ever looked at; the overlay's others (most of
        // them, in a large cloud) would cost every compile a sort and every network a walk over them
        remote.removeIf(port -> !networks.containsKey(idOf(port.network().getId()))
            && !routedNetworks.containsKey(idOf(port.network().getId())));
        remote.sort(Comparator.comparing(RemotePort::id));
        final Map<String, Long> externalPorts = new TreeMap<>();
        for (BridgeMapping mapping : self.nonnullBridgeMapping().values()) {
            final Long ofport = ownSwitch.orElseThrow().portsByName().get(mapping.getInterfaceName());
            if (ofport != null) {
                externalPorts.put(mapping.getPhysicalNetwork(), ofport);
            }
        }
        return Optional.of(new CompileContext(config, chassisName, local, remote, tunnels, networks,
            deliveryGroups(local, remote), tunnelledDrops, List.copyOf(routers), routedNetworks, externalPorts,
            hostedFloatingIps(config, migrations, chassisName, local),
            byNetwork(local, LocalPort::network), byNetwork(remote, RemotePort::network)));
    }

    /**
     * Groups ports by network id, each group in the order of {@code ports}: the flow concerns look ports up per
     * network, once per network.
     */
    private static <T> Map<String, List<T>> byNetwork(final List<T> ports, final Function<T, Network> network) {
        final Map<String, List<T>> out = new HashMap<>();
        for (T port : ports) {
            out.computeIfAbsent(idOf(network.apply(port).getId()), id -> new ArrayList<>()).add(port);
        }
        return out;
    }

    private static List<HostedFloatingIp> hostedFloatingIps(final ConfigSnapshot config,
            final Map<String, PortMigration> migrations, final String chassisName, final List<LocalPort> local) {
        final List<HostedFloatingIp> out = new ArrayList<>();
        for (FloatingIp fip : config.floatingIps().values()) {
            FloatingIpView.of(config, fip).ifPresent(view -> {
                final Optional<LocalPort> here = local.stream().filter(port -> port.id().equals(view.portId()))
                    .findFirst();
                final PortMigration migration = migrations.get(config.carrierIdOf(view.portId()));
                if (here.isPresent()) {
                    out.add(new HostedFloatingIp(view, here.orElseThrow().trapGeneration() == null, false));
                } else if (migration != null && migration.phase() == PortMigration.Phase.SWITCHED
                        && migration.source().equals(chassisName)) {
                    out.add(new HostedFloatingIp(view, false, true));
                }
            });
        }
        return List.copyOf(out);
    }

    /**
     * Gives every port delivered to two places from this chassis a group id derived from its id, so the id stays
     * the same from one compile to the next; a collision moves the later port (in id order) to the next free id.
     */
    private static Map<String, Long> deliveryGroups(final List<LocalPort> local, final List<RemotePort> remote) {
        final TreeSet<String> ports = new TreeSet<>();
        local.stream().filter(port -> port.twin() != null).forEach(port -> ports.add(port.id()));
        remote.stream().filter(port -> port.hosts().size() > 1).forEach(port -> ports.add(port.id()));
        final Map<String, Long> groups = new TreeMap<>();
        final Set<Long> taken = new HashSet<>();
        for (String port : ports) {
            long offset = Integer.toUnsignedLong(port.hashCode()) % DELIVERY_GROUP_SPAN;
            while (!taken.add(offset)) {
                offset = (offset + 1) % DELIVERY_GROUP_SPAN;
            }
            groups.put(port, DELIVERY_GROUP_BASE + offset);
        }
        return groups;
    }

    /**
     * Returns the first IPv4 fixed IP of a port, the one ARP is answered for.
     */
    static Optional<String> ipv4Of(final Port port) {
        return port.nonnullFixedIp().values().stream().map(ip -> ip.getIpAddress().stringValue())
            .filter(ip -> ip.indexOf(':') < 0).findFirst();
    }


    static long vni(final Network network) {
        return network.getSegmentationId().toJava();
    }

    /** The network's ports up on this chassis, in id order. */
    List<LocalPort> localPortsOf(final String networkId) {
        return localByNetwork.getOrDefault(networkId, List.of());
    }

    /** The network's ports up on other chassis only, in id order. */
    List<RemotePort> remotePortsOf(final String networkId) {
        return remoteByNetwork.getOrDefault(networkId, List.of());
    }

    /**
     * Returns the other chassis that have a port of the network up and a tunnel from this chassis.
     */
    Set<String> remoteChassisOf(final String networkId) {
        final Set<String> out = new LinkedHashSet<>();
        for (LocalPort local : localPortsOf(networkId)) {
            if (local.twin() != null && tunnels.containsKey(local.twin())) {
                out.add(local.twin());
            }
        }
        for (RemotePort remote : remotePortsOf(networkId)) {
            for (String host : remote.hosts()) {
                if (tunnels.containsKey(host)) {
                    out.add(host);
                }
            }
        }
        return out;
    }
}
