/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network prefix with its host bits zero, parsed without any name lookup.
 */
public final class Cidr {
    private final byte[] network;
    private final int prefixLength;

    private Cidr(final byte[] network, final int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses a prefix such as {@code 10.0.0.0/24} or {@code fd00::/64}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static Cidr parse(final String text) {
        final int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR: the /prefix-length is missing");
        }
        final String addressPart = text.substring(0, slash);
        if (!InetAddresses.isInetAddress(addressPart)) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR: '" + addressPart
                + "' is not an IPv4 or IPv6 address");
        }
        final byte[] address = InetAddresses.forString(addressPart).getAddress();
        final int maxLength = address.length * 8;
        final int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR: the prefix length is not a number", e);
        }
        if (length < 0 || length > maxLength) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR: the prefix length must be 0-"
                + maxLength);
        }
        final byte[] masked = mask(address, length);
        if (!Arrays.equals(masked, address)) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR: host bits are set (did you mean "
                + InetAddresses.toAddrString(toInet(masked)) + "/" + length + "?)");
        }
        return new Cidr(masked, length);
    }

    /**
     * Parses an IP address literal (never a host name).
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static InetAddress parseIp(final String text) {
        if (!InetAddresses.isInetAddress(text)) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address");
        }
        return InetAddresses.forString(text);
    }

    public int prefixLength() {
        return prefixLength;
    }

    public boolean isIpv4() {
        return network.length == 4;
    }

    /**
     * Tells whether an address lies inside this prefix (an address of the other family never does).
     */
    public boolean contains(final InetAddress address) {
        final byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    /**
     * Tells whether the two prefixes share at least one address.
     */
    public boolean overlaps(final Cidr other) {
        if (other.network.length != network.length) {
            return false;
        }
        final int shorter = Math.min(prefixLength, other.prefixLength);
        return Arrays.equals(mask(network, shorter), mask(other.network, shorter));
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof Cidr other && prefixLength == other.prefixLength
            && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return InetAddresses.toAddrString(toInet(network)) + "/" + prefixLength;
    }

    private static byte[] mask(final byte[] address, final int length) {
        final byte[] out = address.clone();
        for (int bit = length; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }

    private static InetAddress toInet(final byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("impossible address length " + bytes.length, e);
        }
    }
}
