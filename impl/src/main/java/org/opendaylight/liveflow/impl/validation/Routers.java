/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddress;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.router.Interface;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;

/**
 * What the validator compares between routers and the compiler programs: a router's MAC and its networks.
 */
public final class Routers {
    private Routers() {
        // functions of a router
    }

    /**
     * Returns the router's configured MAC, or the one derived from its id: locally administered unicast
     * ({@code 02:...}), the same on every chassis and after every restart.
     */
    public static String macOf(final Router router) {
        if (router.getMacAddress() != null) {
            return router.getMacAddress().getValue().toLowerCase(Locale.ROOT);
        }
        long hash = 0xcbf29ce484222325L;
        for (byte b : idOf(router.getId()).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return String.format("02:%02x:%02x:%02x:%02x:%02x", hash >>> 32 & 0xff, hash >>> 24 & 0xff,
            hash >>> 16 & 0xff, hash >>> 8 & 0xff, hash & 0xff);
    }

    /**
     * Returns the address a router owns on an interface's subnet: the interface's own, or else the subnet's
     * gateway; null when neither is set (or the subnet is missing and the interface names none).
     */
    public static @Nullable IpAddress addressOn(final Interface iface, final @Nullable Subnet subnet) {
        return iface.getIpAddress() != null || subnet == null ? iface.getIpAddress() : subnet.getGatewayIp();
    }

    /**
     * Returns the ids of the networks of the router's interfaces whose subnet exists.
     */
    public static Set<String> networksOf(final ConfigSnapshot config, final Router router) {
        final Set<String> out = new HashSet<>();
        for (Interface iface : router.nonnullInterface().values()) {
            final Subnet subnet = config.subnets().get(idOf(iface.getSubnet()));
            if (subnet != null) {
                out.add(idOf(subnet.getNetwork()));
            }
        }
        return out;
    }
}
