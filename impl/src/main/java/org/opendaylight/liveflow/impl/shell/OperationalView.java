/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.OPERATIONAL;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadTransaction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisStatus;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Migrations;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.chassis.status.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.Migration;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * What the shell shows of the operational datastore: chassis liveness and migration state, by name.
 */
final class OperationalView {
    private static final long READ_TIMEOUT_SECONDS = 5;

    private final Map<String, Chassis> chassis;
    private final Map<String, Migration> migrations;

    private OperationalView(final Map<String, Chassis> chassis, final Map<String, Migration> migrations) {
        this.chassis = chassis;
        this.migrations = migrations;
    }

    static OperationalView read(final DataBroker broker) {
        try (ReadTransaction tx = broker.newReadOnlyTransaction()) {
            final Map<String, Chassis> chassis = readNode(tx, InstanceIdentifier.create(ChassisStatus.class))
                .map(status -> byName(status.nonnullChassis(), c -> c.getName().getValue()))
                .orElse(Map.of());
            final Map<String, Migration> migrations = readNode(tx, InstanceIdentifier.create(Migrations.class))
                .map(all -> byName(all.nonnullMigration(), m -> m.getPort().getValue()))
                .orElse(Map.of());
            return new OperationalView(chassis, migrations);
        }
    }

    Optional<Chassis> chassis(final String name) {
        return Optional.ofNullable(chassis.get(name));
    }

    Collection<Migration> migrations() {
        return new TreeMap<>(migrations).values();
    }

    Optional<Migration> migration(final String port) {
        return Optional.ofNullable(migrations.get(port));
    }

    private static <T extends DataObject> Optional<T> readNode(final ReadTransaction tx,
            final InstanceIdentifier<T> iid) {
        try {
            return tx.read(OPERATIONAL, iid).get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + iid, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the operational datastore: " + e.getMessage(), e);
        }
    }

    private static <V> Map<String, V> byName(final Map<?, V> entries, final Function<V, String> name) {
        return entries.values().stream().collect(Collectors.toMap(name, Function.identity()));
    }
}
