/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.OverlayBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ChassisRegistryBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.FloatingIpsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.LivenessSettings;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.LivenessSettingsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.NetworksBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.PortsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.QuotasBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.RoutersBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.SubnetsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.TenantsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.TrunksBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.ChassisBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.chassis.BridgeMappingBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIpBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.PortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIpBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.quotas.Quota;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.quotas.QuotaBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.RouterBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.router.InterfaceBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.router.StaticRouteBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.SubnetBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.tenants.Tenant;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.tenants.TenantBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.Trunk;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.TrunkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.trunk.SubPortBuilder;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Builds liveflow configurations for tests in a few readable lines. Each {@code with*} call adds or replaces one
 * object by id; {@link #snapshot()} freezes the current content.
 */
public final class TestOverlay {
    private final Map<String, Chassis> chassis = new LinkedHashMap<>();
    private final Map<String, Tenant> tenants = new LinkedHashMap<>();
    private final Map<String, Quota> quotas = new LinkedHashMap<>();
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Subnet> subnets = new LinkedHashMap<>();
    private final Map<String, Router> routers = new LinkedHashMap<>();
    private final Map<String, Port> ports = new LinkedHashMap<>();
    private final Map<String, Trunk> trunks = new LinkedHashMap<>();
    private final Map<String, FloatingIp> floatingIps = new LinkedHashMap<>();
    private LivenessSettings liveness;

    /**
     * Returns two chassis, tenant t1 with network net1 (VNI 1001, subnet s1 10.0.0.0/24 gateway 10.0.0.1) and
     * two ports p1 (10.0.0.11 on chassis c1) and p2 (10.0.0.12 on c2): a valid configuration.
     */
    public static TestOverlay base() {
        return new TestOverlay()
            .withChassis("c1", "192.0.2.1")
            .withChassis("c2", "192.0.2.2")
            .withTenant("t1")
            .withNetwork("net1", "t1", 1001)
            .withSubnet("s1", "net1", "10.0.0.0/24", "10.0.0.1")
            .withPort(port("p1", "net1", "fa:16:3e:00:00:01", "s1", "10.0.0.11").setBindingChassis(id("c1")))
            .withPort(port("p2", "net1", "fa:16:3e:00:00:02", "s1", "10.0.0.12").setBindingChassis(id("c2")));
    }

    public TestOverlay copy() {
        final TestOverlay copy = new TestOverlay();
        copy.chassis.putAll(chassis);
        copy.tenants.putAll(tenants);
        copy.quotas.putAll(quotas);
        copy.networks.putAll(networks);
        copy.subnets.putAll(subnets);
        copy.routers.putAll(routers);
        copy.ports.putAll(ports);
        copy.trunks.putAll(trunks);
        copy.floatingIps.putAll(floatingIps);
        copy.liveness = liveness;
        return copy;
    }

    public static ResourceId id(final String value) {
        return new ResourceId(value);
    }

    public static PortBuilder port(final String id, final String network, final String mac,
            final String... subnetIpPairs) {
        final List<FixedIp> ips = new ArrayList<>();
        for (int i = 0; i < subnetIpPairs.length; i += 2) {
            ips.add(new FixedIpBuilder().setSubnet(id(subnetIpPairs[i]))
                .setIpAddress(IetfInetUtil.ipAddressFor(subnetIpPairs[i + 1])).build());
        }
        return new PortBuilder().setId(id(id)).setTenant(id("t1")).setNetwork(id(network))
            .setMacAddress(new MacAddress(mac)).setFixedIp(BindingMap.ordered(ips));
    }

    public TestOverlay withChassis(final String name, final String tunnelIp) {
        chassis.put(name, new ChassisBuilder().setName(id(name)).setTunnelIp(IetfInetUtil.ipAddressFor(tunnelIp))
            .build());
        return this;
    }

    public TestOverlay withDatapathId(final String chassisName, final long datapathId) {
        chassis.put(chassisName, new ChassisBuilder(chassis.get(chassisName))
            .setDatapathId(Uint64.valueOf(datapathId)).build());
        return this;
    }

    public TestOverlay withBridgeMapping(final String chassisName, final String physicalNetwork,
            final String interfaceName) {
        chassis.put(chassisName, new ChassisBuilder(chassis.get(chassisName)).setBridgeMapping(BindingMap.of(
            new BridgeMappingBuilder().setPhysicalNetwork(physicalNetwork).setInterfaceName(interfaceName).build()))
            .build());
        return this;
    }

    public TestOverlay withTunnelPortPrefix(final String chassisName, final String prefix) {
        chassis.put(chassisName, new ChassisBuilder(chassis.get(chassisName)).setTunnelPortPrefix(prefix).build());
        return this;
    }

    public TestOverlay withChassisAdminState(final String chassisName, final boolean up) {
        chassis.put(chassisName, new ChassisBuilder(chassis.get(chassisName)).setAdminStateUp(up).build());
        return this;
    }

    public TestOverlay withTenant(final String id) {
        tenants.put(id, new TenantBuilder().setId(id(id)).build());
        return this;
    }

    public TestOverlay withQuota(final UnaryOperator<QuotaBuilder> quota) {
        final Quota built = quota.apply(new QuotaBuilder()).build();
        quotas.put(built.getTenant().getValue(), built);
        return this;
    }

    public static Uint32 limit(final long value) {
        return Uint32.valueOf(value);
    }

    public TestOverlay withNetwork(final String id, final String tenant, final long vni) {
        networks.put(id, new NetworkBuilder().setId(id(id)).setTenant(id(tenant))
            .setSegmentationId(Uint32.valueOf(vni)).build());
        return this;
    }

    public TestOverlay withSubnet(final String id, final String network, final String cidr,
            final String gateway) {
        subnets.put(id, new SubnetBuilder().setId(id(id)).setTenant(id("t1")).setNetwork(id(network)).setCidr(cidr)
            .setGatewayIp(gateway == null ? null : IetfInetUtil.ipAddressFor(gateway)).build());
        return this;
    }

    public TestOverlay withPort(final PortBuilder port) {
        final Port built = port.build();
        ports.put(built.getId().getValue(), built);
        return this;
    }

    public TestOverlay withRevision(final String portId, final long revision) {
        return withPort(new PortBuilder(ports.get(portId)).setRevision(Uint64.valueOf(revision)));
    }

    /**
     * Removes an entry of any kind.
     */
    public TestOverlay without(final ConfigKind kind, final String id) {
        switch (kind) {
            case CHASSIS -> chassis.remove(id);
            case TENANT -> tenants.remove(id);
            case QUOTA -> quotas.remove(id);
            case NETWORK -> networks.remove(id);
            case SUBNET -> subnets.remove(id);
            case ROUTER -> routers.remove(id);
            case PORT -> ports.remove(id);
            case TRUNK -> trunks.remove(id);
            case FLOATING_IP -> floatingIps.remove(id);
            default -> throw new IllegalArgumentException(kind.toString());
        }
        return this;
    }

    public TestOverlay withoutNetwork(final String id) {
        networks.remove(id);
        return this;
    }

    /**
     * Adds router r1 of tenant t1 attached to the given subnets (at their gateways) with the given static routes,
     * each written as "destination via next-hop".
     */
    public TestOverlay withRouter(final String id, final List<String> subnetIds, final String... routes) {
        final var builder = new RouterBuilder().setId(id(id)).setTenant(id("t1"));
        builder.setInterface(BindingMap.ordered(subnetIds.stream()
            .map(subnet -> new InterfaceBuilder().setSubnet(id(subnet)).build()).toList()));
        builder.setStaticRoute(BindingMap.ordered(Arrays.stream(routes).map(route -> {
            final String[] parts = route.split(" via ");
            return new StaticRouteBuilder().setDestination(parts[0])
                .setNextHop(IetfInetUtil.ipAddressFor(parts[1])).build();
        }).toList()));
        routers.put(id, builder.build());
        return this;
    }

    /**
     * Gives router {@code id}'s interface on a subnet an explicit address instead of the subnet's gateway.
     */
    public TestOverlay withRouterAddress(final String id, final String subnet, final String address) {
        final Router router = routers.get(id);
        final var interfaces = new ArrayList<>(router.nonnullInterface().values());
        interfaces.removeIf(iface -> iface.getSubnet().getValue().equals(subnet));
        interfaces.add(new InterfaceBuilder().setSubnet(id(subnet)).setIpAddress(IetfInetUtil.ipAddressFor(address))
            .build());
        routers.put(id, new RouterBuilder(router).setInterface(BindingMap.ordered(interfaces)).build());
        return this;
    }

    /**
     * Adds external network {@code id} on physical network physnet1 with subnet {@code id}-s of the given prefix,
     * gateway and gateway MAC (either may be null).
     */
    public TestOverlay withExternalNetwork(final String id, final long vni, final String cidr,
            final String gateway, final String gatewayMac) {
        networks.put(id, new NetworkBuilder().setId(id(id)).setTenant(id("t1")).setSegmentationId(Uint32.valueOf(vni))
            .setExternal(true).setPhysicalNetwork("physnet1").build());
        subnets.put(id + "-s", new SubnetBuilder().setId(id(id + "-s")).setTenant(id("t1")).setNetwork(id(id))
            .setCidr(cidr).setGatewayIp(gateway == null ? null : IetfInetUtil.ipAddressFor(gateway))
            .setGatewayMac(gatewayMac == null ? null : new MacAddress(gatewayMac)).build());
        return this;
    }

    public boolean hasRouter(final String id) {
        return routers.containsKey(id);
    }

    public TestOverlay withRouterMac(final String id, final String mac) {
        routers.put(id, new RouterBuilder(routers.get(id)).setMacAddress(new MacAddress(mac)).build());
        return this;
    }

    public TestOverlay withRouterAdminState(final String id, final boolean up) {
        routers.put(id, new RouterBuilder(routers.get(id)).setAdminStateUp(up).build());
        return this;
    }

    public TestOverlay withNetworkAdminState(final String id, final boolean up) {
        networks.put(id, new NetworkBuilder(networks.get(id)).setAdminStateUp(up).build());
        return this;
    }

    /**
     * Adds a trunk whose sub-ports are given as "port:vlan".
     */
    public TestOverlay withTrunk(final String id, final String parent, final String... subPorts) {
        trunks.put(id, new TrunkBuilder().setId(id(id)).setTenant(id("t1")).setParentPort(id(parent))
            .setSubPort(BindingMap.ordered(Arrays.stream(subPorts).map(sub -> {
                final String[] parts = sub.split(":");
                return new SubPortBuilder().setPort(id(parts[0])).setVlanId(Uint16.valueOf(parts[1])).build();
            }).toList()))
            .build());
        return this;
    }

    public TestOverlay withFloatingIp(final String id, final String address, final String port,
            final String fixedIp) {
        floatingIps.put(id, new FloatingIpBuilder().setId(id(id)).setTenant(id("t1"))
            .setFloatingIpAddress(new Ipv4Address(address)).setPort(port == null ? null : id(port))
            .setFixedIpAddress(fixedIp == null ? null : IetfInetUtil.ipAddressFor(fixedIp)).build());
        return this;
    }

    /**
     * Sets the liveness settings, in milliseconds.
     */
    public TestOverlay withLiveness(final long probeIntervalMillis, final long deadAfterMillis) {
        liveness = new LivenessSettingsBuilder().setProbeInterval(Uint32.valueOf(probeIntervalMillis))
            .setDeadAfter(Uint32.valueOf(deadAfterMillis)).build();
        return this;
    }

    public ConfigSnapshot snapshot() {
        return ConfigSnapshot.of(overlay());
    }

    public Overlay overlay() {
        return new OverlayBuilder().setLivenessSettings(liveness)
            .setChassisRegistry(new ChassisRegistryBuilder().setChassis(BindingMap.ordered(chassis.values())).build())
            .setTenants(new TenantsBuilder().setTenant(BindingMap.ordered(tenants.values())).build())
            .setQuotas(new QuotasBuilder().setQuota(BindingMap.ordered(quotas.values())).build())
            .setNetworks(new NetworksBuilder().setNetwork(BindingMap.ordered(networks.values())).build())
            .setSubnets(new SubnetsBuilder().setSubnet(BindingMap.ordered(subnets.values())).build())
            .setRouters(new RoutersBuilder().setRouter(BindingMap.ordered(routers.values())).build())
            .setPorts(new PortsBuilder().setPort(BindingMap.ordered(ports.values())).build())
            .setTrunks(new TrunksBuilder().setTrunk(BindingMap.ordered(trunks.values())).build())
            .setFloatingIps(new FloatingIpsBuilder().setFloatingIp(BindingMap.ordered(floatingIps.values())).build())
            .build();
    }
}
