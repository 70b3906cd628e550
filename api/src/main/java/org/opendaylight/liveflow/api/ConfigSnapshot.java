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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;
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
import org.opendaylight.yangtools.yang.binding.DataObject;
import tech.pantheon.triemap.ImmutableTrieMap;
import tech.pantheon.triemap.TrieMap;

/**
 * One immutable view of the whole liveflow configuration, with the lookups the validation rules, the
 * shell and the flow compiler need: objects by id and ports grouped by network and by chassis.
 *
 * <p>A snapshot is derived from the one before it by a {@link ConfigEdit} that costs what the change touches, not
 * what the overlay holds: ports, the one list that grows to a cloud's size, sit in a hash trie whose snapshots
 * share everything a change leaves alone, and the per-network and per-chassis groups a change touches are copied,
 * not the others. The other lists (chassis, networks, subnets and so on) are sorted maps, rebuilt when an entry of
 * their own kind changes. {@link #ports()} is therefore in no particular order; {@link #portsOfNetwork} and
 * {@link #portsOnChassis} are in id order.
 */
public final class ConfigSnapshot {
    /** What a chassis' tunnel ports are named by when its registration names no prefix (the YANG default). */
    public static final String DEFAULT_TUNNEL_PORT_PREFIX = "tun-";

    /** The YANG default of migration-settings/binding-timeout. */
    public static final long DEFAULT_BINDING_TIMEOUT_SECONDS = 120;
    public static final long DEFAULT_PROBE_INTERVAL_MILLIS = 1000;
    public static final long DEFAULT_DEAD_AFTER_MILLIS = 2500;
    private static final ConfigSnapshot EMPTY = new ConfigSnapshot();

    final ImmutableSortedMap<String, Chassis> chassis;
    final ImmutableSortedMap<String, Tenant> tenants;
    final ImmutableSortedMap<String, Quota> quotas;
    final ImmutableSortedMap<String, Network> networks;
    final ImmutableSortedMap<String, Subnet> subnets;
    final ImmutableSortedMap<String, Router> routers;
    final ImmutableTrieMap<String, Port> ports;
    final ImmutableSortedMap<String, Trunk> trunks;
    final ImmutableSortedMap<String, FloatingIp> floatingIps;
    final ImmutableTrieMap<String, ImmutableSortedMap<String, Port>> portsByNetwork;
    final ImmutableTrieMap<String, ImmutableSortedMap<String, Port>> portsByChassis;
    final ImmutableListMultimap<String, Subnet> subnetsByNetwork;
    final ImmutableMap<String, SubPortOf> subPorts;
    final ImmutableMap<String, Trunk> trunksByParent;
    final ImmutableTrieMap<String, QuotaUsage> usage;
    final @Nullable MigrationSettings migrationSettings;
    final @Nullable LivenessSettings livenessSettings;
    final ImmutableTrieMap<String, ImmutableSortedMap<String, Port>> portsByInterface;
    private final long version;
    private final Duration bindingTimeout;
    private final Duration probeInterval;
    private final Duration deadAfter;

    private ConfigSnapshot() {
        chassis = ImmutableSortedMap.of();
        tenants = ImmutableSortedMap.of();
        quotas = ImmutableSortedMap.of();
        networks = ImmutableSortedMap.of();
        subnets = ImmutableSortedMap.of();
        routers = ImmutableSortedMap.of();
        ports = TrieMap.<String, Port>create().immutableSnapshot();
        trunks = ImmutableSortedMap.of();
        floatingIps = ImmutableSortedMap.of();
        portsByNetwork = TrieMap.<String, ImmutableSortedMap<String, Port>>create().immutableSnapshot();
        portsByChassis = portsByNetwork;
        portsByInterface = portsByNetwork;
        version = 0;
        subnetsByNetwork = ImmutableListMultimap.of();
        subPorts = ImmutableMap.of();
        trunksByParent = ImmutableMap.of();
        usage = TrieMap.<String, QuotaUsage>create().immutableSnapshot();
        migrationSettings = null;
        livenessSettings = null;
        bindingTimeout = Duration.ofSeconds(DEFAULT_BINDING_TIMEOUT_SECONDS);
        probeInterval = Duration.ofMillis(DEFAULT_PROBE_INTERVAL_MILLIS);
        deadAfter = Duration.ofMillis(DEFAULT_DEAD_AFTER_MILLIS);
    }

