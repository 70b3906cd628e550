/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.compiler.ChassisCompiles;
import org.opendaylight.liveflow.impl.compiler.OverlayCompiler;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.OverlayBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ChassisRegistryBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.FloatingIpsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.NetworksBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.PortsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.RoutersBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.SubnetsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.ChassisBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.chassis.BridgeMappingBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIpBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.PortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIpBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.RouterBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.router.Interface;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.router.InterfaceBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.SubnetBuilder;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Flow compiler throughput: 100 chassis with 100 VM ports each (10,000 ports) in networks of
 * {@code portsPerNetwork} ports spread over the chassis. {@code oneChassis} compiles one chassis' flows;
 * {@code allChassis} compiles every chassis, as after a controller start. The flows per operation are printed at
 * set-up: flows/s = ops/s x flows/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@SuppressWarnings("checkstyle:RegexpSinglelineJava")
public class CompilerBenchmark {
    private static final int CHASSIS = 100;
    private static final int PORTS_PER_CHASSIS = 100;

    @Param({"20"})
    private int portsPerNetwork;

    /** Routers of {@link #SUBNETS_PER_ROUTER} subnets each, over the first networks; one floating IP per port of
     * the first {@link #FLOATING_IPS} routed ports. */
    @Param({"0", "10"})
    private int routers;

    private static final int SUBNETS_PER_ROUTER = 5;
    private static final int FLOATING_IPS = 100;

    private final OverlayCompiler compiler = new OverlayCompiler();
    private ConfigSnapshot config;
    private SwitchInventory inventory;
    private final ChassisCompiles compiles = new ChassisCompiles(compiler);
    private ConfigSnapshot rewritten;
    private List<String> chassisNames;
    private boolean written;

