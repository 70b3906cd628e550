/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationEntry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationState;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migration.entry.TransitionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migration.journal.PortMigration;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migration.journal.PortMigrationBuilder;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Converts migration records to the model's migration entries and back: the same fields serve the operational
 * state operators read ({@code /migrations}) and the journal liveflow resumes from ({@code /migration-journal}).
 * Pure, so a record's round trip is unit-tested without a datastore.
 */
final class MigrationEntries {
    private MigrationEntries() {
    }

    /**
     * Returns the journal entry of a record; its fields are also those of the operational state's entry.
     */
    static PortMigration toEntry(final MigrationRecord record) {
        final var transitions = record.transitions().stream().map(step -> new TransitionBuilder()
            .setSequence(Uint32.valueOf(step.sequence())).setFromState(state(step.from()))
            .setToState(state(step.to())).setTime(time(step.time())).setCause(step.cause()).build()).toList();
        return new PortMigrationBuilder().setPort(new ResourceId(record.port()))
            .setState(state(record.phase()))
            .setSourceChassis(new ResourceId(record.source()))
            .setDestinationChassis(resourceId(record.destination()))
            .setAnnouncedDestination(resourceId(record.announcedDestination()))
            .setGeneration(Uint64.valueOf(record.generation()))
            .setAbortReason(record.abortReason())
            .setActivatedAt(record.activatedAt() == null ? null : time(record.activatedAt()))
            .setConvergenceMicros(record.convergenceMicros() == null ? null
                : Uint64.valueOf(record.convergenceMicros()))
            .setSourceCleanup(MigrationEntry.SourceCleanup.ofName(record.cleanup().yangName()))
            .setIgnoredEvents(Uint64.valueOf(record.ignoredTotal()))
            .setIgnoredStale(Uint64.valueOf(record.ignored().get(IgnoredKind.STALE)))
            .setIgnoredDuplicate(Uint64.valueOf(record.ignored().get(IgnoredKind.DUPLICATE)))
            .setIgnoredOutOfOrder(Uint64.valueOf(record.ignored().get(IgnoredKind.OUT_OF_ORDER)))
            .setLastIgnored(record.lastIgnored())
            .setTransition(BindingMap.ordered(transitions))
            .build();
    }

    /**
     * Returns the record an entry holds.
     *
     * @throws IllegalArgumentException when a field the record needs is missing or unreadable
     */
    static MigrationRecord fromEntry(final MigrationEntry entry) {
        final Map<IgnoredKind, Long> ignored = new EnumMap<>(IgnoredKind.class);
        ignored.put(IgnoredKind.STALE, count(entry.getIgnoredStale()));
        ignored.put(IgnoredKind.DUPLICATE, count(entry.getIgnoredDuplicate()));
        ignored.put(IgnoredKind.OUT_OF_ORDER, count(entry.getIgnoredOutOfOrder()));
        final List<Transition> transitions = entry.nonnullTransition().values().stream()
            .map(step -> new Transition(required(step.getSequence(), "sequence").intValue(),
                phase(required(step.getFromState(), "from-state")), phase(required(step.getToState(), "to-state")),
                instant(required(step.getTime(), "time")), required(step.getCause(), "cause")))
            .sorted(Comparator.comparingInt(Transition::sequence))
            .toList();
        return new MigrationRecord(required(entry.getPort(), "port").getValue(),
            phase(required(entry.getState(), "state")), required(entry.getSourceChassis(), "source-chassis").getValue(),
            value(entry.getDestinationChassis()), count(entry.getGeneration()), value(entry.getAnnouncedDestination()),
            entry.getAbortReason(), entry.getActivatedAt() == null ? null : instant(entry.getActivatedAt()),
            entry.getConvergenceMicros() == null ? null : entry.getConvergenceMicros().longValue(),
            cleanup(required(entry.getSourceCleanup(), "source-cleanup")), ignored, entry.getLastIgnored(),
            transitions);
    }

    static MigrationState state(final MigrationPhase phase) {
        return MigrationState.ofName(phase.yangName());
    }

    private static DateAndTime time(final Instant instant) {
        return new DateAndTime(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC)));
    }

    private static MigrationPhase phase(final MigrationState state) {
        return MigrationPhase.valueOf(state.getName().toUpperCase(Locale.ROOT));
    }

    private static SourceCleanup cleanup(final MigrationEntry.SourceCleanup cleanup) {
        for (SourceCleanup value : SourceCleanup.values()) {
            if (value.yangName().equals(cleanup.getName())) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown source-cleanup " + cleanup.getName());
    }

    private static Instant instant(final DateAndTime time) {
        return OffsetDateTime.parse(time.getValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    private static long count(final @Nullable Uint64 value) {
        return value == null ? 0 : value.longValue();
    }

    private static @Nullable ResourceId resourceId(final @Nullable String id) {
        return id == null ? null : new ResourceId(id);
    }

    private static @Nullable String value(final @Nullable ResourceId id) {
        return id == null ? null : id.getValue();
    }

    private static <T> T required(final @Nullable T value, final String field) {
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }
}
