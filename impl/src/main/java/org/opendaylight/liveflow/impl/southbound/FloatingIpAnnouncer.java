/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.compiler.FloatingIpView;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.gate.SwitchWriters;
import org.opendaylight.liveflow.impl.migration.Placements;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.liveflow.impl.validation.Cidr;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.node.NodeConnector;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.node.NodeConnectorKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.chassis.BridgeMapping;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.TransmitPacket;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.TransmitPacketInput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.TransmitPacketInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.TransmitPacketOutput;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At a migration's activation, announces each floating IP of the port from the destination: a gratuitous ARP
 * with the floating IP's MAC, sent out of the destination's interface to the external network, so the external
 * switch moves the floating IP's traffic there (the source forwards what still reaches it meanwhile). Each
 * migration generation is announced once.
 *
 * <p>The gratuitous ARP is a PACKET_OUT written through the switch gate on the destination's connection, behind the
 * activation's flow-mods there, which the fast path wrote a moment before. The OpenFlowPlugin's transmit-packet,
 * the only way before, did its first conversion and serialization on the engine's thread in the middle of the
 * activation: 37 to 58 ms of it at 100 chassis, on the two cores that the switches' flow-mods needed then. A switch
 * the gate does not write to gets the plugin's transmit-packet, as does one whose write the gate could not make.
 */
