/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.List;
import java.util.Map;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.api.QuotaUsage;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.quotas.Quota;

/**
 * A change may not take a tenant over one of its quotas. Lowering a quota below what a tenant already uses is
 * allowed (like Neutron): it only blocks further growth.
 */
final class QuotaRule implements ValidationRule {
    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final List<Violation> out) {
        if (after.quotas().isEmpty()) {
            return;
        }
        final Map<String, QuotaUsage> allAfter = QuotaUsage.byTenant(after);
        final Map<String, QuotaUsage> allBefore = QuotaUsage.byTenant(before);
        for (Quota quota : after.quotas().values()) {
            final String tenant = idOf(quota.getTenant());
            final QuotaUsage usedAfter = QuotaUsage.in(allAfter, tenant);
            final QuotaUsage usedBefore = QuotaUsage.in(allBefore, tenant);
            for (QuotaUsage.Resource resource : QuotaUsage.Resource.values()) {
                final Long limit = resource.limitIn(quota);
                final long now = usedAfter.count(resource);
                if (limit != null && now > limit && now > usedBefore.count(resource)) {
                    out.add(Violation.conflict("tenant " + tenant + ": " + resource.label() + " quota exceeded ("
                        + now + " " + resource.label() + ", limit " + limit + ")"));
                }
            }
        }
    }
}
