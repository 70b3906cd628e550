/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.api;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
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
     * Returns the usage of a tenant that owns nothing.
     */
    public static QuotaUsage none() {
        return NONE;
    }

    /**
     * Returns what every tenant owns in the snapshot (kept up to date by each edit, not counted here).
     */
    public static Map<String, QuotaUsage> byTenant(final ConfigSnapshot snapshot) {
        return snapshot.usageByTenant();
    }

    /**
     * Returns what one tenant owns in the snapshot.
     */
    public static QuotaUsage of(final ConfigSnapshot snapshot, final String tenant) {
        return in(snapshot.usageByTenant(), tenant);
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

    /**
     * Returns this usage with {@code delta} more (or fewer) of one resource.
     */
    QuotaUsage plus(final Resource resource, final long delta) {
        if (delta == 0) {
            return this;
        }
        final EnumMap<Resource, Long> next = new EnumMap<>(Resource.class);
        next.putAll(counts);
        next.merge(resource, delta, Long::sum);
        return new QuotaUsage(next);
    }

    boolean isZero() {
        return counts.values().stream().allMatch(count -> count == 0);
    }

    @Override
    public boolean equals(final Object obj) {
        return this == obj || obj instanceof QuotaUsage other && Arrays.stream(Resource.values())
            .allMatch(resource -> count(resource) == other.count(resource));
    }

    @Override
    public int hashCode() {
        return Arrays.stream(Resource.values()).mapToLong(this::count).mapToObj(Long::valueOf).toList().hashCode();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
