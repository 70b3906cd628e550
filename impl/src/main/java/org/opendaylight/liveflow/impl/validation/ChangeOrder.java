/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Orders objects so that those a transaction left untouched come first. Uniqueness rules keep the first
 * holder of a value as its owner, so a clash is blamed on the object the user just wrote, not on the one
 * that was already there.
 */
final class ChangeOrder {
    private ChangeOrder() {
        // utility class
    }

    static <T> List<T> unchangedFirst(final Collection<T> objects, final Map<String, T> before,
            final Function<T, String> idOf) {
        final List<T> unchanged = new ArrayList<>();
        final List<T> changed = new ArrayList<>();
        for (T object : objects) {
            if (Objects.equals(before.get(idOf.apply(object)), object)) {
                unchanged.add(object);
            } else {
                changed.add(object);
            }
        }
        unchanged.addAll(changed);
        return unchanged;
    }
}
