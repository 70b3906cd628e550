/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.impl.compiler.Action;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.Match;

/**
 * Encodes a compiled flow as the OpenFlow 1.3 FLOW_MOD the OpenFlowPlugin would send for it, byte for byte: the
 * flow {@link OpenflowTranslator} gives, handed to the plugin's add-flow RPC (an ADD) or to its remove-flow RPC as
 * a strict removal (a DELETE_STRICT). Same field order, same masks, same defaults. The activation fast path writes
 * these through the switch gate, on the switch's own connection, instead of waiting for the plugin to convert and
 * serialize each flow on its threads ({@code FlowModEncoderTest} compares every flow of a compiled overlay with
 * the plugin's own serializer). The xid is left 0: the gate gives each message its own.
 */
final class FlowModEncoder {
    private static final int OPENFLOW_13 = 0x04;
    private static final int FLOW_MOD = 14;
    private static final int ADD = 0;
    private static final int DELETE = 3;
    private static final int DELETE_STRICT = 4;
    private static final int ALL_TABLES = 0xFF;
    /** The priority the plugin writes when a flow has none (a deletion of every flow). */
    private static final int DEFAULT_PRIORITY = 0x8000;
    private static final int NO_BUFFER = 0xFFFF_FFFF;
    private static final int ANY = 0xFFFF_FFFF;
    private static final int PORT_IN_PORT = 0xFFFF_FFF8;
    private static final int PORT_CONTROLLER = 0xFFFF_FFFD;
    private static final int MAX_LENGTH_NO_BUFFER = 0xFFFF;
    private static final int OXM_MATCH = 1;
    private static final int OXM_BASIC = 0x8000;
    private static final int IN_PORT = 0;
    private static final int METADATA = 2;
    private static final int ETH_DST = 3;
    private static final int ETH_SRC = 4;
    private static final int ETH_TYPE = 5;
    private static final int VLAN_VID = 6;
    private static final int IPV4_SRC = 11;
    private static final int IPV4_DST = 12;
    private static final int ARP_OP = 21;
    private static final int ARP_SPA = 22;
    private static final int ARP_TPA = 23;
    private static final int ARP_SHA = 24;
    private static final int ARP_THA = 25;
    private static final int TUNNEL_ID = 38;
    private static final int GOTO_TABLE = 1;
    private static final int WRITE_METADATA = 2;
    private static final int APPLY_ACTIONS = 4;
    private static final int OUTPUT = 0;
    private static final int PUSH_VLAN = 17;
    private static final int POP_VLAN = 18;
    private static final int GROUP = 22;
    private static final int DEC_NW_TTL = 24;
    private static final int SET_FIELD = 25;
    private static final int ETH_TYPE_VLAN = 0x8100;

    private FlowModEncoder() {
        // pure functions
    }

    /** The FLOW_MOD that adds (or replaces) the flow. */
    static byte[] add(final FlowSpec spec) {
        return encode(spec, ADD);
    }

    /** The FLOW_MOD that deletes exactly this flow (its table, priority and match). */
    static byte[] deleteStrict(final FlowSpec spec) {
        return encode(spec, DELETE_STRICT);
    }

    /**
     * The FLOW_MOD that deletes exactly the flow of {@code like}'s table and match at {@code priority} whose cookie is
     * {@code cookie} (masked exactly). With a priority and a cookie that no compiled flow has, it removes nothing:
     * the fast path's warm-up of the gate's way ({@link ActivationFastPath}).
     */
    static byte[] deleteStrictOf(final FlowSpec like, final int priority, final long cookie) {
        final ByteBuf out = Unpooled.buffer(256);
        try {
            header(out, cookie, -1L, like.table().id(), DELETE_STRICT, priority);
            writeMatch(like.match(), out);
            return bytes(out);
        } finally {
            out.release();
        }
    }

    /**
     * The FLOW_MOD that deletes every flow of every table (a bundle that replaces all a switch holds starts so), as
     * the plugin writes a non-strict removal of table 255 with an empty match.
     */
    static byte[] deleteAll() {
        final ByteBuf out = Unpooled.buffer(56);
        try {
            header(out, 0, 0, ALL_TABLES, DELETE, DEFAULT_PRIORITY);
            writeMatch(Match.any(), out);
            return bytes(out);
        } finally {
            out.release();
        }
    }

    /**
     * The FLOW_MOD that adds a flow matching everything at priority 0 with no instructions and this cookie: a
     * bundle's receipt ({@link BundleReceipt}).
     */
    static byte[] addMatchAll(final int table, final long cookie) {
        final ByteBuf out = Unpooled.buffer(56);
        try {
            header(out, cookie, 0, table, ADD, 0);
            writeMatch(Match.any(), out);
            return bytes(out);
        } finally {
            out.release();
        }
    }

