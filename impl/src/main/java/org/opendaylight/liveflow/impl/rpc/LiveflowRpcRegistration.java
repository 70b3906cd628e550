/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.rpc;

import com.google.common.collect.ImmutableList;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.impl.migration.MigrationEngine;
import org.opendaylight.mdsal.binding.api.RpcProviderService;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.binding.Rpc;

/**
 * Registers the implementations of every RPC of the liveflow model with MD-SAL.
 */
public final class LiveflowRpcRegistration implements AutoCloseable {
    private final Registration registration;

    public LiveflowRpcRegistration(final RpcProviderService rpcProvider,
            final ConfigIndex index, final MigrationEngine migrations) {
        registration = rpcProvider.registerRpcImplementations(ImmutableList.<Rpc<?, ?>>builder()
            .add(new GetQuotaUsageRpc(index))
            .add(MigrationRpcs.of(migrations))
            .build());
    }

    @Override
    public void close() {
        registration.close();
    }
}
