/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.id;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.limit;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.port;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.validation.Violation.Kind;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.VnicType;

/**
 * One test per validation rule: each writes one bad change on top of a valid configuration and checks the exact
 * message and kind (400 or 409) the user gets.
 */
class OverlayValidatorTest {
    private final OverlayValidator validator = new OverlayValidator();
    private final TestOverlay base = TestOverlay.base();

    private List<Violation> validate(final TestOverlay after) {
        return validator.validate(base.snapshot(), after.snapshot());
    }

    private void assertRefused(final TestOverlay after, final Kind kind, final String message) {
        assertEquals(List.of(new Violation(kind, message)), validate(after));
    }

    @Test
    void validConfigurationIsAccepted() {
        assertEquals(List.of(), validator.validate(ConfigSnapshot.empty(), base.snapshot()));
    }

    @Test
    void networkOfUnknownTenantIsRefused() {
        assertRefused(base.copy().withNetwork("net2", "t9", 1002), Kind.INVALID,
            "network net2: tenant 't9' does not exist");
    }

    @Test
    void portOnUnknownNetworkIsRefused() {
        assertRefused(base.copy().withPort(port("p3", "net9", "fa:16:3e:00:00:03")), Kind.INVALID,
            "port p3: network 'net9' does not exist");
    }

    @Test
    void fixedIpOnUnknownSubnetIsRefused() {
        assertRefused(base.copy().withPort(port("p3", "net1", "fa:16:3e:00:00:03", "s9", "10.0.0.13")),
            Kind.INVALID, "port p3: subnet 's9' does not exist");
    }

    @Test
    void portBoundToUnknownChassisIsRefused() {
        assertRefused(base.copy().withPort(port("p3", "net1", "fa:16:3e:00:00:03").setBindingChassis(id("c9"))),
            Kind.INVALID, "port p3: binding chassis 'c9' does not exist");
    }

    @Test
    void deletingNetworkStillUsedIsRefusedAsConflict() {
        final List<Violation> violations = validate(base.copy().withoutNetwork("net1"));
        assertEquals(new Violation(Kind.CONFLICT, "network net1 is still used by subnet s1: remove that reference "
            + "first"), violations.get(0));
        assertEquals(3, violations.size(), violations::toString);
    }

    @Test
    void duplicateMacInNetworkIsRefused() {
        assertRefused(base.copy().withPort(port("p3", "net1", "FA:16:3E:00:00:01")), Kind.CONFLICT,
            "port p3: MAC fa:16:3e:00:00:01 is already used by port p1 in network net1");
    }

    @Test
    void portMacThatIsMulticastBroadcastOrAllZerosIsRefused() {
        assertRefused(base.copy().withPort(port("p3", "net1", "01:00:5e:00:00:03")), Kind.INVALID,
            "port p3: mac-address 01:00:5e:00:00:03 is a multicast or broadcast address; it must be a unicast MAC "
            + "(the first octet even)");
        assertRefused(base.copy().withPort(port("p3", "net1", "ff:ff:ff:ff:ff:ff")), Kind.INVALID,
            "port p3: mac-address ff:ff:ff:ff:ff:ff is a multicast or broadcast address; it must be a unicast MAC "
            + "(the first octet even)");
        assertRefused(base.copy().withPort(port("p3", "net1", "00:00:00:00:00:00")), Kind.INVALID,
            "port p3: mac-address 00:00:00:00:00:00 is not a host's address; it must be a unicast MAC other than "
            + "all zeros");
        // a locally administered unicast MAC (second bit set) is a host's, as OpenStack's fa:16:3e prefix shows
        assertEquals(List.of(), validate(base.copy().withPort(port("p3", "net1", "02:00:00:00:00:03"))));
    }

    @Test
    void sameMacInAnotherNetworkIsAccepted() {
        assertEquals(List.of(), validate(base.copy().withNetwork("net2", "t1", 1002)
            .withPort(port("p3", "net2", "fa:16:3e:00:00:01"))));
    }

    @Test
    void duplicateIpInNetworkIsRefused() {
        assertRefused(base.copy().withPort(port("p3", "net1", "fa:16:3e:00:00:03", "s1", "10.0.0.11")),
            Kind.CONFLICT, "port p3: IP 10.0.0.11 is already used by port p1 in network net1");
    }

    @Test
    void fixedIpOutsideItsSubnetIsRefused() {
        assertRefused(base.copy().withPort(port("p3", "net1", "fa:16:3e:00:00:03", "s1", "10.0.1.5")),
            Kind.INVALID, "port p3: fixed IP 10.0.1.5 is outside subnet s1 (10.0.0.0/24)");
    }

