/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.testing;

import static org.opendaylight.liveflow.impl.testing.TestOverlay.id;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.port;

import java.util.List;
import java.util.Random;
import org.opendaylight.liveflow.api.ConfigKind;

/**
 * Makes random changes to a {@link TestOverlay} from a small pool of ids and values, so that clashes (a VNI, a MAC,
 * an IP taken twice, a reference to something removed) come up often. Seeded: a failure can be replayed.
 */
public final class RandomChanges {
    private static final List<String> CHASSIS = List.of("c1", "c2", "c3");
    private static final List<String> TENANTS = List.of("t1", "t2");
    private static final List<String> NETWORKS = List.of("net1", "net2", "net3");
    private static final List<String> SUBNETS = List.of("s1", "s2", "s3");
    private static final List<String> CIDRS = List.of("10.0.0.0/24", "10.0.1.0/24", "10.0.0.0/16");
    private static final List<String> PORTS = List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8");
    private static final List<String> ROUTERS = List.of("r1", "r2");
    private static final List<String> ROUTER_MACS = List.of("fa:16:3e:aa:00:01", "fa:16:3e:aa:00:02");
    private static final List<String> ROUTER_ADDRESSES = List.of("10.0.0.1", "10.0.0.254", "10.0.1.1", "10.0.1.254");
    private static final List<String> TRUNKS = List.of("tr1", "tr2");
    private static final List<String> FLOATING_IPS = List.of("fip1", "fip2", "fip3");

    private final Random random;

    public RandomChanges(final long seed) {
        random = new Random(seed);
    }

    /**
     * Returns a valid overlay to start from: the base overlay, an external network for floating IPs and a router
     * to reach it.
     */
    public static TestOverlay start() {
        return TestOverlay.base()
            .withExternalNetwork("ext", 4000, "203.0.113.0/24", "203.0.113.1", "fa:16:3e:ff:00:01")
            .withRouter("r1", List.of("s1", "ext-s"));
    }

    /**
     * Applies one random change (a put or a removal of one entry) and describes it.
     */
    public String apply(final TestOverlay overlay) {
        final int choice = random.nextInt(100);
        if (choice < 8) {
            final String name = pick(CHASSIS);
            overlay.withChassis(name, "192.0.2." + (1 + random.nextInt(4)));
            return "put chassis " + name;
        } else if (choice < 12) {
            final String tenant = pick(TENANTS);
            overlay.withTenant(tenant);
            return "put tenant " + tenant;
        } else if (choice < 20) {
            final String network = pick(NETWORKS);
            overlay.withNetwork(network, pick(TENANTS), 1001 + random.nextInt(4));
            return "put network " + network;
        } else if (choice < 30) {
            final String subnet = pick(SUBNETS);
            final String cidr = pick(CIDRS);
            overlay.withSubnet(subnet, pick(NETWORKS), cidr, cidr.startsWith("10.0.1") ? "10.0.1.1" : "10.0.0.1");
            return "put subnet " + subnet + " " + cidr;
        } else if (choice < 60) {
            final String port = pick(PORTS);
            final String subnet = pick(SUBNETS);
            final var builder = port(port, pick(NETWORKS), "fa:16:3e:00:00:0" + (1 + random.nextInt(6)), subnet,
                "10.0." + random.nextInt(2) + "." + (10 + random.nextInt(4)));
            if (random.nextBoolean()) {
                builder.setBindingChassis(id(pick(CHASSIS)));
            }
            overlay.withPort(builder.setTenant(id(pick(TENANTS))));
            return "put port " + port;
        } else if (choice < 64) {
            final String router = pick(ROUTERS);
            final String first = pick(SUBNETS);
            final String second = pick(SUBNETS);
            final String[] routes = random.nextBoolean() ? new String[0]
                : new String[] {"10.9.0.0/16 via 10.0.0." + (10 + random.nextInt(4))};
            overlay.withRouter(router, first.equals(second) ? List.of(first) : List.of(first, second), routes);
            return "put router " + router;
        } else if (choice < 68) {
            return changeRouter(overlay, pick(ROUTERS));
        } else if (choice < 72) {
            final String trunk = pick(TRUNKS);
            overlay.withTrunk(trunk, pick(PORTS), pick(PORTS) + ":" + (100 + random.nextInt(2)));
            return "put trunk " + trunk;
        } else if (choice < 78) {
            final String fip = pick(FLOATING_IPS);
            overlay.withFloatingIp(fip, "203.0.113." + (10 + random.nextInt(3)), pick(PORTS),
                random.nextBoolean() ? null : "10.0.0." + (10 + random.nextInt(4)));
            return "put floating IP " + fip;
        } else {
            final ConfigKind kind = List.of(ConfigKind.CHASSIS, ConfigKind.TENANT, ConfigKind.NETWORK,
                ConfigKind.SUBNET, ConfigKind.PORT, ConfigKind.PORT, ConfigKind.ROUTER, ConfigKind.TRUNK,
                ConfigKind.FLOATING_IP).get(random.nextInt(9));
            final String id = switch (kind) {
                case CHASSIS -> pick(CHASSIS);
                case TENANT -> pick(TENANTS);
                case NETWORK -> pick(NETWORKS);
                case SUBNET -> pick(SUBNETS);
                case ROUTER -> pick(ROUTERS);
                case TRUNK -> pick(TRUNKS);
                case FLOATING_IP -> pick(FLOATING_IPS);
                default -> pick(PORTS);
            };
            overlay.without(kind, id);
            return "remove " + kind + " " + id;
        }
    }

    /** Changes one thing of an existing router: its MAC, an interface's address or its admin state. */
    private String changeRouter(final TestOverlay overlay, final String router) {
        if (!overlay.hasRouter(router)) {
            return "nothing (no router " + router + ")";
        }
        switch (random.nextInt(3)) {
            case 0:
                final String mac = pick(ROUTER_MACS);
                overlay.withRouterMac(router, mac);
                return "router " + router + " mac " + mac;
            case 1:
                final String subnet = pick(SUBNETS);
                final String address = pick(ROUTER_ADDRESSES);
                overlay.withRouterAddress(router, subnet, address);
                return "router " + router + " address " + address + " on " + subnet;
            default:
                final boolean up = random.nextBoolean();
                overlay.withRouterAdminState(router, up);
                return "router " + router + (up ? " up" : " down");
        }
    }

    private String pick(final List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
