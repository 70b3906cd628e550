/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.datastore;

import com.google.common.util.concurrent.FluentFuture;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.function.Consumer;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.util.Datastore;
import org.opendaylight.mdsal.binding.util.Datastore.Configuration;
import org.opendaylight.mdsal.binding.util.Datastore.Operational;
import org.opendaylight.mdsal.binding.util.ManagedNewTransactionRunner;
import org.opendaylight.mdsal.binding.util.ManagedNewTransactionRunnerImpl;
import org.opendaylight.mdsal.binding.util.TypedWriteTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * liveflow's own datastore writes (operational state, the migration journal, a moved binding), each in a
 * transaction of mdsal's {@link ManagedNewTransactionRunner}: it opens the transaction, hands it to the writes,
 * cancels it when they wrote nothing and submits it otherwise, so no writer opens, cancels or commits one itself.
 * A failed commit is logged; the next change of the same thing writes it again, and a caller that must know waits
 * on the returned future.
 */
public final class StateWrites {
    private static final Logger LOG = LoggerFactory.getLogger(StateWrites.class);

    private final ManagedNewTransactionRunner runner;

    public StateWrites(final DataBroker broker) {
        runner = new ManagedNewTransactionRunnerImpl(broker);
    }

    public FluentFuture<?> operational(final String what,
            final Consumer<TypedWriteTransaction<Operational>> writes) {
        return logged(what, Datastore.OPERATIONAL, writes);
    }

    public FluentFuture<?> configuration(final String what,
            final Consumer<TypedWriteTransaction<Configuration>> writes) {
        return logged(what, Datastore.CONFIGURATION, writes);
    }

    private <D extends Datastore> FluentFuture<?> logged(final String what, final D datastore,
            final Consumer<TypedWriteTransaction<D>> writes) {
        final FluentFuture<?> commit = runner.callWithNewWriteOnlyTransactionAndSubmit(datastore, writes::accept);
        commit.addCallback(new FutureCallback<Object>() {
            @Override
            public void onSuccess(final Object result) {
                LOG.trace("{} written", what);
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Could not write {}", what, cause);
            }
        }, MoreExecutors.directExecutor());
        return commit;
    }
}