    @Test
    void fixedIpOnSubnetOfAnotherNetworkIsRefused() {
        assertRefused(base.copy().withNetwork("net2", "t1", 1002)
            .withSubnet("s2", "net2", "10.1.0.0/24", null)
            .withPort(port("p3", "net1", "fa:16:3e:00:00:03", "s2", "10.1.0.5")),
            Kind.INVALID, "port p3: subnet s2 belongs to network net2, not to the port's network net1");
    }

    @Test
    void fixedIpEqualToGatewayIsRefused() {
        assertRefused(base.copy().withPort(port("p3", "net1", "fa:16:3e:00:00:03", "s1", "10.0.0.1")),
            Kind.CONFLICT, "port p3: fixed IP 10.0.0.1 is the gateway of subnet s1");
    }

    @Test
    void cidrWithHostBitsIsRefused() {
        assertRefused(base.copy().withSubnet("s2", "net1", "10.0.1.7/24", null), Kind.INVALID,
            "subnet s2: '10.0.1.7/24' is not a CIDR: host bits are set (did you mean 10.0.1.0/24?)");
    }

    @Test
    void cidrWithPrefixTooLongIsRefused() {
        assertRefused(base.copy().withSubnet("s2", "net1", "10.0.1.0/33", null), Kind.INVALID,
            "subnet s2: '10.0.1.0/33' is not a CIDR: the prefix length must be 0-32");
    }

    @Test
    void cidrThatIsNotAnAddressIsRefused() {
        assertRefused(base.copy().withSubnet("s2", "net1", "ten.0.0.0/8", null), Kind.INVALID,
            "subnet s2: 'ten.0.0.0/8' is not a CIDR: 'ten.0.0.0' is not an IPv4 or IPv6 address");
    }

    @Test
    void gatewayOutsideCidrIsRefused() {
        assertRefused(base.copy().withSubnet("s2", "net1", "10.0.1.0/24", "10.0.2.1"), Kind.INVALID,
            "subnet s2: gateway 10.0.2.1 is outside its CIDR 10.0.1.0/24");
    }

    @Test
    void overlappingSubnetsOfOneNetworkAreRefused() {
        assertRefused(base.copy().withSubnet("s2", "net1", "10.0.0.128/25", null), Kind.CONFLICT,
            "subnet s2: CIDR 10.0.0.128/25 overlaps subnet s1 (10.0.0.0/24) in network net1");
    }

    @Test
    void staticRouteWithInvalidDestinationIsRefused() {
        assertRefused(base.copy().withRouter("r1", List.of("s1"), "192.168.5.1/24 via 10.0.0.254"), Kind.INVALID,
            "router r1: static route destination is not a valid network: '192.168.5.1/24' is not a CIDR: host "
                + "bits are set (did you mean 192.168.5.0/24?)");
    }

    @Test
    void staticRouteWithNextHopOffTheRouterSubnetsIsRefused() {
        assertRefused(base.copy().withRouter("r1", List.of("s1"), "192.168.5.0/24 via 172.16.0.1"), Kind.INVALID,
            "router r1: static route to 192.168.5.0/24: next hop 172.16.0.1 is not on any subnet the router is "
                + "attached to (s1 10.0.0.0/24)");
    }

    @Test
    void staticRouteViaTheRouterItselfIsRefused() {
        assertRefused(base.copy().withRouter("r1", List.of("s1"), "192.168.5.0/24 via 10.0.0.1"), Kind.INVALID,
            "router r1: static route to 192.168.5.0/24: next hop 10.0.0.1 is the router's own address on subnet s1");
    }

    @Test
    void routerAddressThatIsAPortsFixedIpIsRefused() {
        assertRefused(base.copy().withRouter("r1", List.of("s1")).withRouterAddress("r1", "s1", "10.0.0.12"),
            Kind.CONFLICT, "router r1: interface address 10.0.0.12 on subnet s1 is also fixed-ip of port p2");
    }

    @Test
    void aSecondRouterOwningTheSameAddressOnASubnetIsRefused() {
        final TestOverlay withR1 = base.copy().withRouter("r1", List.of("s1"));
        // both take the subnet's gateway, 10.0.0.1
        assertEquals(List.of(new Violation(Kind.CONFLICT,
            "router r2: interface address 10.0.0.1 on subnet s1 is also router r1's")),
            validator.validate(withR1.snapshot(), withR1.copy().withRouter("r2", List.of("s1")).snapshot()));
        assertEquals(List.of(), validator.validate(withR1.snapshot(), withR1.copy().withRouter("r2", List.of("s1"))
            .withRouterAddress("r2", "s1", "10.0.0.254").snapshot()));
    }

