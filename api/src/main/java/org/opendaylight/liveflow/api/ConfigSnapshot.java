/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Multimaps;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.OverlayBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ChassisRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.FloatingIps;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.LivenessSettings;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.MigrationSettings;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.Networks;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.Ports;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.Quotas;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.Routers;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.Subnets;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.Tenants;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.Trunks;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.quotas.Quota;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.tenants.Tenant;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.Trunk;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.trunk.SubPort;

/**
 * One immutable view of the whole liveflow configuration, with the lookups the validation rules, the
 * shell and the flow compiler need: objects by id (sorted, so listings are stable) and ports grouped by
 * network and by chassis.
 */
public final class ConfigSnapshot {
    /** The YANG default of migration-settings/binding-timeout. */
    public static final long DEFAULT_BINDING_TIMEOUT_SECONDS = 120;
    public static final long DEFAULT_PROBE_INTERVAL_MILLIS = 1000;
    public static final long DEFAULT_DEAD_AFTER_MILLIS = 2500;
    private static final ConfigSnapshot EMPTY = new ConfigSnapshot(new OverlayBuilder().build());

    private final ImmutableSortedMap<String, Chassis> chassis;
    private final ImmutableSortedMap<String, Tenant> tenants;
    private final ImmutableSortedMap<String, Quota> quotas;
    private final ImmutableSortedMap<String, Network> networks;
    private final ImmutableSortedMap<String, Subnet> subnets;
    private final ImmutableSortedMap<String, Router> routers;
    private final ImmutableSortedMap<String, Port> ports;
    private final ImmutableSortedMap<String, Trunk> trunks;
    private final ImmutableSortedMap<String, FloatingIp> floatingIps;
    private final ImmutableListMultimap<String, Port> portsByNetwork;
    private final ImmutableListMultimap<String, Port> portsByChassis;
    private final ImmutableListMultimap<String, Subnet> subnetsByNetwork;
    private final ImmutableMap<String, SubPortOf> subPorts;
    private final ImmutableMap<String, Trunk> trunksByParent;
    private final Duration bindingTimeout;
    private final Duration probeInterval;
    private final Duration deadAfter;

    private ConfigSnapshot(final Overlay overlay) {
        requireNonNull(overlay);
        final ChassisRegistry registry = overlay.getChassisRegistry();
        chassis = byId(registry == null ? null : registry.getChassis(), Chassis::getName);
        final Tenants tenantList = overlay.getTenants();
        tenants = byId(tenantList == null ? null : tenantList.getTenant(), Tenant::getId);
        final Quotas quotaList = overlay.getQuotas();
        quotas = byId(quotaList == null ? null : quotaList.getQuota(), Quota::getTenant);
        final Networks networkList = overlay.getNetworks();
        networks = byId(networkList == null ? null : networkList.getNetwork(), Network::getId);
        final Subnets subnetList = overlay.getSubnets();
        subnets = byId(subnetList == null ? null : subnetList.getSubnet(), Subnet::getId);
        final Routers routerList = overlay.getRouters();
        routers = byId(routerList == null ? null : routerList.getRouter(), Router::getId);
        final Ports portList = overlay.getPorts();
        ports = byId(portList == null ? null : portList.getPort(), Port::getId);
        final Trunks trunkList = overlay.getTrunks();
        trunks = byId(trunkList == null ? null : trunkList.getTrunk(), Trunk::getId);
        final FloatingIps fipList = overlay.getFloatingIps();
        floatingIps = byId(fipList == null ? null : fipList.getFloatingIp(), FloatingIp::getId);

        portsByNetwork = Multimaps.index(ports.values(), port -> idOf(port.getNetwork()));
        portsByChassis = ImmutableListMultimap.copyOf(Multimaps.index(
            ports.values().stream().filter(port -> port.getBindingChassis() != null).iterator(),
            port -> port.getBindingChassis().getValue()));
        subnetsByNetwork = Multimaps.index(subnets.values(), subnet -> idOf(subnet.getNetwork()));
        // the validator refuses a port in two trunks; should a test build one, the first trunk (by id) wins
        final Map<String, SubPortOf> subPortMap = new LinkedHashMap<>();
        final Map<String, Trunk> parentMap = new LinkedHashMap<>();
        for (Trunk trunk : trunks.values()) {
            parentMap.putIfAbsent(idOf(trunk.getParentPort()), trunk);
            for (SubPort subPort : trunk.nonnullSubPort().values()) {
                subPortMap.putIfAbsent(idOf(subPort.getPort()), new SubPortOf(idOf(trunk.getId()),
                    idOf(trunk.getParentPort()), subPort.getVlanId() == null ? 0 : subPort.getVlanId().toJava()));
            }
        }
        subPorts = ImmutableMap.copyOf(subPortMap);
        trunksByParent = ImmutableMap.copyOf(parentMap);
        final MigrationSettings settings = overlay.getMigrationSettings();
        bindingTimeout = Duration.ofSeconds(settings == null || settings.getBindingTimeout() == null
            ? DEFAULT_BINDING_TIMEOUT_SECONDS : settings.getBindingTimeout().toJava());
        final LivenessSettings liveness = overlay.getLivenessSettings();
        probeInterval = Duration.ofMillis(liveness == null || liveness.getProbeInterval() == null
            ? DEFAULT_PROBE_INTERVAL_MILLIS : liveness.getProbeInterval().toJava());
        deadAfter = Duration.ofMillis(liveness == null || liveness.getDeadAfter() == null
            ? DEFAULT_DEAD_AFTER_MILLIS : liveness.getDeadAfter().toJava());
    }

