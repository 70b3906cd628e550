/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.QuotaUsage.Resource;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.LivenessSettings;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.MigrationSettings;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;
import org.opendaylight.yangtools.yang.binding.DataObject;
import tech.pantheon.triemap.ImmutableTrieMap;
import tech.pantheon.triemap.MutableTrieMap;

/**
 * Derives a new {@link ConfigSnapshot} from an older one by entries put and removed, at a cost that follows the
 * entries, not the overlay: the new snapshot shares with the old one every port, port group and tenant's usage the
 * edit leaves alone. Also tells what the edit changed ({@link #change()}), for validation that checks only that.
 * Not thread-safe; build once.
 */
public final class ConfigEdit {
    private static final AtomicLong VERSIONS = new AtomicLong();

    private final ConfigSnapshot base;
    /** The last value written per kind and id; empty for a removal. */
    private final Map<ConfigKind, Map<String, Optional<DataObject>>> pending = new EnumMap<>(ConfigKind.class);
    private @Nullable MigrationSettings migrationSettings;
    private @Nullable LivenessSettings livenessSettings;

    ConfigEdit(final ConfigSnapshot base) {
        this.base = requireNonNull(base);
        migrationSettings = base.migrationSettings;
        livenessSettings = base.livenessSettings;
    }

    /**
     * Adds an entry of an overlay list, or replaces the entry with its key.
     *
     * @throws IllegalArgumentException when the object is no entry of an overlay list
     */
    public ConfigEdit put(final DataObject entry) {
        final ConfigKind kind = ConfigKind.of(entry);
        pending.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(kind.idOf(entry), Optional.of(entry));
        return this;
    }

    /**
     * Removes an entry of an overlay list, given as it was stored.
     *
     * @throws IllegalArgumentException when the object is no entry of an overlay list
     */
    public ConfigEdit remove(final DataObject entry) {
        final ConfigKind kind = ConfigKind.of(entry);
        return remove(kind, kind.idOf(entry));
    }

    public ConfigEdit remove(final ConfigKind kind, final String id) {
        pending.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(id, Optional.empty());
        return this;
    }

    public ConfigEdit migrationSettings(final @Nullable MigrationSettings settings) {
        migrationSettings = settings;
        return this;
    }

    public ConfigEdit livenessSettings(final @Nullable LivenessSettings settings) {
        livenessSettings = settings;
        return this;
    }

    /**
     * Returns what this edit changes in its base snapshot: entries written with the value they already had do not
     * count.
     */
    public ConfigChange change() {
        final Map<ConfigKind, Set<String>> ids = new EnumMap<>(ConfigKind.class);
        pending.forEach((kind, writes) -> {
            final Map<String, ? extends DataObject> before = kind.in(base);
            final ImmutableSet.Builder<String> changed = ImmutableSet.builder();
            writes.forEach((id, value) -> {
                if (!Objects.equals(before.get(id), value.orElse(null))) {
                    changed.add(id);
                }
            });
            final Set<String> set = changed.build();
            if (!set.isEmpty()) {
                ids.put(kind, set);
            }
        });
        return new ConfigChange(ids, !Objects.equals(base.migrationSettings, migrationSettings)
            || !Objects.equals(base.livenessSettings, livenessSettings));
    }

    public ConfigSnapshot build() {
        return new ConfigSnapshot(new Result());
    }

    /**
     * The parts of the new snapshot, each derived from the base's and the pending writes.
     */
    final class Result {
        private final Map<String, EnumMap<Resource, Long>> usageDelta = new HashMap<>();

        ConfigSnapshot base() {
            return base;
        }

        @SuppressWarnings("unchecked")
        <T extends DataObject> ImmutableSortedMap<String, T> sorted(final ConfigKind kind) {
            final ImmutableSortedMap<String, T> before = (ImmutableSortedMap<String, T>) kind.in(base);
            final Map<String, Optional<DataObject>> writes = pending.get(kind);
            if (writes == null) {
                return before;
            }
            final TreeMap<String, T> after = new TreeMap<>(before);
            writes.forEach((id, value) -> {
                if (value.isPresent()) {
                    after.put(id, (T) value.orElseThrow());
                } else {
                    after.remove(id);
                }
            });
            return ImmutableSortedMap.copyOfSorted(after);
        }

        ImmutableTrieMap<String, Port> ports() {
            final Map<String, Optional<DataObject>> writes = pending.get(ConfigKind.PORT);
            if (writes == null) {
                return base.ports;
            }
            final MutableTrieMap<String, Port> after = base.ports.mutableSnapshot();
            writes.forEach((id, value) -> {
                if (value.isPresent()) {
                    after.put(id, (Port) value.orElseThrow());
                } else {
                    after.remove(id);
                }
            });
            return after.immutableSnapshot();
        }

        ImmutableTrieMap<String, ImmutableSortedMap<String, Port>> portsByNetwork() {
            return regroup(base.portsByNetwork, port -> ConfigSnapshot.idOf(port.getNetwork()));
        }

