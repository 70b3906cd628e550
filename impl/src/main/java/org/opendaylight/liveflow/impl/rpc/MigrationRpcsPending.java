/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.rpc;

import com.google.common.util.concurrent.ListenableFuture;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.AbortMigration;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationPrecheck;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.PrepareMigration;
import org.opendaylight.yangtools.yang.binding.Rpc;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;

/**
 * The migration RPCs the model declares before the migration engine exists: each answers with a clear
 * operation-not-supported error (RESTCONF 501) rather than being absent or pretending to work.
 */
final class MigrationRpcsPending {
    private MigrationRpcsPending() {
        // factory class
    }

    static Rpc<?, ?>[] all() {
        return new Rpc<?, ?>[] {
            (MigrationPrecheck) input -> notImplemented("migration-precheck"),
            (PrepareMigration) input -> notImplemented("prepare-migration"),
            (AbortMigration) input -> notImplemented("abort-migration"),
        };
    }

    private static <O> ListenableFuture<RpcResult<O>> notImplemented(final String rpc) {
        return RpcResultBuilder.<O>failed()
            .withError(ErrorType.APPLICATION, ErrorTag.OPERATION_NOT_SUPPORTED,
                rpc + " is not implemented yet: this liveflow build has no migration engine")
            .buildFuture();
    }
}