    @Setup
    public void buildTopology() {
        final List<Chassis> chassis = new ArrayList<>();
        final List<Port> ports = new ArrayList<>();
        final List<Network> networks = new ArrayList<>();
        final Map<String, SwitchView> switches = new HashMap<>();
        final int totalPorts = CHASSIS * PORTS_PER_CHASSIS;
        final List<Subnet> subnets = new ArrayList<>();
        for (int n = 0; n < totalPorts / portsPerNetwork; n++) {
            networks.add(new NetworkBuilder().setId(new ResourceId("net" + n)).setTenant(new ResourceId("t"))
                .setSegmentationId(Uint32.valueOf(1000 + n)).build());
            subnets.add(new SubnetBuilder().setId(new ResourceId("s" + n)).setTenant(new ResourceId("t"))
                .setNetwork(new ResourceId("net" + n)).setCidr("10." + (n >> 8 & 0xff) + "." + (n & 0xff) + ".0/24")
                .setGatewayIp(IetfInetUtil.ipAddressFor("10." + (n >> 8 & 0xff) + "." + (n & 0xff) + ".1")).build());
        }
        networks.add(new NetworkBuilder().setId(new ResourceId("ext")).setTenant(new ResourceId("t"))
            .setSegmentationId(Uint32.valueOf(999)).setExternal(true).setPhysicalNetwork("physnet1").build());
        subnets.add(new SubnetBuilder().setId(new ResourceId("ext-s")).setTenant(new ResourceId("t"))
            .setNetwork(new ResourceId("ext")).setCidr("172.16.0.0/16")
            .setGatewayIp(IetfInetUtil.ipAddressFor("172.16.0.1")).setGatewayMac(new MacAddress("02:fe:00:00:00:01"))
            .build());
        for (int c = 1; c <= CHASSIS; c++) {
            chassis.add(new ChassisBuilder().setName(new ResourceId("c" + c)).setDatapathId(Uint64.valueOf(c))
                .setTunnelIp(IetfInetUtil.ipAddressFor("10.200." + c / 256 + "." + c % 256))
                .setBridgeMapping(BindingMap.of(new BridgeMappingBuilder().setPhysicalNetwork("physnet1")
                    .setInterfaceName("ext").build())).build());
        }
        final List<Router> routerList = new ArrayList<>();
        for (int r = 0; r < routers; r++) {
            final List<Interface> interfaces = new ArrayList<>();
            for (int i = 0; i < SUBNETS_PER_ROUTER; i++) {
                interfaces.add(new InterfaceBuilder().setSubnet(new ResourceId("s" + (r * SUBNETS_PER_ROUTER + i)))
                    .build());
            }
            routerList.add(new RouterBuilder().setId(new ResourceId("r" + r)).setTenant(new ResourceId("t"))
                .setInterface(BindingMap.ordered(interfaces)).build());
        }
        final List<FloatingIp> floatingIps = new ArrayList<>();
        for (int f = 0; routers > 0 && f < FLOATING_IPS; f++) {
            floatingIps.add(new FloatingIpBuilder().setId(new ResourceId("fip" + f)).setTenant(new ResourceId("t"))
                .setFloatingIpAddress(new Ipv4Address("172.16.1." + (f + 10)))
                .setPort(new ResourceId("p" + f)).build());
        }
        final Map<Integer, Map<String, Long>> portsByChassis = new HashMap<>();
        for (int p = 0; p < totalPorts; p++) {
            // port p is on chassis p % CHASSIS + 1, so each network's ports are spread over many chassis
            final int c = p % CHASSIS + 1;
            final int n = p / portsPerNetwork;
            ports.add(new PortBuilder().setId(new ResourceId("p" + p)).setTenant(new ResourceId("t"))
                .setNetwork(new ResourceId("net" + n))
                .setMacAddress(new MacAddress(String.format("fa:16:3e:%02x:%02x:%02x", p >> 16 & 0xff, p >> 8 & 0xff,
                    p & 0xff)))
                .setFixedIp(BindingMap.of(new FixedIpBuilder().setSubnet(new ResourceId("s" + n))
                    .setIpAddress(IetfInetUtil.ipAddressFor("10." + (n >> 8 & 0xff) + "." + (n & 0xff) + "."
                        + (p % portsPerNetwork + 10))).build()))
                .setBindingChassis(new ResourceId("c" + c)).build());
            portsByChassis.computeIfAbsent(c, k -> new HashMap<>()).put("p" + p, (long) (p / CHASSIS + 1));
        }
        for (int c = 1; c <= CHASSIS; c++) {
            final Map<String, Long> switchPorts = portsByChassis.get(c);
            for (int other = 1; other <= CHASSIS; other++) {
                if (other != c) {
                    switchPorts.put("tun-c" + other, 1000L + other);
                }
            }
            switchPorts.put("ext", 5000L);
            switches.put("openflow:" + c, new SwitchView("openflow:" + c, switchPorts, true));
        }
        config = ConfigSnapshot.of(new OverlayBuilder()
            .setChassisRegistry(new ChassisRegistryBuilder().setChassis(BindingMap.ordered(chassis)).build())
            .setNetworks(new NetworksBuilder().setNetwork(BindingMap.ordered(networks)).build())
            .setSubnets(new SubnetsBuilder().setSubnet(BindingMap.ordered(subnets)).build())
            .setRouters(new RoutersBuilder().setRouter(BindingMap.ordered(routerList)).build())
            .setFloatingIps(new FloatingIpsBuilder().setFloatingIp(BindingMap.ordered(floatingIps)).build())
            .setPorts(new PortsBuilder().setPort(BindingMap.ordered(ports)).build())
            .build());
        inventory = new SwitchInventory(switches);
        // the last network is on no router
        final Port last = ports.get(ports.size() - 1);
        rewritten = config.edit().put(new PortBuilder(last).setMacAddress(new MacAddress("fa:16:3e:ff:ff:ff")).build())
            .build();
        chassisNames = chassis.stream().map(entry -> entry.getName().getValue()).toList();
        compiles.compile(config, inventory, Map.of(), chassisNames);
        System.out.printf("%n%d chassis x %d ports, %d ports per network, %d routers of %d subnets, %d floating IPs: "
            + "%d flows on c1, %d in all%n", CHASSIS, PORTS_PER_CHASSIS, portsPerNetwork, routers, SUBNETS_PER_ROUTER,
            floatingIps.size(), oneChassis(), allChassis());
    }

    /**
     * A programming pass after one port write (its MAC, back and forth), as the programmer runs it: only the
     * chassis forwarding for the port's network are compiled again (here the 20 of its unrouted network), the
     * others keep their last compile. Compare with {@link #allChassis}, what every such pass cost before.
     */
    @Benchmark
    public int passAfterOnePortWrite() {
        written = !written;
        return compiles.compile(written ? rewritten : config, inventory, Map.of(), chassisNames).size();
    }

    @Benchmark
    public int oneChassis() {
        return compiler.compile(config, inventory, "c1").flows().size();
    }

    @Benchmark
    public int allChassis() {
        int flows = 0;
        for (int c = 1; c <= CHASSIS; c++) {
            flows += compiler.compile(config, inventory, "c" + c).flows().size();
        }
        return flows;
    }
}