final class FloatingIpAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(FloatingIpAnnouncer.class);

    private final ActivationFastPath.GateWriter gate;
    private final TransmitPacket transmitPacket;
    private final Executor pluginWay;
    private final Map<String, Long> announced = new HashMap<>();

    /**
     * Creates an announcer that writes through this gate, else through the plugin's transmit-packet, invoked on the
     * given executor when the gate's answer says so (not on the gate's network thread that answers).
     */
    FloatingIpAnnouncer(final RpcConsumerRegistry rpcs, final ActivationFastPath.GateWriter gate,
            final Executor pluginWay) {
        this.gate = gate;
        // looked up once, as the fast path's flow RPCs: the plugin routes it per switch when invoked
        transmitPacket = rpcs.getRpc(TransmitPacket.class);
        this.pluginWay = pluginWay;
    }

    synchronized void announce(final Placements placements, final ConfigSnapshot config,
            final SwitchInventory switches) {
        announced.keySet().retainAll(placements.ports().keySet());
        for (PortMigration migration : placements.ports().values()) {
            final Long last = announced.get(migration.port());
            if (migration.phase() != PortMigration.Phase.SWITCHED
                    || last != null && last >= migration.generation()) {
                continue;
            }
            announced.put(migration.port(), migration.generation());
            final Chassis destination = config.chassis().get(migration.destination());
            final Optional<SwitchView> view = destination == null ? Optional.empty()
                : switches.connectedSwitchOf(destination);
            if (view.isEmpty()) {
                continue;
            }
            for (FloatingIp fip : config.floatingIps().values()) {
                // a floating IP of a trunk's sub-port moves with the parent's migration
                FloatingIpView.of(config, fip)
                    .filter(fipView -> config.carrierIdOf(fipView.portId()).equals(migration.port()))
                    .ifPresent(fipView -> send(destination, view.orElseThrow(), fipView));
            }
        }
    }

    private void send(final Chassis chassis, final SwitchView view, final FloatingIpView fip) {
        final BridgeMapping mapping = chassis.nonnullBridgeMapping().values().stream()
            .filter(candidate -> candidate.getPhysicalNetwork().equals(fip.physicalNetwork())).findFirst()
            .orElse(null);
        final Long ofport = mapping == null ? null : view.portsByName().get(mapping.getInterfaceName());
        if (ofport == null) {
            LOG.warn("floating IP {}: chassis {} has no interface to physical network {}: not announced", fip.id(),
                chassis.getName().getValue(), fip.physicalNetwork());
            return;
        }
        final Announcement announcement = new Announcement(fip, view.nodeId(), ofport,
            gratuitousArp(fip.mac(), fip.address()));
        final Long datapathId = FlowReconciler.datapathIdOf(announcement.nodeId());
        final ListenableFuture<SwitchWriters.Receipt> receipt = datapathId == null ? null
            : writeThroughGate(datapathId, PacketOutEncoder.output(announcement.frame(), ofport));
        if (receipt == null) {
            throughPlugin(announcement);
            return;
        }
        Futures.addCallback(receipt, new FutureCallback<SwitchWriters.Receipt>() {
            @Override
            public void onSuccess(final SwitchWriters.Receipt answer) {
                final SwitchWriters.Refusal refusal = answer.refused().isEmpty() ? null : answer.refused().get(0);
                if (refusal == null) {
                    announcement.log("through the switch gate");
                } else if (refusal.notMaster()) {
                    pluginWay.execute(() -> throughPlugin(announcement));
                } else {
                    LOG.warn("floating IP {}: the switch {} refused its announcement (OpenFlow error type {} code {})",
                        fip.id(), announcement.nodeId(), refusal.errorType(), refusal.errorCode());
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                if (cause instanceof SwitchWriters.NotWritten) {
                    pluginWay.execute(() -> throughPlugin(announcement));
                } else {
                    LOG.warn("floating IP {}: its announcement from {} was not confirmed", fip.id(),
                        announcement.nodeId(), cause);
                }
            }
        }, MoreExecutors.directExecutor());
    }

    // the gate failing must not stop the announcement: the plugin's way is taken instead
    @SuppressWarnings("checkstyle:IllegalCatch")
    private @Nullable ListenableFuture<SwitchWriters.Receipt> writeThroughGate(final long datapathId,
            final byte[] packetOut) {
        try {
            return gate.write(Map.of(datapathId, List.of(packetOut))).get(datapathId);
        } catch (RuntimeException e) {
            LOG.warn("The switch gate did not take a floating IP's announcement, the OpenFlowPlugin gets it", e);
            return null;
        }
    }

    private void throughPlugin(final Announcement announcement) {
        final var result = transmitPacket.invoke(transmission(announcement.nodeId(), announcement.ofport(),
            announcement.frame()));
        Futures.addCallback(result, new FutureCallback<RpcResult<TransmitPacketOutput>>() {
            @Override
            public void onSuccess(final RpcResult<TransmitPacketOutput> outcome) {
                if (outcome.isSuccessful()) {
                    announcement.log("through the OpenFlowPlugin");
                } else {
                    LOG.warn("floating IP {}: announcement from {} failed: {}", announcement.fip().id(),
                        announcement.nodeId(), outcome.getErrors());
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("floating IP {}: announcement from {} failed", announcement.fip().id(),
                    announcement.nodeId(), cause);
            }
        }, MoreExecutors.directExecutor());
    }

    /** A floating IP's gratuitous ARP, to go out of this port of this switch. */
    private record Announcement(FloatingIpView fip, String nodeId, long ofport, byte[] frame) {
        void log(final String how) {
            LOG.info("floating IP {} ({}, {}) announced from {} {}", fip.id(), fip.address(), fip.mac(), nodeId,
                how);
        }
    }

    /**
     * Returns the transmit-packet input that sends a frame out of a port of a switch, as the plugin's packet-out
     * takes it (no ingress: in port CONTROLLER).
     */
    static TransmitPacketInput transmission(final String nodeId, final long ofport, final byte[] frame) {
        final var node = FlowReconciler.nodePath(nodeId).firstIdentifierOf(Node.class);
        final var egress = node.child(NodeConnector.class,
            new NodeConnectorKey(new NodeConnectorId(nodeId + ":" + ofport)));
        return new TransmitPacketInputBuilder().setNode(new NodeRef(node)).setEgress(new NodeConnectorRef(egress))
            .setPayload(frame).build();
    }

    /**
     * Returns a gratuitous ARP (a broadcast request for the sender's own address) from the given MAC and IPv4.
     */
    static byte[] gratuitousArp(final String mac, final String address) {
        final byte[] hardware = HexFormat.ofDelimiter(":").parseHex(mac);
        final byte[] ip = Cidr.parseIp(address).getAddress();
        return ByteBuffer.allocate(42)
            .put(new byte[] {-1, -1, -1, -1, -1, -1}).put(hardware).putShort((short) 0x0806)
            .putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1)
            .put(hardware).put(ip).put(new byte[6]).put(ip)
            .array();
    }
}
