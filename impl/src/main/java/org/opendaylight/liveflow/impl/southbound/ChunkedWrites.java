/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.CONFIGURATION;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * The record of what switches committed (see {@link FlowReconciler}): its puts and deletes in the config
 * datastore, in as many transactions of at most {@code limit} operations as they need, committed one after the
 * other.
 *
 * <p>Why not one transaction: the datastore persists a transaction as one journal entry, and the segmented
 * journal refuses entries over 16 MB. Programming 100 chassis at once made one of 75 MB (about 500 bytes a
 * flow), which the inventory shard refused to persist; everything after that failed.
 */
final class ChunkedWrites {
    private final DataBroker broker;
    private final int limit;
    private final List<WriteTransaction> transactions = new ArrayList<>();
    private int inCurrent;

    ChunkedWrites(final DataBroker broker, final int limit) {
        this.broker = broker;
        this.limit = limit;
    }

    <T extends DataObject> void put(final InstanceIdentifier<T> path, final T data) {
        current().mergeParentStructurePut(CONFIGURATION, path, data);
    }

    void delete(final InstanceIdentifier<?> path) {
        current().delete(CONFIGURATION, path);
    }

    /**
     * Commits every transaction in order, each once the one before is committed; when one fails, the ones after it
     * are cancelled.
     */
    void commit(final long timeoutSeconds) {
        try {
            for (int index = 0; index < transactions.size(); index++) {
                try {
                    transactions.get(index).commit().get(timeoutSeconds, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelFrom(index + 1);
                    throw new IllegalStateException("Interrupted writing flows", e);
                } catch (ExecutionException | TimeoutException e) {
                    cancelFrom(index + 1);
                    throw new IllegalStateException("Writing flows failed", e);
                }
            }
        } finally {
            transactions.clear();
        }
    }

    private void cancelFrom(final int index) {
        transactions.subList(index, transactions.size()).forEach(WriteTransaction::cancel);
    }

    private WriteTransaction current() {
        if (transactions.isEmpty() || inCurrent == limit) {
            transactions.add(broker.newWriteOnlyTransaction());
            inCurrent = 0;
        }
        inCurrent++;
        return transactions.get(transactions.size() - 1);
    }
}