        ImmutableTrieMap<String, ImmutableSortedMap<String, Port>> portsByInterface() {
            return regroup(base.portsByInterface, ConfigSnapshot::interfaceNameOf);
        }

        long version() {
            return VERSIONS.incrementAndGet();
        }

        ImmutableTrieMap<String, ImmutableSortedMap<String, Port>> portsByChassis() {
            return regroup(base.portsByChassis, port -> port.getBindingChassis() == null ? null
                : port.getBindingChassis().getValue());
        }

        boolean subnetsChanged() {
            return pending.containsKey(ConfigKind.SUBNET);
        }

        boolean trunksChanged() {
            return pending.containsKey(ConfigKind.TRUNK);
        }

        /**
         * Returns the usage after the writes: each written entry's tenant loses what it had and gains what it has.
         */
        ImmutableTrieMap<String, QuotaUsage> usage() {
            pending.forEach((kind, writes) -> {
                final Map<String, ? extends DataObject> before = kind.in(base);
                writes.forEach((id, value) -> {
                    count(kind, before.get(id), -1);
                    count(kind, value.orElse(null), 1);
                });
            });
            if (usageDelta.isEmpty()) {
                return base.usage;
            }
            final MutableTrieMap<String, QuotaUsage> after = base.usage.mutableSnapshot();
            usageDelta.forEach((tenant, delta) -> {
                QuotaUsage usage = after.getOrDefault(tenant, QuotaUsage.none());
                for (var entry : delta.entrySet()) {
                    usage = usage.plus(entry.getKey(), entry.getValue());
                }
                if (usage.isZero()) {
                    after.remove(tenant);
                } else {
                    after.put(tenant, usage);
                }
            });
            return after.immutableSnapshot();
        }

        @Nullable MigrationSettings migrationSettings() {
            return migrationSettings;
        }

        @Nullable LivenessSettings livenessSettings() {
            return livenessSettings;
        }

        /**
         * Moves the written ports between their groups; each group a write touches is copied once.
         */
        private ImmutableTrieMap<String, ImmutableSortedMap<String, Port>> regroup(
                final ImmutableTrieMap<String, ImmutableSortedMap<String, Port>> groups,
                final Function<Port, @Nullable String> groupOf) {
            final Map<String, Optional<DataObject>> writes = pending.get(ConfigKind.PORT);
            if (writes == null) {
                return groups;
            }
            final Map<String, Map<String, Optional<Port>>> moves = new HashMap<>();
            writes.forEach((id, value) -> {
                final Port old = base.ports.get(id);
                final String oldGroup = old == null ? null : groupOf.apply(old);
                if (oldGroup != null) {
                    moves.computeIfAbsent(oldGroup, g -> new HashMap<>()).put(id, Optional.empty());
                }
                final Port now = (Port) value.orElse(null);
                final String newGroup = now == null ? null : groupOf.apply(now);
                if (newGroup != null) {
                    moves.computeIfAbsent(newGroup, g -> new HashMap<>()).put(id, Optional.of(now));
                }
            });
            final MutableTrieMap<String, ImmutableSortedMap<String, Port>> after = groups.mutableSnapshot();
            moves.forEach((group, members) -> {
                final TreeMap<String, Port> ports = new TreeMap<>(after.getOrDefault(group, ImmutableSortedMap.of()));
                members.forEach((id, port) -> {
                    if (port.isPresent()) {
                        ports.put(id, port.orElseThrow());
                    } else {
                        ports.remove(id);
                    }
                });
                if (ports.isEmpty()) {
                    after.remove(group);
                } else {
                    after.put(group, ImmutableSortedMap.copyOfSorted(ports));
                }
            });
            return after.immutableSnapshot();
        }

        private void count(final ConfigKind kind, final @Nullable DataObject object, final long sign) {
            if (object == null) {
                return;
            }
            final Resource resource;
            final ResourceId tenant;
            switch (kind) {
                case NETWORK -> {
                    resource = Resource.NETWORKS;
                    tenant = ((Network) object).getTenant();
                }
                case SUBNET -> {
                    resource = Resource.SUBNETS;
                    tenant = ((Subnet) object).getTenant();
                }
                case PORT -> {
                    resource = Resource.PORTS;
                    tenant = ((Port) object).getTenant();
                }
                case ROUTER -> {
                    resource = Resource.ROUTERS;
                    tenant = ((Router) object).getTenant();
                }
                case FLOATING_IP -> {
                    resource = Resource.FLOATING_IPS;
                    tenant = ((FloatingIp) object).getTenant();
                }
                default -> {
                    return;
                }
            }
            usageDelta.computeIfAbsent(ConfigSnapshot.idOf(tenant), t -> new EnumMap<>(Resource.class))
                .merge(resource, sign, Long::sum);
        }
    }
}
