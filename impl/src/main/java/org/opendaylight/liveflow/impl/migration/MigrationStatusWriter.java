/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.datastore.StateWrites;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationTransitionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Migrations;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.Migration;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.MigrationBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.MigrationKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.migration.SubPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.migration.SubPortBuilder;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes migration records: the operational datastore's /migrations (what RESTCONF and the shell show) and a
 * migration-transition notification for every new step of a timeline.
 */
final class MigrationStatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationStatusWriter.class);

    private final StateWrites writes;
    private final NotificationPublishService notifications;
    private final Supplier<ConfigSnapshot> config;

    MigrationStatusWriter(final DataBroker broker, final NotificationPublishService notifications,
            final Supplier<ConfigSnapshot> config) {
        writes = new StateWrites(broker);
        this.notifications = notifications;
        this.config = config;
    }

    /**
     * Writes the records and announces the steps each took since {@code before} (null: none published yet).
     */
    void publish(final @Nullable MigrationRecord before, final MigrationRecord after) {
        writes.operational("migration state", tx -> tx.put(path(after.port()), toYang(after, config.get())));
        final int seen = before == null || before.transitions().isEmpty() ? 0
            : before.transitions().get(before.transitions().size() - 1).sequence();
        for (Transition step : after.transitions()) {
            if (step.sequence() > seen) {
                notify(after, step);
            }
        }
    }

    void restore(final Collection<MigrationRecord> records) {
        final ConfigSnapshot snapshot = config.get();
        writes.operational("migration state",
            tx -> records.forEach(record -> tx.put(path(record.port()), toYang(record, snapshot))));
    }

    void remove(final String port) {
        writes.operational("migration state", tx -> tx.delete(path(port)));
    }

    private void notify(final MigrationRecord record, final Transition step) {
        final var notification = new MigrationTransitionBuilder().setPort(new ResourceId(record.port()))
            .setFromState(MigrationEntries.state(step.from())).setToState(MigrationEntries.state(step.to()))
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
        // the journal's entry has the operational entry's fields but the trunk's sub-ports (derived from the
        // configuration, not recorded)
        return new MigrationBuilder(MigrationEntries.toEntry(record)).setSubPort(BindingMap.ordered(subPorts))
            .build();
    }

    private static InstanceIdentifier<Migration> path(final String port) {
        return InstanceIdentifier.create(Migrations.class).child(Migration.class,
            new MigrationKey(new ResourceId(port)));
    }
}
