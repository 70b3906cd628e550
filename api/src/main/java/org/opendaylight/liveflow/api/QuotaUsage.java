/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.api;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.quotas.Quota;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * How many objects of each quota-limited kind one tenant owns in a snapshot.
 */
public final class QuotaUsage {
    private static final QuotaUsage NONE = new QuotaUsage(new EnumMap<>(Resource.class));

    /**
     * The kinds of object a quota limits, named as in the YANG quota list.
     */
    public enum Resource {
        NETWORKS("networks", Quota::getNetworks),
        SUBNETS("subnets", Quota::getSubnets),
        PORTS("ports", Quota::getPorts),
        ROUTERS("routers", Quota::getRouters),
        FLOATING_IPS("floating-ips", Quota::getFloatingIps);

        private final String label;
        private final Function<Quota, Uint32> limit;

        Resource(final String label, final Function<Quota, Uint32> limit) {
            this.label = label;
            this.limit = limit;
        }

        public String label() {
            return label;
        }

        /**
         * Returns this resource's limit in a quota, or null when the quota leaves it unlimited.
         */
        public @Nullable Long limitIn(final Quota quota) {
            final Uint32 value = limit.apply(quota);
            return value == null ? null : value.toJava();
        }
    }

    private final EnumMap<Resource, Long> counts;

    private QuotaUsage(final EnumMap<Resource, Long> counts) {
        this.counts = counts;
    }

    /**
     * Counts, in one pass over the snapshot, what every tenant owns.
     */
    public static Map<String, QuotaUsage> byTenant(final ConfigSnapshot snapshot) {
        final Map<String, EnumMap<Resource, Long>> counts = new HashMap<>();
        countInto(counts, Resource.NETWORKS, snapshot.networks().values(), n -> n.getTenant());
        countInto(counts, Resource.SUBNETS, snapshot.subnets().values(), s -> s.getTenant());
        countInto(counts, Resource.PORTS, snapshot.ports().values(), p -> p.getTenant());
        countInto(counts, Resource.ROUTERS, snapshot.routers().values(), r -> r.getTenant());
        countInto(counts, Resource.FLOATING_IPS, snapshot.floatingIps().values(), f -> f.getTenant());
        final Map<String, QuotaUsage> out = new HashMap<>();
        counts.forEach((tenant, map) -> out.put(tenant, new QuotaUsage(map)));
        return out;
    }

    /**
     * Returns what one tenant owns in the snapshot.
     */
    public static QuotaUsage of(final ConfigSnapshot snapshot, final String tenant) {
        return byTenant(snapshot).getOrDefault(tenant, NONE);
    }

    /**
     * Returns the usage of a tenant from a {@link #byTenant} map, zero for a tenant that owns nothing.
     */
    public static QuotaUsage in(final Map<String, QuotaUsage> byTenant, final String tenant) {
        return byTenant.getOrDefault(tenant, NONE);
    }

    public long count(final Resource resource) {
        return counts.getOrDefault(resource, 0L);
    }

    private static <T> void countInto(final Map<String, EnumMap<Resource, Long>> counts, final Resource resource,
            final Collection<T> objects, final Function<T, ResourceId> tenantOf) {
        for (T object : objects) {
            counts.computeIfAbsent(idOf(tenantOf.apply(object)), t -> new EnumMap<>(Resource.class))
                .merge(resource, 1L, Long::sum);
        }
    }
}