    ConfigSnapshot(final ConfigEdit.Result edited) {
        chassis = edited.sorted(ConfigKind.CHASSIS);
        tenants = edited.sorted(ConfigKind.TENANT);
        quotas = edited.sorted(ConfigKind.QUOTA);
        networks = edited.sorted(ConfigKind.NETWORK);
        subnets = edited.sorted(ConfigKind.SUBNET);
        routers = edited.sorted(ConfigKind.ROUTER);
        ports = edited.ports();
        trunks = edited.sorted(ConfigKind.TRUNK);
        floatingIps = edited.sorted(ConfigKind.FLOATING_IP);
        portsByNetwork = edited.portsByNetwork();
        portsByChassis = edited.portsByChassis();
        portsByInterface = edited.portsByInterface();
        version = edited.version();
        subnetsByNetwork = edited.subnetsChanged() ? Multimaps.index(subnets.values(),
            subnet -> idOf(subnet.getNetwork())) : edited.base().subnetsByNetwork;
        if (edited.trunksChanged()) {
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
        } else {
            subPorts = edited.base().subPorts;
            trunksByParent = edited.base().trunksByParent;
        }
        usage = edited.usage();
        migrationSettings = edited.migrationSettings();
        livenessSettings = edited.livenessSettings();
        bindingTimeout = Duration.ofSeconds(migrationSettings == null || migrationSettings.getBindingTimeout() == null
            ? DEFAULT_BINDING_TIMEOUT_SECONDS : migrationSettings.getBindingTimeout().toJava());
        probeInterval = Duration.ofMillis(livenessSettings == null || livenessSettings.getProbeInterval() == null
            ? DEFAULT_PROBE_INTERVAL_MILLIS : livenessSettings.getProbeInterval().toJava());
        deadAfter = Duration.ofMillis(livenessSettings == null || livenessSettings.getDeadAfter() == null
            ? DEFAULT_DEAD_AFTER_MILLIS : livenessSettings.getDeadAfter().toJava());
    }

    /**
     * Returns this snapshot's number: each snapshot an edit builds gets a number no other snapshot in this JVM has,
     * so a {@link ConfigIndex} can tell which of its snapshots is which.
     */
    public long version() {
        return version;
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
        if (overlay == null) {
            return EMPTY;
        }
        final ConfigEdit edit = EMPTY.edit();
        final ChassisRegistry registry = overlay.getChassisRegistry();
        putAll(edit, registry == null ? null : registry.getChassis());
        final Tenants tenantList = overlay.getTenants();
        putAll(edit, tenantList == null ? null : tenantList.getTenant());
        final Quotas quotaList = overlay.getQuotas();
        putAll(edit, quotaList == null ? null : quotaList.getQuota());
        final Networks networkList = overlay.getNetworks();
        putAll(edit, networkList == null ? null : networkList.getNetwork());
        final Subnets subnetList = overlay.getSubnets();
        putAll(edit, subnetList == null ? null : subnetList.getSubnet());
        final Routers routerList = overlay.getRouters();
        putAll(edit, routerList == null ? null : routerList.getRouter());
        final Ports portList = overlay.getPorts();
        putAll(edit, portList == null ? null : portList.getPort());
        final Trunks trunkList = overlay.getTrunks();
        putAll(edit, trunkList == null ? null : trunkList.getTrunk());
        final FloatingIps fipList = overlay.getFloatingIps();
        putAll(edit, fipList == null ? null : fipList.getFloatingIp());
        edit.migrationSettings(overlay.getMigrationSettings());
        edit.livenessSettings(overlay.getLivenessSettings());
        return edit.build();
    }

    /**
     * Starts a change of this snapshot; this snapshot stays as it is.
     */
    public ConfigEdit edit() {
        return new ConfigEdit(this);
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

    /**
     * Returns the name of the tunnel port from chassis {@code from} to chassis {@code to}: {@code from}'s tunnel
     * port prefix ({@value #DEFAULT_TUNNEL_PORT_PREFIX} unless configured), then {@code to}'s name.
     */
    public static String tunnelPortName(final Chassis from, final String to) {
        final String prefix = from.getTunnelPortPrefix();
        return (prefix != null ? prefix : DEFAULT_TUNNEL_PORT_PREFIX) + to;
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

    /**
     * Returns every port by id, in no particular order (see {@link #portsInIdOrder()}).
     */
    public Map<String, Port> ports() {
        return ports;
    }

    /**
     * Returns every port sorted by id: a walk and a sort of the whole list, for listings.
     */
    public List<Port> portsInIdOrder() {
        return ImmutableSortedMap.copyOf(ports).values().asList();
    }

    /**
     * Returns what every tenant owns that a quota can limit, by tenant id; tenants that own nothing are absent.
     */
    public Map<String, QuotaUsage> usageByTenant() {
        return usage;
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
        return members(portsByNetwork, networkId);
    }

    /**
     * Returns the ports whose binding-chassis is the given chassis, in id order.
     */
    public List<Port> portsOnChassis(final String chassisName) {
        return members(portsByChassis, chassisName);
    }

    /**
     * Returns the ports whose switch interface (see {@link #interfaceNameOf}) has this name, in id order.
     */
    public List<Port> portsWithInterface(final String interfaceName) {
        return members(portsByInterface, interfaceName);
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

    private static List<Port> members(final ImmutableTrieMap<String, ImmutableSortedMap<String, Port>> groups,
            final String key) {
        final ImmutableSortedMap<String, Port> group = groups.get(key);
        return group == null ? List.of() : group.values().asList();
    }

    private static void putAll(final ConfigEdit edit, final @Nullable Map<?, ? extends DataObject> entries) {
        if (entries != null) {
            entries.values().forEach(edit::put);
        }
    }
}
