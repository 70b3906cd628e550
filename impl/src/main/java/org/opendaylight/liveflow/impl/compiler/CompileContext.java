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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * What the compiler needs to know about one chassis: which ports are up on it (and at which OpenFlow port),
 * which ports are up elsewhere, and the tunnel port towards every other chassis.
 *
 * <p>A port is up on a chassis when it is bound there, administratively up, and the chassis' switch has an
 * interface with the port's interface name (the port id when none is configured). Tunnel ports follow the
 * convention {@code tun-<remote chassis name>}.
 */
record CompileContext(ConfigSnapshot config, String chassis, List<LocalPort> localPorts,
        List<RemotePort> remotePorts, Map<String, Long> tunnels, Map<String, Network> networks) {

    static final String TUNNEL_PREFIX = "tun-";

    /** A port up on the chassis being compiled. */
    record LocalPort(Port port, long ofport, Network network) {
    }

    /** A port up on another chassis. */
    record RemotePort(Port port, String chassis, Network network) {
    }

    static Optional<CompileContext> of(final ConfigSnapshot config, final SwitchInventory inventory,
            final String chassisName) {
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
        for (Port port : config.ports().values()) {
            final Network network = config.networks().get(idOf(port.getNetwork()));
            if (network == null || port.getBindingChassis() == null || Boolean.FALSE.equals(port.getAdminStateUp())) {
                continue;
            }
            final String host = port.getBindingChassis().getValue();
            final Chassis hostChassis = config.chassis().get(host);
            final Optional<Long> ofport = hostChassis == null ? Optional.empty()
                : inventory.switchOf(hostChassis).map(view -> view.portsByName().get(interfaceName(port)));
            if (ofport.isEmpty()) {
                continue;
            }
            if (host.equals(chassisName)) {
                local.add(new LocalPort(port, ofport.orElseThrow(), network));
            } else {
                remote.add(new RemotePort(port, host, network));
            }
        }
        final Map<String, Long> tunnels = new TreeMap<>();
        for (String other : config.chassis().keySet()) {
            final Long ofport = ownSwitch.orElseThrow().portsByName().get(TUNNEL_PREFIX + other);
            if (!other.equals(chassisName) && ofport != null) {
                tunnels.put(other, ofport);
            }
        }
        final Map<String, Network> networks = new TreeMap<>();
        local.forEach(p -> networks.put(idOf(p.network().getId()), p.network()));
        return Optional.of(new CompileContext(config, chassisName, local, remote, tunnels, networks));
    }

    /**
     * Returns the first IPv4 fixed IP of a port, the one ARP is answered for.
     */
    static Optional<String> ipv4Of(final Port port) {
        return port.nonnullFixedIp().values().stream().map(ip -> ip.getIpAddress().stringValue())
            .filter(ip -> ip.indexOf(':') < 0).findFirst();
    }

    static String interfaceName(final Port port) {
        return port.getInterfaceName() != null ? port.getInterfaceName() : port.getId().getValue();
    }

    static long vni(final Network network) {
        return network.getSegmentationId().toJava();
    }

    List<LocalPort> localPortsOf(final String networkId) {
        return localPorts.stream().filter(p -> idOf(p.network().getId()).equals(networkId)).toList();
    }

    /**
     * Returns the other chassis that have a port of the network up and a tunnel from this chassis.
     */
    Set<String> remoteChassisOf(final String networkId) {
        final Set<String> out = new LinkedHashSet<>();
        for (RemotePort remote : remotePorts) {
            if (idOf(remote.network().getId()).equals(networkId) && tunnels.containsKey(remote.chassis())) {
                out.add(remote.chassis());
            }
        }
        return out;
    }
}
