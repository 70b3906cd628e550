/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.CONFIGURATION;

import com.google.common.util.concurrent.FluentFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * The record of what switches committed (see {@link FlowReconciler}): its puts and deletes in the config
 * datastore, in as many transactions of at most {@code limit} operations as they need, committed one after the
 * other. A transaction is committed as soon as it is full, and the next one is built while it commits.
 *
 * <p>Why not one transaction: the datastore persists a transaction as one journal entry, and the segmented
 * journal refuses entries over 16 MB. Programming 100 chassis at once made one of 75 MB (about 500 bytes a
 * flow), which the inventory shard refused to persist; everything after that failed. Why not build them all
 * first: a transaction holds its data in the datastore's form until committed, and a thousand chassis programmed
 * at once is a hundred transactions of 10,000 flows; building one at a time holds one.
 */
final class ChunkedWrites {
    private final DataBroker broker;
    private final int limit;
    private final long timeoutSeconds;
    private @Nullable WriteTransaction current;
    private int inCurrent;
    /** The last transaction committed, not yet seen to succeed. */
    private @Nullable FluentFuture<? extends CommitInfo> committing;

    ChunkedWrites(final DataBroker broker, final int limit, final long timeoutSeconds) {
        this.broker = broker;
        this.limit = limit;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Puts one object, committing the transaction before if it is full.
     *
     * @throws IllegalStateException if a transaction before failed (nothing after it is committed)
     */
    <T extends DataObject> void put(final InstanceIdentifier<T> path, final T data) {
        current().mergeParentStructurePut(CONFIGURATION, path, data);
    }

    /**
     * Deletes what a path holds, committing the transaction before if it is full.
     *
     * @throws IllegalStateException if a transaction before failed (nothing after it is committed)
     */
    void delete(final InstanceIdentifier<?> path) {
        current().delete(CONFIGURATION, path);
    }

    /**
     * Commits what is left and waits for every transaction to be committed.
     *
     * @throws IllegalStateException if one failed (nothing after it is committed)
     */
    void commit() {
        if (current != null) {
            commitCurrent();
        }
        awaitCommitting();
    }

    private WriteTransaction current() {
        if (current != null && inCurrent == limit) {
            commitCurrent();
        }
        if (current == null) {
            current = broker.newWriteOnlyTransaction();
            inCurrent = 0;
        }
        inCurrent++;
        return current;
    }

    /** Commits the current transaction once the one before it is committed, without waiting for it. */
    private void commitCurrent() {
        awaitCommitting();
        committing = current.commit();
        current = null;
    }

    private void awaitCommitting() {
        if (committing == null) {
            return;
        }
        try {
            committing.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelCurrent();
            throw new IllegalStateException("Interrupted writing flows", e);
        } catch (ExecutionException | TimeoutException e) {
            cancelCurrent();
            throw new IllegalStateException("Writing flows failed", e);
        } finally {
            committing = null;
        }
    }

    private void cancelCurrent() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }
}
