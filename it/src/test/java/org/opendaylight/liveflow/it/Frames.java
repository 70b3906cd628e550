/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

/**
 * Frames to inject into a VM port, written as Open vSwitch datapath flows (what netdev-dummy/receive takes).
 */
final class Frames {
    private static final String BROADCAST = "ff:ff:ff:ff:ff:ff";

    private Frames() {
        // factory class
    }

    static String ipv4(final String srcMac, final String dstMac, final String srcIp, final String dstIp) {
        return ipv4(srcMac, dstMac, srcIp, dstIp, 64);
    }

    /**
     * An ICMP echo request with the given TTL.
     */
    static String ipv4(final String srcMac, final String dstMac, final String srcIp, final String dstIp,
            final int ttl) {
        return "eth(src=" + srcMac + ",dst=" + dstMac + "),eth_type(0x0800),ipv4(src=" + srcIp + ",dst=" + dstIp
            + ",proto=1,tos=0,ttl=" + ttl + ",frag=no),icmp(type=8,code=0)";
    }

    static String arpRequest(final String srcMac, final String srcIp, final String targetIp) {
        return "eth(src=" + srcMac + ",dst=" + BROADCAST + "),eth_type(0x0806),arp(sip=" + srcIp + ",tip=" + targetIp
            + ",op=1,sha=" + srcMac + ",tha=00:00:00:00:00:00)";
    }

    /**
     * The RARP QEMU broadcasts for a VM's MAC when the VM resumes after a live migration.
     */
    static String rarp(final String mac) {
        return "eth(src=" + mac + ",dst=" + BROADCAST + "),eth_type(0x8035),arp(sip=0.0.0.0,tip=0.0.0.0,op=3,sha="
            + mac + ",tha=" + mac + ")";
    }

    /**
     * A gratuitous ARP: a request for the sender's own address.
     */
    static String garp(final String mac, final String ip) {
        return arpRequest(mac, ip, ip);
    }

    /**
     * The same frame sent on a VLAN: an 802.1Q tag with this id between the Ethernet addresses and the rest.
     */
    static String tagged(final int vlan, final String frame) {
        final int ethEnd = frame.indexOf("),") + 2;
        return frame.substring(0, ethEnd) + "eth_type(0x8100),vlan(vid=" + vlan + ",pcp=0),encap("
            + frame.substring(ethEnd) + ")";
    }
}