    /**
     * Returns how often liveflow probes each connected switch.
     */
    public Duration probeInterval() {
        return probeInterval;
    }

    /**
     * Returns how long a connected switch may go without answering before its chassis is declared dead.
     */
    public Duration deadAfter() {
        return deadAfter;
    }

    /**
     * Returns how long the migration engine waits for a binding update after activation.
     */
    public Duration bindingTimeout() {
        return bindingTimeout;
    }

    /**
     * Returns the snapshot of an overlay as read from the datastore; an absent overlay is empty.
     */
    public static ConfigSnapshot of(final @Nullable Overlay overlay) {
        return overlay == null ? EMPTY : new ConfigSnapshot(overlay);
    }

    public static ConfigSnapshot empty() {
        return EMPTY;
    }

    /**
     * Returns the string value of an identifier leaf, or the empty string when the leaf is absent
     * (the YANG model makes references mandatory, so this only happens in hand-built test data).
     */
    public static String idOf(final @Nullable ResourceId id) {
        return id == null ? "" : id.getValue();
    }

    /**
     * Returns the name of the switch interface that carries a port: its interface-name, else its id.
     */
    public static String interfaceNameOf(final Port port) {
        return port.getInterfaceName() != null ? port.getInterfaceName() : idOf(port.getId());
    }

    public Map<String, Chassis> chassis() {
        return chassis;
    }

    public Map<String, Tenant> tenants() {
        return tenants;
    }

    public Map<String, Quota> quotas() {
        return quotas;
    }

    public Map<String, Network> networks() {
        return networks;
    }

    public Map<String, Subnet> subnets() {
        return subnets;
    }

    public Map<String, Router> routers() {
        return routers;
    }

    public Map<String, Port> ports() {
        return ports;
    }

    public Map<String, Trunk> trunks() {
        return trunks;
    }

    public Map<String, FloatingIp> floatingIps() {
        return floatingIps;
    }

    public Optional<Port> port(final String id) {
        return Optional.ofNullable(ports.get(id));
    }

    /**
     * Returns the ports attached to a network, in id order.
     */
    public List<Port> portsOfNetwork(final String networkId) {
        return portsByNetwork.get(networkId);
    }

    /**
     * Returns the ports whose binding-chassis is the given chassis, in id order.
     */
    public List<Port> portsOnChassis(final String chassisName) {
        return portsByChassis.get(chassisName);
    }

    /**
     * Where a port is a sub-port: its trunk, its parent port and its VLAN id on the parent's interface.
     */
    public record SubPortOf(String trunk, String parent, int vlan) {
        public SubPortOf {
            requireNonNull(trunk);
            requireNonNull(parent);
        }
    }

    /**
     * Returns the trunk, parent and VLAN of a port that is a sub-port of a trunk; empty for any other port.
     */
    public Optional<SubPortOf> subPortOf(final String portId) {
        return Optional.ofNullable(subPorts.get(portId));
    }

    /**
     * Returns the trunk whose parent is this port, if any.
     */
    public Optional<Trunk> trunkOfParent(final String portId) {
        return Optional.ofNullable(trunksByParent.get(portId));
    }

    /**
     * Returns the port that carries a port's frames: the parent for a sub-port (its VLAN on the parent's
     * interface, on the parent's chassis), the port itself otherwise; empty when a sub-port's parent is missing.
     */
    public Optional<Port> carrierOf(final Port port) {
        final SubPortOf subPort = subPorts.get(idOf(port.getId()));
        return subPort == null ? Optional.of(port) : port(subPort.parent());
    }

    /**
     * Returns the id of the port whose migration carries this one: the parent of a sub-port, else the port itself.
     */
    public String carrierIdOf(final String portId) {
        final SubPortOf subPort = subPorts.get(portId);
        return subPort == null ? portId : subPort.parent();
    }

    public List<Subnet> subnetsOfNetwork(final String networkId) {
        return subnetsByNetwork.get(networkId);
    }

    @Override
    public String toString() {
        return "ConfigSnapshot{chassis=" + chassis.size() + ", tenants=" + tenants.size() + ", networks="
            + networks.size() + ", subnets=" + subnets.size() + ", routers=" + routers.size() + ", ports="
            + ports.size() + ", trunks=" + trunks.size() + ", floatingIps=" + floatingIps.size() + "}";
    }

    private static <V> ImmutableSortedMap<String, V> byId(final @Nullable Map<?, V> entries,
            final Function<V, ResourceId> idOf) {
        if (entries == null || entries.isEmpty()) {
            return ImmutableSortedMap.of();
        }
        final Collection<V> values = entries.values();
        return values.stream().collect(ImmutableSortedMap.toImmutableSortedMap(String::compareTo,
            value -> idOf.apply(value).getValue(), Function.identity()));
    }
}