    @Test
    void twoRoutersWithOneMacOnASharedNetworkAreRefused() {
        final TestOverlay withR1 = base.copy().withRouter("r1", List.of("s1")).withRouterMac("r1", "02:aa:00:00:00:01");
        final TestOverlay sameMac = withR1.copy().withRouter("r2", List.of("s1"))
            .withRouterAddress("r2", "s1", "10.0.0.254").withRouterMac("r2", "02:AA:00:00:00:01");
        assertEquals(List.of(new Violation(Kind.CONFLICT,
            "router r2: mac-address 02:aa:00:00:00:01 is also router r1's, on a network both are attached to")),
            validator.validate(withR1.snapshot(), sameMac.snapshot()));
        // on networks of their own, one MAC is two routers: what enters each is told apart by its network
        final TestOverlay apart = withR1.copy().withNetwork("net9", "t1", 9009)
            .withSubnet("s9", "net9", "10.9.0.0/24", "10.9.0.1").withRouter("r2", List.of("s9"))
            .withRouterMac("r2", "02:aa:00:00:00:01");
        assertEquals(List.of(), validator.validate(withR1.snapshot(), apart.snapshot()));
    }

    @Test
    void aRouterOnTwoOverlappingSubnetsIsRefused() {
        // the same prefix in another network: fine for two routers, not for one (its routes ignore the network)
        final TestOverlay twoNetworks = base.copy().withNetwork("net9", "t1", 9009)
            .withSubnet("s9", "net9", "10.0.0.0/16", "10.0.9.1").withRouter("r1", List.of("s1"));
        assertEquals(List.of(new Violation(Kind.CONFLICT,
            "router r1: interface on subnet s9 (10.0.0.0/16) overlaps its interface on subnet s1 (10.0.0.0/24)")),
            validator.validate(twoNetworks.snapshot(), twoNetworks.copy().withRouter("r1", List.of("s1", "s9"))
                .snapshot()));
        assertEquals(List.of(), validator.validate(twoNetworks.snapshot(), twoNetworks.copy()
            .withRouter("r2", List.of("s9")).snapshot()));
        // a subnet widened under the router is refused the same way
        final TestOverlay apart = twoNetworks.copy().withSubnet("s9", "net9", "10.9.0.0/16", "10.9.0.1")
            .withRouter("r1", List.of("s1", "s9"));
        assertEquals(List.of(), validate(apart));
        assertEquals(List.of(new Violation(Kind.CONFLICT,
            "router r1: interface on subnet s9 (10.0.0.0/8) overlaps its interface on subnet s1 (10.0.0.0/24)")),
            validator.validate(apart.snapshot(), apart.copy().withSubnet("s9", "net9", "10.0.0.0/8", "10.9.0.1")
                .snapshot()));
    }

    @Test
    void staticRouteWithNextHopOnARouterSubnetIsAccepted() {
        assertEquals(List.of(), validate(base.copy().withRouter("r1", List.of("s1"),
            "192.168.5.0/24 via 10.0.0.254")));
    }

    /**
     * The base configuration plus networks net2 and net3, with unbound ports sp2 and sp3 on them: sub-ports to be.
     */
    private TestOverlay withSubPortCandidates() {
        return base.copy().withNetwork("net2", "t1", 1002).withNetwork("net3", "t1", 1003)
            .withSubnet("s2", "net2", "10.0.2.0/24", "10.0.2.1").withSubnet("s3", "net3", "10.0.3.0/24", "10.0.3.1")
            .withPort(port("sp2", "net2", "fa:16:3e:00:00:01", "s2", "10.0.2.11"))
            .withPort(port("sp3", "net3", "fa:16:3e:00:00:01", "s3", "10.0.3.11"));
    }

    private void assertTrunkRefused(final TestOverlay after, final Kind kind, final String message) {
        final TestOverlay before = withSubPortCandidates();
        assertEquals(List.of(new Violation(kind, message)), validator.validate(before.snapshot(), after.snapshot()));
    }

    @Test
    void trunkWhoseSubPortsShareTheParentsMacOnTheirOwnNetworksIsAccepted() {
        final TestOverlay before = withSubPortCandidates();
        assertEquals(List.of(), validator.validate(before.snapshot(),
            before.copy().withTrunk("tr1", "p1", "sp2:100", "sp3:200").snapshot()));
    }

