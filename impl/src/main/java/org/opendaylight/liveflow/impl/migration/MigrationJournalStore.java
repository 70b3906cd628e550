/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.CONFIGURATION;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.liveflow.impl.datastore.StateWrites;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadTransaction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationJournal;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migration.journal.PortMigration;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migration.journal.PortMigrationKey;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the migration records in the configuration datastore ({@code /migration-journal}), so that a controller
 * restart, or another cluster member taking over, resumes every migration where it was: that datastore is persisted
 * and replicated, the operational one is neither across a restart. One entry per port, written when the port's
 * record changes, after the engine acted on the change (as the operational state is).
 */
final class MigrationJournalStore {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationJournalStore.class);
    private static final long READ_TIMEOUT_SECONDS = 30;
    private static final InstanceIdentifier<MigrationJournal> JOURNAL = InstanceIdentifier.create(
        MigrationJournal.class);

    private final DataBroker broker;
    private final StateWrites writes;

    MigrationJournalStore(final DataBroker broker) {
        this.broker = broker;
        writes = new StateWrites(broker);
    }

    /**
     * Returns the records the journal holds, by port; an entry that cannot be read is skipped with an error (that
     * port's migration is then rebuilt from what the switches report, as for a port without a record).
     */
    Map<String, MigrationRecord> load() {
        final Optional<MigrationJournal> journal;
        try (ReadTransaction tx = broker.newReadOnlyTransaction()) {
            journal = tx.read(CONFIGURATION, JOURNAL).get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the migration journal from the configuration datastore", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the migration journal", e);
        }
        final Map<String, MigrationRecord> out = new LinkedHashMap<>();
        journal.ifPresent(present -> present.nonnullPortMigration().values().forEach(entry -> {
            try {
                final MigrationRecord record = MigrationEntries.fromEntry(entry);
                out.put(record.port(), record);
            } catch (IllegalArgumentException e) {
                LOG.error("Skipping the unreadable migration journal entry of port {}: {}", entry.getPort(),
                    e.getMessage());
            }
        }));
        return out;
    }

    void save(final MigrationRecord record) {
        writes.configuration("the migration journal entry of port " + record.port(),
            tx -> tx.put(path(record.port()), MigrationEntries.toEntry(record)));
    }

    void remove(final String port) {
        writes.configuration("the removal of port " + port + " from the migration journal",
            tx -> tx.delete(path(port)));
    }

    private static InstanceIdentifier<PortMigration> path(final String port) {
        return JOURNAL.child(PortMigration.class, new PortMigrationKey(new ResourceId(port)));
    }
}
