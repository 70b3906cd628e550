/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;

/**
 * What a change touches beyond the entries it wrote: the lookups the rules share to stay within the change.
 */
final class Touched {
    private Touched() {
        // utility class
    }

    /**
     * Returns the entries of {@code ids} that exist in {@code after}, in id order.
     */
    static <T> List<T> present(final Map<String, T> after, final Collection<String> ids) {
        return new TreeSet<>(ids).stream().map(after::get).filter(Objects::nonNull).toList();
    }

    /**
     * Returns the ids among {@code ids} that existed before and are gone after, in id order.
     */
    static Set<String> removed(final Map<String, ?> before, final Map<String, ?> after,
            final Collection<String> ids) {
        final Set<String> out = new TreeSet<>();
        for (String id : ids) {
            if (before.containsKey(id) && !after.containsKey(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Applies {@code valueOf} to the before and after versions of every changed entry of a kind and collects
     * the results (in order, without nulls).
     */
    static <T> Set<String> ofChanged(final ConfigSnapshot before, final ConfigSnapshot after,
            final ConfigChange change, final ConfigKind kind, final Function<T, String> valueOf) {
        @SuppressWarnings("unchecked")
        final Map<String, T> old = (Map<String, T>) kind.in(before);
        @SuppressWarnings("unchecked")
        final Map<String, T> now = (Map<String, T>) kind.in(after);
        final Set<String> out = new TreeSet<>();
        for (String id : change.ids(kind)) {
            addValue(old.get(id), valueOf, out);
            addValue(now.get(id), valueOf, out);
        }
        return out;
    }

    /**
     * Returns the networks whose ports or subnets the change wrote or removed, before or after the change.
     */
    static Set<String> networksOfChangedPortsAndSubnets(final ConfigSnapshot before, final ConfigSnapshot after,
            final ConfigChange change) {
        final Set<String> out = ofChanged(before, after, change, ConfigKind.PORT, (Port p) -> idOf(p.getNetwork()));
        out.addAll(ofChanged(before, after, change, ConfigKind.SUBNET, (Subnet s) -> idOf(s.getNetwork())));
        return out;
    }

    private static <T> void addValue(final T object, final Function<T, String> valueOf, final Set<String> out) {
        if (object != null) {
            final String value = valueOf.apply(object);
            if (value != null) {
                out.add(value);
            }
        }
    }
}
