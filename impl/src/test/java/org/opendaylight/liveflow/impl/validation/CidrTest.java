/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void ipv4PrefixContainsItsAddressesOnly() {
        final Cidr cidr = Cidr.parse("10.0.0.0/24");
        assertTrue(cidr.contains(Cidr.parseIp("10.0.0.255")));
        assertFalse(cidr.contains(Cidr.parseIp("10.0.1.0")));
        assertFalse(cidr.contains(Cidr.parseIp("fd00::a00:1")), "an IPv6 address is never in an IPv4 prefix");
    }

    @Test
    void ipv6PrefixIsNormalised() {
        assertEquals("fd00::/64", Cidr.parse("fd00:0:0:0::/64").toString());
        assertTrue(Cidr.parse("fd00::/64").contains(Cidr.parseIp("fd00::1234")));
    }

    @Test
    void overlapIsDecidedByTheShorterPrefix() {
        assertTrue(Cidr.parse("10.0.0.0/16").overlaps(Cidr.parse("10.0.5.0/24")));
        assertFalse(Cidr.parse("10.0.0.0/24").overlaps(Cidr.parse("10.0.1.0/24")));
        assertTrue(Cidr.parse("0.0.0.0/0").overlaps(Cidr.parse("192.168.0.0/16")));
    }

    @Test
    void missingPrefixLengthIsExplained() {
        assertEquals("'10.0.0.0' is not a CIDR: the /prefix-length is missing",
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0")).getMessage());
    }

    @Test
    void hostNameIsNeverLookedUp() {
        assertEquals("'localhost' is not an IPv4 or IPv6 address",
            assertThrows(IllegalArgumentException.class, () -> Cidr.parseIp("localhost")).getMessage());
    }
}
