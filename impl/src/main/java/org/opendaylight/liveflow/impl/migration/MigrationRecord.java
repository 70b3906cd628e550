/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Everything the engine knows about one port's migrations: where the current one is, its timeline and what was
 * ignored. Immutable: every change returns a new record, so what was published is never altered.
 *
 * @param port the port id
 * @param phase the current state
 * @param source the chassis the port is bound to (the source of the current or last migration)
 * @param destination the chassis it moves (or moved) to, if any
 * @param generation increases with every migration the port starts
 * @param announcedDestination the destination announced by prepare-migration, if any
 * @param abortReason why the last migration was abandoned or refused
 * @param activatedAt when the current migration was activated
 * @param convergenceMicros from activation until every chassis' flows were written
 * @param cleanup what the check of the source switch found
 * @param ignored events ignored, by kind
 * @param lastIgnored the last ignored event and why
 * @param transitions the timeline, oldest first (the last {@value #MAX_TRANSITIONS} kept)
 */
public record MigrationRecord(String port, MigrationPhase phase, String source, @Nullable String destination,
        long generation, @Nullable String announcedDestination, @Nullable String abortReason,
        @Nullable Instant activatedAt, @Nullable Long convergenceMicros, SourceCleanup cleanup,
        Map<IgnoredKind, Long> ignored, @Nullable String lastIgnored, List<Transition> transitions) {

    static final int MAX_TRANSITIONS = 64;

    public MigrationRecord {
        requireNonNull(port);
        requireNonNull(phase);
        requireNonNull(source);
        requireNonNull(cleanup);
        final Map<IgnoredKind, Long> counts = new EnumMap<>(IgnoredKind.class);
        for (IgnoredKind kind : IgnoredKind.values()) {
            counts.put(kind, ignored.getOrDefault(kind, 0L));
        }
        ignored = Map.copyOf(counts);
        transitions = List.copyOf(transitions);
    }

    /**
     * Returns the record of a port bound to a chassis that never migrated.
     */
    public static MigrationRecord bound(final String port, final String chassis) {
        return new MigrationRecord(port, MigrationPhase.BOUND, chassis, null, 0, null, null, null, null,
            SourceCleanup.NOT_STARTED, Map.of(), null, List.of());
    }

    /**
     * Tells whether a migration is under way (the port's traffic is not on its binding only).
     */
    public boolean inProgress() {
        return phase == MigrationPhase.PREPARED || phase == MigrationPhase.SWITCHED;
    }

    /**
     * Tells whether the last migration ended with the port bound where it was activated: its source should hold
     * nothing of it any more.
     */
    public boolean completed() {
        return phase == MigrationPhase.BOUND && abortReason == null && activatedAt != null && destination != null;
    }

    public long ignoredTotal() {
        return ignored.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Starts the next generation: a migration from {@code from} to {@code to}, entering {@code next}.
     */
    MigrationRecord begin(final String from, final String to, final MigrationPhase next, final String cause,
            final Instant now) {
        return new MigrationRecord(port, phase, from, to, generation + 1, announcedDestination, null, null, null,
            SourceCleanup.NOT_STARTED, ignored, lastIgnored, transitions).to(next, cause, now);
    }

    /**
     * Moves to another state, recording the step in the timeline.
     */
    MigrationRecord to(final MigrationPhase next, final String cause, final Instant now) {
        final List<Transition> steps = new ArrayList<>(transitions);
        final int sequence = transitions.isEmpty() ? 1 : transitions.get(transitions.size() - 1).sequence() + 1;
        steps.add(new Transition(sequence, phase, next, now, cause));
        final List<Transition> kept = steps.size() > MAX_TRANSITIONS
            ? steps.subList(steps.size() - MAX_TRANSITIONS, steps.size()) : steps;
        return new MigrationRecord(port, next, source, destination, generation, announcedDestination, abortReason,
            activatedAt, convergenceMicros, cleanup, ignored, lastIgnored, kept);
    }

    /**
     * Makes the destination the chassis the port is bound to, once the migration completed.
     */
    MigrationRecord rebound(final String cause, final Instant now) {
        return new MigrationRecord(port, phase, source, destination, generation, null, abortReason, activatedAt,
            convergenceMicros, cleanup, ignored, lastIgnored, transitions).to(MigrationPhase.BOUND, cause, now);
    }

    MigrationRecord activated(final Instant when) {
        return new MigrationRecord(port, phase, source, destination, generation, announcedDestination, abortReason,
            when, convergenceMicros, cleanup, ignored, lastIgnored, transitions);
    }

    MigrationRecord aborted(final String reason) {
        return new MigrationRecord(port, phase, source, destination, generation, null, reason, activatedAt,
            convergenceMicros, cleanup, ignored, lastIgnored, transitions);
    }

    MigrationRecord announced(final @Nullable String chassis) {
        return new MigrationRecord(port, phase, source, destination, generation, chassis, abortReason, activatedAt,
            convergenceMicros, cleanup, ignored, lastIgnored, transitions);
    }

    MigrationRecord converged(final long micros) {
        return new MigrationRecord(port, phase, source, destination, generation, announcedDestination, abortReason,
            activatedAt, micros, cleanup, ignored, lastIgnored, transitions);
    }

    MigrationRecord cleaned(final SourceCleanup result) {
        return new MigrationRecord(port, phase, source, destination, generation, announcedDestination, abortReason,
            activatedAt, convergenceMicros, result, ignored, lastIgnored, transitions);
    }

    MigrationRecord ignore(final IgnoredKind kind, final String why) {
        final Map<IgnoredKind, Long> counts = new EnumMap<>(ignored);
        counts.merge(kind, 1L, Long::sum);
        return new MigrationRecord(port, phase, source, destination, generation, announcedDestination, abortReason,
            activatedAt, convergenceMicros, cleanup, counts, why, transitions);
    }
}
