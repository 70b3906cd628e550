/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.opendaylight.liveflow.it.lab.StreamPort;

/**
 * A system that keeps a migrating VM's traffic flowing (liveflow, or OVN), set up on a lab of N chassis the same
 * way: VM "vm" on c1 (the source), c2 the destination. Three kinds of traffic reach the VM: switched, from a
 * sender VM "sK" on its network on every other chassis cK; routed, from a sender VM "rK" on another network
 * (10.8.0.0/16) on the same chassis, through the tenant's distributed router; and to the VM's floating IP from a
 * host behind the external network's gateway.
 */
interface MigratingOverlay extends AutoCloseable {
    String VM = "vm";
    String VM_MAC = "fa:16:3e:0c:00:01";
    String VM_IP = "10.9.0.1";
    int VM_OFPORT = 1;
    int SENDER_OFPORT = 2;
    int ROUTED_SENDER_OFPORT = 3;
    String FLOATING_IP = "172.24.4.10";
    String FLOATING_IP_MAC = "02:00:ac:18:04:0a";
    String GATEWAY_IP = "172.24.4.1";
    String GATEWAY_MAC = "02:fe:00:00:00:01";
    String INTERNET_HOST = "198.51.100.1";
    /** Sender ids: switched senders are K, routed ones this plus K, the floating IP's sender this times two. */
    int ROUTED = 1000;

    /** The kinds of traffic, in the order the benchmark reports them. */
    List<String> KINDS = List.of("switched", "routed", "floating IP");
    /** The kinds of traffic of the trunk case: to the parent, and to each sub-port (sender ids as above). */
    List<String> TRUNK_KINDS = List.of("trunk parent", "sub-port 101", "sub-port 102");

    /**
     * Returns the kinds of traffic this overlay's senders send, in report order.
     */
    default List<String> kinds() {
        return KINDS;
    }

    /**
     * Returns the kind of traffic a sender sends, by its id.
     */
    default String kindOf(final int sender) {
        return kinds().get(Math.min(2, sender / ROUTED));
    }

    static String routedSenderMac(final int chassis) {
        return String.format("fa:16:3e:0d:%02x:%02x", chassis >> 8, chassis & 0xff);
    }

    static String routedSenderIp(final int chassis) {
        return String.format("10.8.%d.%d", 1 + (chassis >> 8), chassis & 0xff);
    }

    String name();

    /**
     * Starts the lab and the system, configures the networks, the router and the floating IP, plugs the VM on c1,
     * a stream-fed switched and routed sender on every other chassis but c2, and waits until every sender's chassis
     * can reach the VM. Returns every sender, its link open.
     */
    List<ProbeStream.Sender> setUp(int chassis) throws Exception;

    OvsChassis chassis(String name);

    /**
     * Returns the lab the system runs on.
     */
    OvsLab lab();

    /**
     * Waits until the system says every switch holds what it programmed: the migration is measured from a settled
     * lab, not from the tail of its set-up.
     */
    void awaitSettled() throws Exception;

    /**
     * Plugs the VM's interface on c2 (the hypervisor prepares the destination) and waits until the system says the
     * migration is prepared.
     */
    void plugDestination() throws Exception;

    /**
     * The VM resumed on c2 and announces itself (RARP).
     */
    default void announce() throws Exception {
        chassis("c2").inject(VM, Frames.rarp(VM_MAC));
    }

    /**
     * The cloud moves the port's binding to c2 (Nova's post-live-migration step).
     */
    void moveBinding() throws Exception;

    @Override
    void close();

    /**
     * Connects the senders of the lab (switched and routed on c3..cN, the floating IP's from the gateway host),
     * given the router's MAC on the senders' network and the sockets; the caller closes the returned ports.
     */
    static List<ProbeStream.Sender> senders(final int count, final String routerMacOnSenderNetwork,
            final List<StreamPort> opened, final SocketOf sockets) throws IOException {
        final List<ProbeStream.Sender> out = new ArrayList<>();
        for (int k = 3; k <= count; k++) {
            final StreamPort switched = StreamPort.connect(sockets.of("s", k));
            final StreamPort routed = StreamPort.connect(sockets.of("r", k));
            opened.add(switched);
            opened.add(routed);
            out.add(new ProbeStream.Sender(k, switched::send, ProbeStream.senderMac(k), VM_MAC,
                ProbeStream.senderIp(k), VM_IP));
            out.add(new ProbeStream.Sender(ROUTED + k, routed::send, routedSenderMac(k), routerMacOnSenderNetwork,
                routedSenderIp(k), VM_IP));
        }
        final StreamPort gateway = StreamPort.connect(sockets.of("gw", 0));
        opened.add(gateway);
        // a gateway resolves an address before it sends to it: the reply (from the chassis where the floating IP
        // lives) teaches the external switch where its MAC is; without it the switch floods the stream to every
        // chassis, and a migrating VM, translated on both hosts while prepared, gets it twice
        gateway.send(arpRequest(GATEWAY_MAC, GATEWAY_IP, FLOATING_IP));
        out.add(new ProbeStream.Sender(2 * ROUTED, gateway::send, GATEWAY_MAC, FLOATING_IP_MAC, INTERNET_HOST,
            FLOATING_IP));
        return out;
    }

    /**
     * Returns an ARP request, as it goes on the wire (broadcast), from the given MAC and address for the target.
     */
    static byte[] arpRequest(final String mac, final String address, final String target) {
        final byte[] hardware = HexFormat.ofDelimiter(":").parseHex(mac);
        return ByteBuffer.allocate(42).put(HexFormat.of().parseHex("ffffffffffff")).put(hardware)
            .putShort((short) 0x0806).putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4)
            .putShort((short) 1).put(hardware).put(ProbeStream.address(address)).put(new byte[6])
            .put(ProbeStream.address(target)).array();
    }

    /** Where the socket of a sender is: "s" or "r" and the chassis index, or "gw". */
    interface SocketOf {
        Path of(String kind, int chassis) throws IOException;
    }
}