    @Test
    void vlanIdOutside1To4094IsRefusedByTheModel() {
        // the YANG range refuses it before validation: RESTCONF answers 400 naming the leaf (BadWritesIT)
        assertThrows(IllegalArgumentException.class, () -> withSubPortCandidates().withTrunk("tr1", "p1", "sp2:0"));
        assertThrows(IllegalArgumentException.class,
            () -> withSubPortCandidates().withTrunk("tr1", "p1", "sp2:4095"));
    }

    @Test
    void trunkSubPortThatIsItselfATrunkParentIsRefused() {
        final TestOverlay withTrunk = withSubPortCandidates().withTrunk("tr2", "sp2", "sp3:200");
        assertEquals(List.of(new Violation(Kind.INVALID,
                "trunk tr1: sub-port sp2 is itself the parent of trunk tr2")),
            validator.validate(withTrunk.snapshot(), withTrunk.copy().withTrunk("tr1", "p1", "sp2:100").snapshot()));
    }

    @Test
    void sameVlanTwiceInATrunkIsRefused() {
        assertTrunkRefused(withSubPortCandidates().withTrunk("tr1", "p1", "sp2:100", "sp3:100"), Kind.CONFLICT,
            "trunk tr1: sub-port sp3 has VLAN id 100, already used by sub-port sp2");
    }

    @Test
    void subPortOnItsParentsNetworkIsRefused() {
        assertTrunkRefused(withSubPortCandidates().withPort(port("sp9", "net1", "fa:16:3e:00:00:09"))
            .withTrunk("tr1", "p1", "sp9:100"), Kind.INVALID,
            "trunk tr1: sub-port sp9 is on network net1 like its parent p1; each port of a trunk needs a network of "
                + "its own");
    }

    @Test
    void subPortBoundToAnotherChassisThanItsParentIsRefused() {
        assertTrunkRefused(withSubPortCandidates().withPort(port("sp2", "net2", "fa:16:3e:00:00:01", "s2",
            "10.0.2.11").setBindingChassis(id("c2"))).withTrunk("tr1", "p1", "sp2:100"), Kind.CONFLICT,
            "trunk tr1: sub-port sp2 has binding-chassis c2 but its parent p1 is on c1; a sub-port always takes "
                + "its parent's chassis (leave its binding-chassis out)");
    }

    @Test
    void subPortBoundToItsParentsChassisIsAcceptedAndDoesNotHoldTheParentBack() {
        final TestOverlay trunk = withSubPortCandidates().withPort(port("sp2", "net2", "fa:16:3e:00:00:01", "s2",
            "10.0.2.11").setBindingChassis(id("c1"))).withTrunk("tr1", "p1", "sp2:100");
        assertEquals(List.of(), validator.validate(withSubPortCandidates().snapshot(), trunk.snapshot()));
        // the parent's migration moves its binding: the sub-port's old leaf is not written, so not judged
        final TestOverlay moved = trunk.copy().withPort(port("p1", "net1", "fa:16:3e:00:00:01", "s1", "10.0.0.11")
            .setBindingChassis(id("c2")));
        assertEquals(List.of(), validator.validate(trunk.snapshot(), moved.snapshot()));
    }

    @Test
    void trunkOnAnSriovParentIsRefused() {
        assertTrunkRefused(withSubPortCandidates().withPort(port("p1", "net1", "fa:16:3e:00:00:01", "s1",
            "10.0.0.11").setBindingChassis(id("c1")).setVnicType(VnicType.Direct)).withTrunk("tr1", "p1", "sp2:100"),
            Kind.INVALID, "trunk tr1: parent-port p1 has vnic-type direct (SR-IOV): a trunk's VLANs need an Open "
                + "vSwitch interface");
    }

    @Test
    void portQuotaExceededIsRefused() {
        final TestOverlay limited = base.copy().withQuota(q -> q.setTenant(id("t1")).setPorts(limit(2)));
        assertEquals(List.of(new Violation(Kind.CONFLICT, "tenant t1: ports quota exceeded (3 ports, limit 2)")),
            validator.validate(limited.snapshot(),
                limited.copy().withPort(port("p3", "net1", "fa:16:3e:00:00:03")).snapshot()));
    }

    @Test
    void loweringAQuotaBelowCurrentUsageIsAccepted() {
        assertEquals(List.of(), validate(base.copy().withQuota(q -> q.setTenant(id("t1")).setPorts(limit(1)))));
    }

    @Test
    void duplicateSegmentationIdIsRefused() {
        assertRefused(base.copy().withNetwork("net2", "t1", 1001), Kind.CONFLICT,
            "network net2: segmentation id 1001 is already used by network net1");
    }

