/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.index;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import org.opendaylight.liveflow.api.ConfigChange;

/**
 * The last changes the index applied, each from one snapshot number to the next, so that a subscriber can ask what
 * changed since the snapshot it last looked at. Bounded: a subscriber that fell further behind compares whole
 * snapshots instead.
 */
final class ChangeHistory {
    static final int KEPT = 4096;

    private record Step(long from, long to, ConfigChange change) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();

    synchronized void add(final long from, final long to, final ConfigChange change) {
        steps.addLast(new Step(from, to, change));
        if (steps.size() > KEPT) {
            steps.removeFirst();
        }
    }

    /**
     * Returns the union of the changes from snapshot number {@code from} to {@code to}, or empty when a step between
     * them is no longer (or never was) known.
     */
    synchronized Optional<ConfigChange> between(final long from, final long to) {
        if (from == to) {
            return Optional.of(ConfigChange.none());
        }
        ConfigChange out = ConfigChange.none();
        long reached = to;
        for (Iterator<Step> newestFirst = steps.descendingIterator(); newestFirst.hasNext(); ) {
            final Step step = newestFirst.next();
            if (step.to() != reached) {
                continue;
            }
            out = step.change().union(out);
            reached = step.from();
            if (reached == from) {
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }
}
