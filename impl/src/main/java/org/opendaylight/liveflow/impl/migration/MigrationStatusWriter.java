/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.OPERATIONAL;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationState;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationTransitionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Migrations;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.Migration;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.MigrationBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.MigrationKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.migration.SubPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.migration.SubPortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.migration.TransitionBuilder;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes migration records: the operational datastore's /migrations (what RESTCONF and the shell show) and a
 * migration-transition notification for every new step of a timeline.
 */
final class MigrationStatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationStatusWriter.class);

    private final DataBroker broker;
    private final NotificationPublishService notifications;
    private final Supplier<ConfigSnapshot> config;

    MigrationStatusWriter(final DataBroker broker, final NotificationPublishService notifications,
            final Supplier<ConfigSnapshot> config) {
        this.broker = broker;
        this.notifications = notifications;
        this.config = config;
    }

    /**
     * Writes the records and announces the steps each took since {@code before} (null: none published yet).
     */
    void publish(final @Nullable MigrationRecord before, final MigrationRecord after) {
        final WriteTransaction tx = broker.newWriteOnlyTransaction();
        tx.put(OPERATIONAL, path(after.port()), toYang(after, config.get()));
        commit(tx);
        final int seen = before == null || before.transitions().isEmpty() ? 0
            : before.transitions().get(before.transitions().size() - 1).sequence();
        for (Transition step : after.transitions()) {
            if (step.sequence() > seen) {
                notify(after, step);
            }
        }
    }

    void restore(final Collection<MigrationRecord> records) {
        final WriteTransaction tx = broker.newWriteOnlyTransaction();
        final ConfigSnapshot snapshot = config.get();
        records.forEach(record -> tx.put(OPERATIONAL, path(record.port()), toYang(record, snapshot)));
        commit(tx);
    }

    void remove(final String port) {
        final WriteTransaction tx = broker.newWriteOnlyTransaction();
        tx.delete(OPERATIONAL, path(port));
        commit(tx);
    }

    private void notify(final MigrationRecord record, final Transition step) {
        final var notification = new MigrationTransitionBuilder().setPort(new ResourceId(record.port()))
            .setFromState(state(step.from())).setToState(state(step.to()))
            .setSourceChassis(new ResourceId(record.source()))
            .setDestinationChassis(record.destination() == null ? null : new ResourceId(record.destination()))
            .setGeneration(Uint64.valueOf(record.generation())).setCause(step.cause()).build();
        if (notifications.offerNotification(notification) == NotificationPublishService.REJECTED) {
            LOG.warn("migration-transition notification of {} rejected (queue full)", record.port());
        }
    }

    static Migration toYang(final MigrationRecord record, final ConfigSnapshot snapshot) {
        final List<SubPort> subPorts = new ArrayList<>();
        snapshot.trunkOfParent(record.port()).ifPresent(trunk -> trunk.nonnullSubPort().values().forEach(sub ->
            subPorts.add(new SubPortBuilder().setPort(sub.getPort()).setVlanId(sub.getVlanId())
                .setNetwork(snapshot.port(ConfigSnapshot.idOf(sub.getPort())).map(port -> port.getNetwork())
                    .orElse(null)).build())));
        final var transitions = record.transitions().stream().map(step -> new TransitionBuilder()
            .setSequence(Uint32.valueOf(step.sequence())).setFromState(state(step.from()))
            .setToState(state(step.to())).setTime(time(step.time())).setCause(step.cause()).build()).toList();
        return new MigrationBuilder().setPort(new ResourceId(record.port()))
            .setState(state(record.phase()))
            .setSourceChassis(new ResourceId(record.source()))
            .setDestinationChassis(record.destination() == null ? null : new ResourceId(record.destination()))
            .setAnnouncedDestination(record.announcedDestination() == null ? null
                : new ResourceId(record.announcedDestination()))
            .setGeneration(Uint64.valueOf(record.generation()))
            .setAbortReason(record.abortReason())
            .setConvergenceMicros(record.convergenceMicros() == null ? null
                : Uint64.valueOf(record.convergenceMicros()))
            .setSourceCleanup(Migration.SourceCleanup.ofName(record.cleanup().yangName()))
            .setIgnoredEvents(Uint64.valueOf(record.ignoredTotal()))
            .setIgnoredStale(Uint64.valueOf(record.ignored().get(IgnoredKind.STALE)))
            .setIgnoredDuplicate(Uint64.valueOf(record.ignored().get(IgnoredKind.DUPLICATE)))
            .setIgnoredOutOfOrder(Uint64.valueOf(record.ignored().get(IgnoredKind.OUT_OF_ORDER)))
            .setLastIgnored(record.lastIgnored())
            .setSubPort(BindingMap.ordered(subPorts))
            .setTransition(BindingMap.ordered(transitions))
            .build();
    }

    static MigrationState state(final MigrationPhase phase) {
        return MigrationState.ofName(phase.yangName());
    }

    static DateAndTime time(final Instant instant) {
        return new DateAndTime(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC)));
    }

    private static InstanceIdentifier<Migration> path(final String port) {
        return InstanceIdentifier.create(Migrations.class).child(Migration.class,
            new MigrationKey(new ResourceId(port)));
    }

    private static void commit(final WriteTransaction tx) {
        tx.commit().addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                LOG.debug("migration state written");
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Could not write migration state", cause);
            }
        }, MoreExecutors.directExecutor());
    }
}
