/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.datastore;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits state nobody waits for (operational state, the migration journal): a failure is logged, and the next
 * change of the same thing writes it again.
 */
public final class Commits {
    private static final Logger LOG = LoggerFactory.getLogger(Commits.class);

    private Commits() {
        // static helpers
    }

    public static void commitLogged(final WriteTransaction tx, final String what) {
        tx.commit().addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                LOG.trace("{} written", what);
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Could not write {}", what, cause);
            }
        }, MoreExecutors.directExecutor());
    }
}
