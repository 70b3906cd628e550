/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.index;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.osgi.service.component.annotations.Component;

/**
 * The overlay snapshots of the latest datastore trees, so the commit cohort and the configuration index hold one
 * copy of the overlay between them. Each used to derive its own snapshot of every commit, and so held its own
 * binding object of every port (about 500 bytes a port, twice: WriteBenchmark's heap histogram).
 *
 * <p>Trees are matched by identity: the datastore's trees are immutable and shared, so a commit's tree before is the
 * object the commit before it left, and the tree the index is told was committed is the object the cohort validated.
 * The cohort looks its snapshot before up here ({@link #snapshotOf}), the index's first. The index adopts the
 * cohort's snapshot after ({@link #validatedFrom}) only when the cohort derived it from the index's own snapshot,
 * so snapshot numbers stay one chain and {@link ChangeHistory} stays right. Whatever is not found (an aborted commit,
 * a commit replicated from another member that this member's cohort never saw, a listener that fell behind by more
 * than {@link #KEPT} commits) is derived again, as before: slower, never wrong.
 */
@Component(service = ValidatedOverlays.class)
public final class ValidatedOverlays {
    /** Trees remembered: a few commits of listener lag, and the trees of aborted validations, which age out. */
    static final int KEPT = 8;

    /**
     * A tree's snapshot; {@code before} is the snapshot the cohort derived it from, or null for the index's own
     * (committed) snapshot of that tree.
     */
    private record Known(NormalizedNode tree, ConfigSnapshot snapshot, @Nullable ConfigSnapshot before,
            OverlayCandidates.@Nullable Derived derived) {
    }

    private final Deque<Known> known = new ArrayDeque<>();

    /**
     * Remembers what the cohort derived for a commit whose tree after is {@code tree}, from snapshot {@code before}.
     */
    public synchronized void validated(final NormalizedNode tree, final ConfigSnapshot before,
            final OverlayCandidates.Derived derived) {
        add(new Known(requireNonNull(tree), derived.snapshot(), requireNonNull(before), derived));
    }

    /**
     * Remembers a snapshot of {@code tree} the cohort did not derive from another: the index's snapshot of a tree it
     * was told was committed (the cohort derives the next commit from it), or the cohort's conversion of a whole tree
     * nothing here knew.
     */
    public synchronized void remember(final NormalizedNode tree, final ConfigSnapshot snapshot) {
        add(new Known(requireNonNull(tree), requireNonNull(snapshot), null, null));
    }

    /**
     * Returns the snapshot of {@code tree}, the newest remembered: the index's once it has committed that tree, the
     * cohort's before that.
     */
    public synchronized Optional<ConfigSnapshot> snapshotOf(final NormalizedNode tree) {
        for (Iterator<Known> newestFirst = known.descendingIterator(); newestFirst.hasNext(); ) {
            final Known entry = newestFirst.next();
            if (entry.tree() == tree) {
                return Optional.of(entry.snapshot());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns what the cohort derived for the commit that left {@code tree}, if it derived it from {@code before}.
     */
    public synchronized Optional<OverlayCandidates.Derived> validatedFrom(final ConfigSnapshot before,
            final NormalizedNode tree) {
        for (Iterator<Known> newestFirst = known.descendingIterator(); newestFirst.hasNext(); ) {
            final Known entry = newestFirst.next();
            if (entry.tree() == tree && entry.before() == before && entry.derived() != null) {
                return Optional.of(entry.derived());
            }
        }
        return Optional.empty();
    }

    private void add(final Known entry) {
        known.addLast(entry);
        while (known.size() > KEPT) {
            known.removeFirst();
        }
    }
}
