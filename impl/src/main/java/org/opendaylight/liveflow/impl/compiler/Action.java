/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

/**
 * An OpenFlow 1.3 action of a liveflow flow or group bucket; {@code toString} is the ovs-ofctl syntax.
 */
public sealed interface Action {
    /** Output to a switch port. */
    record Output(long port) implements Action {
        @Override
        public String toString() {
            return "output:" + port;
        }
    }

    /** Output back through the port the packet came in on. */
    record OutputInPort() implements Action {
        @Override
        public String toString() {
            return "IN_PORT";
        }
    }

    /** Send the packet to the controller (a packet-in carrying the flow's cookie). */
    record ToController() implements Action {
        @Override
        public String toString() {
            return "CONTROLLER:65535";
        }
    }

    /** Hand the packet to an OpenFlow group. */
    record Group(long groupId) implements Action {
        @Override
        public String toString() {
            return "group:" + groupId;
        }
    }

    /** Set the tunnel key (the network's VNI) before output to a tunnel port. */
    record SetTunnelId(long vni) implements Action {
        @Override
        public String toString() {
            return "set_field:" + vni + "->tun_id";
        }
    }

    /** Decrement the IPv4 TTL; Open vSwitch drops a packet whose TTL would reach zero. */
    record DecNwTtl() implements Action {
        @Override
        public String toString() {
            return "dec_ttl";
        }
    }

    /** Push an 802.1Q tag (its VLAN id set by the {@link SetVlanVid} that follows). */
    record PushVlan() implements Action {
        @Override
        public String toString() {
            return "push_vlan:0x8100";
        }
    }

    /** Remove the outer 802.1Q tag. */
    record PopVlan() implements Action {
        @Override
        public String toString() {
            return "pop_vlan";
        }
    }

    /** Set the VLAN id of the outer tag. */
    record SetVlanVid(int vid) implements Action {
        @Override
        public String toString() {
            return "set_field:" + (Match.VLAN_PRESENT | vid) + "->vlan_vid";
        }
    }

    /** Set one header field; {@code field} uses the ovs-ofctl name. */
    record SetField(Field field, String value) implements Action {
        @Override
        public String toString() {
            return "set_field:" + value + "->" + field.ofctlName();
        }
    }

    /**
     * Header fields the ARP responder, the router and the floating IPs rewrite.
     */
    enum Field {
        ETH_SRC("eth_src"),
        ETH_DST("eth_dst"),
        IPV4_SRC("ip_src"),
        IPV4_DST("ip_dst"),
        ARP_OP("arp_op"),
        ARP_SHA("arp_sha"),
        ARP_SPA("arp_spa"),
        ARP_THA("arp_tha"),
        ARP_TPA("arp_tpa");

        private final String ofctlName;

        Field(final String ofctlName) {
            this.ofctlName = ofctlName;
        }

        public String ofctlName() {
            return ofctlName;
        }
    }
}