    private static byte[] encode(final FlowSpec spec, final int command) {
        final ByteBuf out = Unpooled.buffer(256);
        try {
            header(out, spec.owner().cookie(), 0, spec.table().id(), command, spec.priority());
            writeMatch(spec.match(), out);
            writeInstructions(spec, out);
            return bytes(out);
        } finally {
            out.release();
        }
    }

    private static void header(final ByteBuf out, final long cookie, final long cookieMask, final int table,
            final int command, final int priority) {
        out.writeByte(OPENFLOW_13).writeByte(FLOW_MOD).writeShort(0).writeInt(0);
        out.writeLong(cookie);
        // compiled flows go with no cookie mask: a strict removal matches by table, priority and match only, as the
        // plugin's does
        out.writeLong(cookieMask);
        out.writeByte(table).writeByte(command);
        // idle and hard timeouts
        out.writeShort(0).writeShort(0);
        out.writeShort(priority);
        out.writeInt(NO_BUFFER).writeInt(ANY).writeInt(ANY);
        // flags, then padding
        out.writeShort(0).writeShort(0);
    }

    /** The message written so far, with its length set in its header. */
    static byte[] bytes(final ByteBuf out) {
        out.setShort(2, out.writerIndex());
        final byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    // in the order of the plugin's match serializers
    private static void writeMatch(final Match match, final ByteBuf out) {
        final int start = out.writerIndex();
        out.writeShort(OXM_MATCH).writeShort(0);
        if (match.inPort() != null) {
            oxmHeader(out, IN_PORT, 4, false);
            out.writeInt(match.inPort().intValue());
        }
        if (match.metadata() != null) {
            final boolean masked = match.metadataMask() != null;
            oxmHeader(out, METADATA, 8, masked);
            out.writeLong(match.metadata());
            if (masked) {
                out.writeLong(match.metadataMask());
            }
        }
        if (match.ethDst() != null) {
            final boolean masked = match.ethDstMask() != null;
            oxmHeader(out, ETH_DST, 6, masked);
            writeMac(match.ethDst(), out);
            if (masked) {
                writeMac(match.ethDstMask(), out);
            }
        }
        if (match.ethSrc() != null) {
            oxmHeader(out, ETH_SRC, 6, false);
            writeMac(match.ethSrc(), out);
        }
        if (match.ethType() != null) {
            oxmHeader(out, ETH_TYPE, 2, false);
            out.writeShort(match.ethType());
        }
        if (match.vlanVid() != null) {
            // as the translator states it: "a tag" (no id) is vlan_vid=0x1000/0x1000, else the tag's id, present
            final int vid = match.vlanVid() & ~Match.VLAN_PRESENT;
            oxmHeader(out, VLAN_VID, 2, vid == 0);
            out.writeShort(vid | Match.VLAN_PRESENT);
            if (vid == 0) {
                out.writeShort(Match.VLAN_PRESENT);
            }
        }
        if (match.ipv4Src() != null || match.ipv4Dst() != null) {
            writePrefix(IPV4_SRC, match.ipv4Src(), out);
            writePrefix(IPV4_DST, match.ipv4Dst(), out);
        } else {
            if (match.arpOp() != null) {
                oxmHeader(out, ARP_OP, 2, false);
                out.writeShort(match.arpOp());
            }
            writePrefix(ARP_SPA, match.arpSpa(), out);
            writePrefix(ARP_TPA, match.arpTpa(), out);
            if (match.arpSha() != null) {
                oxmHeader(out, ARP_SHA, 6, false);
                writeMac(match.arpSha(), out);
            }
        }
        if (match.tunnelId() != null) {
            oxmHeader(out, TUNNEL_ID, 8, false);
            out.writeLong(match.tunnelId());
        }
        final int length = out.writerIndex() - start;
        out.setShort(start + 2, length);
        padTo8(length, out);
    }

    private static void writeInstructions(final FlowSpec spec, final ByteBuf out) {
        if (!spec.actions().isEmpty()) {
            final int start = out.writerIndex();
            out.writeShort(APPLY_ACTIONS).writeShort(0).writeInt(0);
            writeActions(spec.actions(), out);
            out.setShort(start + 2, out.writerIndex() - start);
        }
        if (spec.writeMetadata() != null) {
            out.writeShort(WRITE_METADATA).writeShort(24).writeInt(0);
            out.writeLong(spec.writeMetadata()).writeLong(spec.writeMetadataMask());
        }
        if (spec.gotoTable() != null) {
            out.writeShort(GOTO_TABLE).writeShort(8).writeByte(spec.gotoTable().id()).writeMedium(0);
        }
    }

    /** Writes actions as the plugin does (a flow's apply-actions, a group's bucket). */
    static void writeActions(final List<Action> actions, final ByteBuf out) {
        for (Action action : actions) {
            if (action instanceof Action.Output output) {
                writeOutput((int) output.port(), out);
            } else if (action instanceof Action.OutputInPort) {
                writeOutput(PORT_IN_PORT, out);
            } else if (action instanceof Action.ToController) {
                writeOutput(PORT_CONTROLLER, out);
            } else if (action instanceof Action.Group group) {
                out.writeShort(GROUP).writeShort(8).writeInt((int) group.groupId());
            } else if (action instanceof Action.PushVlan) {
                out.writeShort(PUSH_VLAN).writeShort(8).writeShort(ETH_TYPE_VLAN).writeShort(0);
            } else if (action instanceof Action.PopVlan) {
                out.writeShort(POP_VLAN).writeShort(8).writeInt(0);
            } else if (action instanceof Action.DecNwTtl) {
                out.writeShort(DEC_NW_TTL).writeShort(8).writeInt(0);
            } else if (action instanceof Action.SetTunnelId tunnel) {
                final int start = setFieldStart(out);
                oxmHeader(out, TUNNEL_ID, 8, false);
                out.writeLong(tunnel.vni());
                setFieldEnd(start, out);
            } else if (action instanceof Action.SetVlanVid vlan) {
                final int start = setFieldStart(out);
                oxmHeader(out, VLAN_VID, 2, false);
                out.writeShort(vlan.vid() | Match.VLAN_PRESENT);
                setFieldEnd(start, out);
            } else if (action instanceof Action.SetField field) {
                final int start = setFieldStart(out);
                writeSetField(field, out);
                setFieldEnd(start, out);
            } else {
                throw new IllegalArgumentException("Unsupported action " + action);
            }
        }
    }

    private static void writeSetField(final Action.SetField field, final ByteBuf out) {
        final String value = field.value();
        switch (field.field()) {
            case ETH_SRC -> {
                oxmHeader(out, ETH_SRC, 6, false);
                writeMac(value, out);
            }
            case ETH_DST -> {
                oxmHeader(out, ETH_DST, 6, false);
                writeMac(value, out);
            }
            case IPV4_SRC -> writePrefix(IPV4_SRC, value, out);
            case IPV4_DST -> writePrefix(IPV4_DST, value, out);
            case ARP_OP -> {
                oxmHeader(out, ARP_OP, 2, false);
                out.writeShort(Integer.parseInt(value));
            }
            case ARP_SHA -> {
                oxmHeader(out, ARP_SHA, 6, false);
                writeMac(value, out);
            }
            case ARP_SPA -> writePrefix(ARP_SPA, value, out);
            case ARP_THA -> {
                oxmHeader(out, ARP_THA, 6, false);
                writeMac(value, out);
            }
            case ARP_TPA -> writePrefix(ARP_TPA, value, out);
            default -> throw new IllegalArgumentException("Unsupported field " + field.field());
        }
    }

    private static void writeOutput(final int port, final ByteBuf out) {
        out.writeShort(OUTPUT).writeShort(16).writeInt(port).writeShort(MAX_LENGTH_NO_BUFFER).writeZero(6);
    }

    private static int setFieldStart(final ByteBuf out) {
        final int start = out.writerIndex();
        out.writeShort(SET_FIELD).writeShort(0);
        return start;
    }

    // the action's length counts its padding to 8 bytes
    private static void setFieldEnd(final int start, final ByteBuf out) {
        padTo8(out.writerIndex() - start, out);
        out.setShort(start + 2, out.writerIndex() - start);
    }

    private static void padTo8(final int length, final ByteBuf out) {
        final int remainder = length % 8;
        if (remainder != 0) {
            out.writeZero(8 - remainder);
        }
    }

    private static void oxmHeader(final ByteBuf out, final int field, final int valueLength, final boolean masked) {
        out.writeShort(OXM_BASIC).writeByte(field << 1 | (masked ? 1 : 0)).writeByte(masked ? valueLength * 2
            : valueLength);
    }

    // an address alone, or a prefix: a /32 (or no length) is written without a mask, as the plugin writes it
    private static void writePrefix(final int field, final @Nullable String prefix, final ByteBuf out) {
        if (prefix == null) {
            return;
        }
        final int slash = prefix.indexOf('/');
        final int length = slash < 0 ? 32 : Integer.parseInt(prefix.substring(slash + 1));
        final int address = ipv4(slash < 0 ? prefix : prefix.substring(0, slash));
        final boolean masked = length < 32;
        oxmHeader(out, field, 4, masked);
        out.writeInt(address);
        if (masked) {
            out.writeInt(length == 0 ? 0 : -1 << (32 - length));
        }
    }

    private static int ipv4(final String address) {
        final String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("Not an IPv4 address: " + address);
        }
        int value = 0;
        for (String octet : octets) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    private static void writeMac(final String mac, final ByteBuf out) {
        final String[] bytes = mac.split(":", -1);
        if (bytes.length != 6) {
            throw new IllegalArgumentException("Not a MAC address: " + mac);
        }
        for (String part : bytes) {
            out.writeByte(Integer.parseInt(part, 16));
        }
    }
}
