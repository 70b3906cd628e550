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
import org.opendaylight.liveflow.impl.compiler.OverlayCompiler;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.OverlayBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ChassisRegistryBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.NetworksBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.PortsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.ChassisBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.PortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIpBuilder;
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

    private final OverlayCompiler compiler = new OverlayCompiler();
    private ConfigSnapshot config;
    private SwitchInventory inventory;

    @Setup
    public void buildTopology() {
        final List<Chassis> chassis = new ArrayList<>();
        final List<Port> ports = new ArrayList<>();
        final List<Network> networks = new ArrayList<>();
        final Map<String, SwitchView> switches = new HashMap<>();
        final int totalPorts = CHASSIS * PORTS_PER_CHASSIS;
        for (int n = 0; n < totalPorts / portsPerNetwork; n++) {
            networks.add(new NetworkBuilder().setId(new ResourceId("net" + n)).setTenant(new ResourceId("t"))
                .setSegmentationId(Uint32.valueOf(1000 + n)).build());
        }
        for (int c = 1; c <= CHASSIS; c++) {
            chassis.add(new ChassisBuilder().setName(new ResourceId("c" + c)).setDatapathId(Uint64.valueOf(c))
                .setTunnelIp(IetfInetUtil.ipAddressFor("10.200." + c / 256 + "." + c % 256)).build());
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
            switches.put("openflow:" + c, new SwitchView("openflow:" + c, switchPorts, true));
        }
        config = ConfigSnapshot.of(new OverlayBuilder()
            .setChassisRegistry(new ChassisRegistryBuilder().setChassis(BindingMap.ordered(chassis)).build())
            .setNetworks(new NetworksBuilder().setNetwork(BindingMap.ordered(networks)).build())
            .setPorts(new PortsBuilder().setPort(BindingMap.ordered(ports)).build())
            .build());
        inventory = new SwitchInventory(switches);
        System.out.printf("%n%d chassis x %d ports, %d ports per network: %d flows per chassis, %d in all%n",
            CHASSIS, PORTS_PER_CHASSIS, portsPerNetwork, oneChassis(), allChassis());
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