    @Test
    void duplicateTunnelIpIsRefused() {
        assertRefused(base.copy().withChassis("c3", "192.0.2.1"), Kind.CONFLICT,
            "chassis c3: tunnel IP 192.0.2.1 is already used by chassis c1");
    }

    @Test
    void staleRevisionIsRefused() {
        final TestOverlay stored = base.copy().withRevision("p1", 5);
        assertEquals(List.of(new Violation(Kind.CONFLICT,
                "port p1: revision 3 is older than the stored revision 5 (stale update)")),
            validator.validate(stored.snapshot(), stored.copy().withRevision("p1", 3).snapshot()));
    }

    private TestOverlay routedWithExternal() {
        return base.copy().withRouter("r1", List.of("s1"))
            .withExternalNetwork("ext", 4000, "203.0.113.0/24", "203.0.113.1", "02:fe:00:00:00:01");
    }

    @Test
    void floatingIpForAnAddressThePortDoesNotHaveIsRefused() {
        assertRefused(routedWithExternal().withFloatingIp("fip1", "203.0.113.10", "p1", "10.0.0.99"), Kind.INVALID,
            "floating IP fip1: 10.0.0.99 is not a fixed IP of port p1");
    }

    @Test
    void floatingIpOnARoutedPortOfAnExternalSubnetIsAccepted() {
        assertEquals(List.of(), validate(routedWithExternal().withFloatingIp("fip1", "203.0.113.10", "p1", null)));
    }

    @Test
    void floatingIpOutsideEveryExternalSubnetIsRefused() {
        assertRefused(routedWithExternal().withFloatingIp("fip1", "198.51.100.10", "p1", null), Kind.INVALID,
            "floating IP fip1: floating-ip-address 198.51.100.10 is not inside any subnet of an external network");
    }

    @Test
    void floatingIpOnAPortWithNoFixedIpIsRefused() {
        assertRefused(routedWithExternal().withPort(port("p3", "net1", "fa:16:3e:00:00:03"))
            .withFloatingIp("fip1", "203.0.113.10", "p3", null), Kind.INVALID,
            "floating IP fip1: port p3 has no fixed IP to map to");
    }

    @Test
    void twoFloatingIpsOnOneFixedIpAreRefused() {
        assertRefused(routedWithExternal().withFloatingIp("fip1", "203.0.113.10", "p1", null)
            .withFloatingIp("fip2", "203.0.113.11", "p1", "10.0.0.11"), Kind.CONFLICT,
            "floating IP fip2: fixed IP 10.0.0.11 of port p1 already has floating IP fip1");
    }

    @Test
    void floatingIpOnASubnetWithoutRouterIsRefused() {
        assertRefused(base.copy().withExternalNetwork("ext", 4000, "203.0.113.0/24", "203.0.113.1",
            "02:fe:00:00:00:01").withFloatingIp("fip1", "203.0.113.10", "p1", null), Kind.INVALID,
            "floating IP fip1: fixed IP 10.0.0.11 of port p1 is on a subnet no router is attached to, so the "
                + "floating IP could not reach it");
    }

    @Test
    void externalSubnetWithoutGatewayOrGatewayMacIsRefused() {
        assertRefused(base.copy().withExternalNetwork("ext", 4000, "203.0.113.0/24", null, "02:fe:00:00:00:01"),
            Kind.INVALID, "subnet ext-s: gateway-ip is required on a subnet of external network ext");
        assertRefused(base.copy().withExternalNetwork("ext", 4000, "203.0.113.0/24", "203.0.113.1", null),
            Kind.INVALID, "subnet ext-s: gateway-mac is required on a subnet of external network ext");
    }

    @Test
    void everyViolationOfOneChangeIsReported() {
        final List<Violation> violations = validate(base.copy()
            .withNetwork("net2", "t9", 1001)
            .withSubnet("s2", "net1", "10.0.1.7/24", null));
        assertEquals(3, violations.size(), violations::toString);
    }

    @Test
    void deadAfterNotLongerThanTheProbeIntervalIsRefused() {
        assertRefused(base.copy().withLiveness(1000, 1000), Kind.INVALID,
            "liveness-settings: dead-after (1000 ms) must be longer than probe-interval (1000 ms)");
        assertRefused(base.copy().withLiveness(0, 1000), Kind.INVALID,
            "liveness-settings: probe-interval 0 ms is outside 100-60000 ms");
        assertRefused(base.copy().withLiveness(1000, 600_001), Kind.INVALID,
            "liveness-settings: dead-after 600001 ms is more than 600000 ms");
        assertEquals(List.of(), validate(base.copy().withLiveness(500, 1500)));
    }
}
