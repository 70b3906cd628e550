/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.api;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one transaction changed in the overlay: the ids of the entries it added, modified or removed, by kind,
 * and whether it touched the migration or liveness settings. Validation checks what a change touches, not the
 * whole overlay, so that a write costs the same however large the overlay is.
 */
public final class ConfigChange {
    private static final ConfigChange NONE = new ConfigChange(Map.of(), false);

    private final Map<ConfigKind, Set<String>> ids;
    private final boolean settingsChanged;

    ConfigChange(final Map<ConfigKind, Set<String>> ids, final boolean settingsChanged) {
        this.ids = ids;
        this.settingsChanged = settingsChanged;
    }

    /**
     * Compares two snapshots entry by entry, a walk over the whole overlay: for tests and for a candidate whose
     * change could not be read entry by entry.
     */
    public static ConfigChange between(final ConfigSnapshot before, final ConfigSnapshot after) {
        final Map<ConfigKind, Set<String>> out = new EnumMap<>(ConfigKind.class);
        for (ConfigKind kind : ConfigKind.values()) {
            final Map<String, ?> old = kind.in(before);
            final Map<String, ?> now = kind.in(after);
            final ImmutableSet.Builder<String> changed = ImmutableSet.builder();
            for (String id : Sets.union(old.keySet(), now.keySet())) {
                if (!Objects.equals(old.get(id), now.get(id))) {
                    changed.add(id);
                }
            }
            final Set<String> set = changed.build();
            if (!set.isEmpty()) {
                out.put(kind, set);
            }
        }
        final boolean settings = !before.bindingTimeout().equals(after.bindingTimeout())
            || !before.probeInterval().equals(after.probeInterval()) || !before.deadAfter().equals(after.deadAfter());
        return new ConfigChange(out, settings);
    }

    /**
     * Returns a change that changes nothing.
     */
    public static ConfigChange none() {
        return NONE;
    }

    /**
     * Returns what this change and {@code later} changed together.
     */
    public ConfigChange union(final ConfigChange later) {
        if (later.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return later;
        }
        final Map<ConfigKind, Set<String>> out = new EnumMap<>(ConfigKind.class);
        for (ConfigKind kind : ConfigKind.values()) {
            final Set<String> both = Sets.union(ids(kind), later.ids(kind)).immutableCopy();
            if (!both.isEmpty()) {
                out.put(kind, both);
            }
        }
        return new ConfigChange(out, settingsChanged || later.settingsChanged);
    }

    /**
     * Returns the ids of the entries of one kind that were added, modified or removed.
     */
    public Set<String> ids(final ConfigKind kind) {
        return ids.getOrDefault(kind, Set.of());
    }

    public boolean touches(final ConfigKind kind) {
        return ids.containsKey(kind);
    }

    public boolean settingsChanged() {
        return settingsChanged;
    }

    public boolean isEmpty() {
        return ids.isEmpty() && !settingsChanged;
    }

    @Override
    public String toString() {
        return "ConfigChange" + ids + (settingsChanged ? " and settings" : "");
    }
}
