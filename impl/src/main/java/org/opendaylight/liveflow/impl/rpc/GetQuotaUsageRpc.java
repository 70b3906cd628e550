/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.rpc;

import static java.util.Objects.requireNonNull;
import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import com.google.common.collect.ImmutableMap;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.api.QuotaUsage;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.GetQuotaUsage;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.GetQuotaUsageInput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.GetQuotaUsageOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.GetQuotaUsageOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.get.quota.usage.output.Usage;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.get.quota.usage.output.UsageBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.quotas.Quota;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Answers get-quota-usage from the configuration index: per resource, what the tenant uses and its limit.
 */
final class GetQuotaUsageRpc implements GetQuotaUsage {
    private final ConfigIndex index;

    GetQuotaUsageRpc(final ConfigIndex index) {
        this.index = requireNonNull(index);
    }

    @Override
    public ListenableFuture<RpcResult<GetQuotaUsageOutput>> invoke(final GetQuotaUsageInput input) {
        final String tenant = idOf(input.getTenant());
        final ConfigSnapshot snapshot = index.current();
        if (!snapshot.tenants().containsKey(tenant)) {
            return RpcResultBuilder.<GetQuotaUsageOutput>failed()
                .withError(ErrorType.APPLICATION, ErrorTag.INVALID_VALUE, "tenant '" + tenant + "' does not exist")
                .buildFuture();
        }
        final QuotaUsage usage = QuotaUsage.of(snapshot, tenant);
        final Quota quota = snapshot.quotas().get(tenant);
        final List<Usage> rows = new ArrayList<>();
        for (QuotaUsage.Resource resource : QuotaUsage.Resource.values()) {
            final Long limit = quota == null ? null : resource.limitIn(quota);
            rows.add(new UsageBuilder()
                .setResource(resource.label())
                .setUsed(Uint32.valueOf(usage.count(resource)))
                .setLimit(limit == null ? null : Uint32.valueOf(limit))
                .build());
        }
        return RpcResultBuilder.success(new GetQuotaUsageOutputBuilder().setUsage(
            rows.stream().collect(ImmutableMap.toImmutableMap(Usage::key, u -> u)))
            .build()).buildFuture();
    }
}
