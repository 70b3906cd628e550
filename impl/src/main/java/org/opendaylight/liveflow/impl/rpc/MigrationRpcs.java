/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.rpc;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.Optional;
import org.opendaylight.liveflow.impl.migration.MigrationEngine;
import org.opendaylight.liveflow.impl.migration.MigrationRecord;
import org.opendaylight.liveflow.impl.migration.PrecheckRules.Refusal;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.AbortMigration;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.AbortMigrationOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.AbortMigrationOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationPrecheck;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationPrecheckOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationPrecheckOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationState;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.PrepareMigration;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.PrepareMigrationOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.PrepareMigrationOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.RelayAnnouncement;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.RelayAnnouncementInput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.RelayAnnouncementOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.RelayAnnouncementOutputBuilder;
import org.opendaylight.yangtools.yang.binding.Rpc;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * The migration RPCs, answered by the migration engine: migration-precheck (allowed, or the reason not),
 * prepare-migration (an error with the precheck's reason when refused), abort-migration (an error saying why
 * nothing was aborted: no migration, already activated, or another generation) and relay-announcement (a migration
 * trap's packet-in another cluster member received). A request that is wrong is
 * invalid-value (RESTCONF 400); one the current state forbids is resource-denied (409).
 */
final class MigrationRpcs {
    private MigrationRpcs() {
        // factory class
    }

    static Rpc<?, ?>[] of(final MigrationEngine engine) {
        return new Rpc<?, ?>[] {
            (MigrationPrecheck) input -> Futures.transform(
                engine.precheck(idOf(input.getPort()), idOf(input.getDestinationChassis())),
                refusal -> RpcResultBuilder.success(precheckOutput(refusal, idOf(input.getPort()),
                    idOf(input.getDestinationChassis()))).build(), MoreExecutors.directExecutor()),
            (PrepareMigration) input -> Futures.transform(
                engine.prepare(idOf(input.getPort()), idOf(input.getDestinationChassis())),
                refusal -> refusal.isPresent() ? MigrationRpcs.<PrepareMigrationOutput>refused(refusal.orElseThrow())
                    : RpcResultBuilder.success(new PrepareMigrationOutputBuilder().build()).build(),
                MoreExecutors.directExecutor()),
            (AbortMigration) input -> abort(engine, input.getPort() == null ? "" : input.getPort().getValue(),
                input.getGeneration() == null ? null : input.getGeneration().longValue(),
                input.getReason() == null ? "requested by the operator" : input.getReason()),
            (RelayAnnouncement) input -> relay(engine, input),
        };
    }

    private static ListenableFuture<RpcResult<RelayAnnouncementOutput>> relay(final MigrationEngine engine,
            final RelayAnnouncementInput input) {
        if (input.getNode() == null || input.getNodeConnector() == null || input.getCookie() == null
                || input.getPayload() == null) {
            return Futures.immediateFuture(RpcResultBuilder.<RelayAnnouncementOutput>failed().withError(
                ErrorType.PROTOCOL, ErrorTag.INVALID_VALUE, "relay-announcement needs node, node-connector, cookie "
                    + "and payload").build());
        }
        engine.announcementRelayed(input.getCookie().longValue(), input.getPayload(), input.getNode(),
            input.getNodeConnector());
        return Futures.immediateFuture(RpcResultBuilder.success(new RelayAnnouncementOutputBuilder().build())
            .build());
    }

    private static MigrationPrecheckOutput precheckOutput(final Optional<Refusal> refusal, final String port,
            final String destination) {
        return new MigrationPrecheckOutputBuilder().setAllowed(refusal.isEmpty())
            .setReason(refusal.map(Refusal::reason).orElse("port " + port + " can live-migrate to " + destination))
            .build();
    }

    private static ListenableFuture<RpcResult<AbortMigrationOutput>> abort(final MigrationEngine engine,
            final String port, final Long generation, final String reason) {
        return Futures.transform(engine.abort(port, generation, reason), outcome -> {
            if (outcome.refusal() != null) {
                return MigrationRpcs.<AbortMigrationOutput>refused(outcome.refusal());
            }
            final MigrationRecord record = outcome.record();
            return RpcResultBuilder.success(new AbortMigrationOutputBuilder()
                .setState(MigrationState.ofName(record.phase().yangName()))
                .setGeneration(Uint64.valueOf(record.generation())).build()).build();
        }, MoreExecutors.directExecutor());
    }

    private static <O> RpcResult<O> refused(final Refusal refusal) {
        return RpcResultBuilder.<O>failed().withError(ErrorType.APPLICATION,
            refusal.conflict() ? ErrorTag.RESOURCE_DENIED : ErrorTag.INVALID_VALUE, refusal.reason()).build();
    }
}
