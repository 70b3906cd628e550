/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import java.util.StringJoiner;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The fields a liveflow flow matches on (standard OpenFlow 1.3 only); null means wildcard. Immutable: each
 * {@code with*} returns a new match.
 */
public record Match(
        @Nullable Long inPort,
        @Nullable Long metadata,
        @Nullable Long metadataMask,
        @Nullable Long tunnelId,
        @Nullable String ethSrc,
        @Nullable String ethDst,
        @Nullable String ethDstMask,
        @Nullable Integer ethType,
        @Nullable String ipv4Src,
        @Nullable String ipv4Dst,
        @Nullable Integer arpOp,
        @Nullable String arpSpa,
        @Nullable String arpTpa,
        @Nullable String arpSha,
        @Nullable Integer vlanVid,
        @Nullable Integer vlanVidMask) {

    public static final int ETH_TYPE_IPV4 = 0x0800;
    public static final int ETH_TYPE_ARP = 0x0806;
    public static final int ETH_TYPE_IPV6 = 0x86dd;
    public static final int ARP_REQUEST = 1;
    public static final int ARP_REPLY = 2;
    /** OpenFlow 1.3's flag in vlan_vid for "a VLAN tag is present". */
    public static final int VLAN_PRESENT = 0x1000;

    private static final Match ANY = new Match(null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null);

    public static Match any() {
        return ANY;
    }

    public Match withInPort(final long port) {
        return new Match(port, metadata, metadataMask, tunnelId, ethSrc, ethDst, ethDstMask, ethType, ipv4Src, ipv4Dst,
            arpOp, arpSpa, arpTpa, arpSha, vlanVid, vlanVidMask);
    }

    public Match withMetadata(final long value, final long mask) {
        return new Match(inPort, value, mask, tunnelId, ethSrc, ethDst, ethDstMask, ethType, ipv4Src, ipv4Dst, arpOp,
            arpSpa, arpTpa, arpSha, vlanVid, vlanVidMask);
    }

    public Match withTunnelId(final long vni) {
        return new Match(inPort, metadata, metadataMask, vni, ethSrc, ethDst, ethDstMask, ethType, ipv4Src, ipv4Dst,
            arpOp, arpSpa, arpTpa, arpSha, vlanVid, vlanVidMask);
    }

    public Match withEthSrc(final String mac) {
        return new Match(inPort, metadata, metadataMask, tunnelId, mac, ethDst, ethDstMask, ethType, ipv4Src, ipv4Dst,
            arpOp, arpSpa, arpTpa, arpSha, vlanVid, vlanVidMask);
    }

    public Match withEthDst(final String mac, final @Nullable String mask) {
        return new Match(inPort, metadata, metadataMask, tunnelId, ethSrc, mac, mask, ethType, ipv4Src, ipv4Dst, arpOp,
            arpSpa, arpTpa, arpSha, vlanVid, vlanVidMask);
    }

    public Match withIpv4Src(final String address) {
        return new Match(inPort, metadata, metadataMask, tunnelId, ethSrc, ethDst, ethDstMask, ETH_TYPE_IPV4, address,
            ipv4Dst, arpOp, arpSpa, arpTpa, arpSha, vlanVid, vlanVidMask);
    }

    /**
     * Matches IPv4 packets to an address or prefix ({@code 10.0.0.5} or {@code 10.0.0.0/24}).
     */
    public Match withIpv4Dst(final String prefix) {
        return new Match(inPort, metadata, metadataMask, tunnelId, ethSrc, ethDst, ethDstMask, ETH_TYPE_IPV4, ipv4Src,
            prefix, arpOp, arpSpa, arpTpa, arpSha, vlanVid, vlanVidMask);
    }

    public Match withEthType(final int type) {
        return new Match(inPort, metadata, metadataMask, tunnelId, ethSrc, ethDst, ethDstMask, type, ipv4Src, ipv4Dst,
            arpOp, arpSpa, arpTpa, arpSha, vlanVid, vlanVidMask);
    }

    public Match withArp(final @Nullable Integer op, final @Nullable String spa, final @Nullable String tpa,
            final @Nullable String sha) {
        return new Match(inPort, metadata, metadataMask, tunnelId, ethSrc, ethDst, ethDstMask, ETH_TYPE_ARP, ipv4Src,
            ipv4Dst, op, spa, tpa, sha, vlanVid, vlanVidMask);
    }

    /**
     * Matches frames tagged with this VLAN id (1-4094).
     */
    public Match withVlan(final int vid) {
        return new Match(inPort, metadata, metadataMask, tunnelId, ethSrc, ethDst, ethDstMask, ethType, ipv4Src,
            ipv4Dst, arpOp, arpSpa, arpTpa, arpSha, VLAN_PRESENT | vid, null);
    }

    /**
     * Matches frames that carry any VLAN tag.
     */
    public Match withAnyVlan() {
        return new Match(inPort, metadata, metadataMask, tunnelId, ethSrc, ethDst, ethDstMask, ethType, ipv4Src,
            ipv4Dst, arpOp, arpSpa, arpTpa, arpSha, VLAN_PRESENT, VLAN_PRESENT);
    }

    /**
     * Returns the match in ovs-ofctl syntax, which is also its canonical identity.
     */
    @Override
    public String toString() {
        final StringJoiner out = new StringJoiner(",");
        if (inPort != null) {
            out.add("in_port=" + inPort);
        }
        if (metadata != null) {
            out.add("metadata=0x" + Long.toHexString(metadata) + "/0x" + Long.toHexString(metadataMask));
        }
        if (tunnelId != null) {
            out.add("tun_id=" + tunnelId);
        }
        if (vlanVid != null) {
            out.add(vlanVidMask == null ? "dl_vlan=" + (vlanVid & ~VLAN_PRESENT)
                : "vlan_tci=0x" + Integer.toHexString(vlanVid) + "/0x" + Integer.toHexString(vlanVidMask));
        }
        if (ethType != null) {
            out.add("dl_type=0x" + Integer.toHexString(ethType));
        }
        if (ethSrc != null) {
            out.add("dl_src=" + ethSrc);
        }
        if (ethDst != null) {
            out.add("dl_dst=" + ethDst + (ethDstMask == null ? "" : "/" + ethDstMask));
        }
        if (ipv4Src != null) {
            out.add("nw_src=" + ipv4Src);
        }
        if (ipv4Dst != null) {
            out.add("nw_dst=" + ipv4Dst);
        }
        if (arpOp != null) {
            out.add("arp_op=" + arpOp);
        }
        if (arpSpa != null) {
            out.add("arp_spa=" + arpSpa);
        }
        if (arpTpa != null) {
            out.add("arp_tpa=" + arpTpa);
        }
        if (arpSha != null) {
            out.add("arp_sha=" + arpSha);
        }
        return out.toString();
    }
}
