/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.gate.SwitchWriters;
import org.opendaylight.liveflow.impl.migration.Placements;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.TransmitPacket;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.TransmitPacketInput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.TransmitPacketOutput;
import org.opendaylight.yangtools.yang.binding.Rpc;
import org.opendaylight.yangtools.yang.binding.RpcService;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;

/**
 * Floating IP fip1 (203.0.113.10, MAC 02:00:cb:00:71:0a) maps to p1, which migrates from c1 to c2; each chassis
 * reaches the external network through its interface "ext", OpenFlow port 50. At the activation, the announcer
 * writes the gratuitous ARP out of c2's port 50 through the switch gate, or through the plugin's transmit-packet
 * when the gate does not write to c2.
 */
class FloatingIpAnnouncerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] GARP = FloatingIpAnnouncer.gratuitousArp("02:00:cb:00:71:0a", "203.0.113.10");

    private final TestOverlay overlay = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
        .withBridgeMapping("c1", "physnet1", "ext").withBridgeMapping("c2", "physnet1", "ext")
        .withRouter("r1", List.of("s1"))
        .withExternalNetwork("ext", 4000, "203.0.113.0/24", "203.0.113.1", "02:fe:00:00:00:01")
        .withFloatingIp("fip1", "203.0.113.10", "p1", null);
    private final SwitchInventory inventory = new SwitchInventory(Map.of(
        "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L, "ext", 50L), true),
        "openflow:2", new SwitchView("openflow:2", Map.of("p1", 7L, "tun-c1", 100L, "ext", 50L), true)));

    /** What the gate was given, per write: datapath id and each message, hex-encoded. */
    private final List<String> gateWrites = new ArrayList<>();
    /** What the gate answers a write to a datapath id; null: it does not write to that switch. */
    private Function<Long, ListenableFuture<SwitchWriters.Receipt>> gate = dpid -> null;
    private final List<TransmitPacketInput> transmitted = new ArrayList<>();
    /** The tasks handed to the plugin's way's executor, run when the test says. */
    private final List<Runnable> pluginWayTasks = new ArrayList<>();
    private final Executor pluginWay = pluginWayTasks::add;

    private final FloatingIpAnnouncer announcer = new FloatingIpAnnouncer(new RpcConsumerRegistry() {
        @Override
        public <S extends RpcService> S getRpcService(final Class<S> serviceInterface) {
            throw new UnsupportedOperationException("the announcer uses Rpc lookups only");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R extends Rpc<?, ?>> R getRpc(final Class<R> rpcInterface) {
            assertEquals(TransmitPacket.class, rpcInterface);
            final TransmitPacket transmit = input -> {
                transmitted.add(input);
                return Futures.immediateFuture(RpcResultBuilder.<TransmitPacketOutput>success().build());
            };
            return (R) transmit;
        }
    }, messages -> {
        final Map<Long, ListenableFuture<SwitchWriters.Receipt>> taken = new HashMap<>();
        messages.forEach((dpid, written) -> {
            final ListenableFuture<SwitchWriters.Receipt> receipt = gate.apply(dpid);
            if (receipt != null) {
                gateWrites.add(dpid + " " + written.stream().map(HEX::formatHex).toList());
                taken.put(dpid, receipt);
            }
        });
        return taken;
    }, pluginWay);

    private static Placements switched(final long generation) {
        return new Placements(generation, Map.of("p1", new PortMigration("p1", PortMigration.Phase.SWITCHED, "c1",
            "c2", generation, true)));
    }

    private void runPluginWay() {
        final List<Runnable> tasks = List.copyOf(pluginWayTasks);
        pluginWayTasks.clear();
        tasks.forEach(Runnable::run);
    }

    private void announce(final Placements placements) {
        announcer.announce(placements, overlay.snapshot(), inventory);
    }

    @Test
    void theGratuitousArpGoesOutOfTheDestinationsExternalPortThroughTheGateOncePerGeneration() {
        gate = dpid -> Futures.immediateFuture(new SwitchWriters.Receipt(1, List.of()));
        announce(new Placements(1, Map.of("p1", new PortMigration("p1", PortMigration.Phase.PREPARED, "c1", "c2", 1,
            false))));
        assertEquals(List.of(), gateWrites, "nothing is announced while the migration is prepared");
        announce(switched(1));
        announce(switched(1));
        assertEquals(List.of("2 [" + HEX.formatHex(PacketOutEncoder.output(GARP, 50)) + "]"), gateWrites);
        assertEquals(List.of(), transmitted);
        announce(switched(2));
        assertEquals(2, gateWrites.size(), "a later generation is announced again");
    }

    @Test
    void aSwitchTheGateDoesNotWriteToGetsThePluginsTransmitPacket() {
        announce(switched(1));
        assertEquals(List.of(), gateWrites);
        assertEquals(1, transmitted.size());
        assertEquals(FloatingIpAnnouncer.transmission("openflow:2", 50, GARP), transmitted.get(0));
        assertArrayEquals(GARP, transmitted.get(0).getPayload());
    }

    @Test
    void aWriteTheGateCouldNotMakeGoesThePluginsWayOnItsExecutor() {
        gate = dpid -> Futures.immediateFailedFuture(new SwitchWriters.NotWritten("the connection closed"));
        announce(switched(1));
        assertEquals(1, gateWrites.size());
        assertEquals(List.of(), transmitted, "not on the thread that answered");
        assertEquals(1, pluginWayTasks.size());
        runPluginWay();
        assertEquals(List.of(FloatingIpAnnouncer.transmission("openflow:2", 50, GARP)), transmitted);
    }

    @Test
    void aRefusalAsNotTheMasterGoesThePluginsWayAnyOtherRefusalDoesNot() {
        gate = dpid -> Futures.immediateFuture(new SwitchWriters.Receipt(1,
            List.of(new SwitchWriters.Refusal(0, 1, 10))));
        announce(switched(1));
        runPluginWay();
        assertEquals(1, transmitted.size(), "refused as not from the master: the plugin's way");

        gate = dpid -> Futures.immediateFuture(new SwitchWriters.Receipt(1,
            List.of(new SwitchWriters.Refusal(0, 1, 2))));
        announce(switched(2));
        runPluginWay();
        assertEquals(2, gateWrites.size());
        assertEquals(1, transmitted.size(), "refused otherwise: logged, not sent again the same way");
    }
}
