/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;
import static org.opendaylight.liveflow.impl.validation.Touched.ofChanged;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.api.QuotaUsage;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.quotas.Quota;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;

/**
 * A change may not take a tenant over one of its quotas. Lowering a quota below what a tenant already uses is
 * allowed (like Neutron): it only blocks further growth. Checked for the tenants whose entries or quota the change
 * wrote, from the usage each snapshot keeps per tenant.
 */
final class QuotaRule implements ValidationRule {
    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final ConfigChange change,
            final List<Violation> out) {
        if (after.quotas().isEmpty()) {
            return;
        }
        final Set<String> tenants = new TreeSet<>(change.ids(ConfigKind.QUOTA));
        tenants.addAll(ofChanged(before, after, change, ConfigKind.NETWORK, (Network n) -> idOf(n.getTenant())));
        tenants.addAll(ofChanged(before, after, change, ConfigKind.SUBNET, (Subnet n) -> idOf(n.getTenant())));
        tenants.addAll(ofChanged(before, after, change, ConfigKind.PORT, (Port n) -> idOf(n.getTenant())));
        tenants.addAll(ofChanged(before, after, change, ConfigKind.ROUTER, (Router r) -> idOf(r.getTenant())));
        tenants.addAll(ofChanged(before, after, change, ConfigKind.FLOATING_IP,
            (FloatingIp n) -> idOf(n.getTenant())));
        for (Quota quota : Touched.present(after.quotas(), tenants)) {
            final String tenant = idOf(quota.getTenant());
            final QuotaUsage usedAfter = QuotaUsage.of(after, tenant);
            final QuotaUsage usedBefore = QuotaUsage.of(before, tenant);
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
