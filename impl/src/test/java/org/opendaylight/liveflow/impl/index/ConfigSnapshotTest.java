/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.id;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.limit;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.port;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.api.QuotaUsage;
import org.opendaylight.liveflow.api.QuotaUsage.Resource;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * The configuration index answers the lookups the shell and the compiler rely on.
 */
class ConfigSnapshotTest {
    private final ConfigSnapshot snapshot = TestOverlay.base()
        .withNetwork("net2", "t1", 1002)
        .withPort(port("p0", "net2", "fa:16:3e:00:00:10").setBindingChassis(id("c1")))
        .withPort(port("p9", "net1", "fa:16:3e:00:00:09"))
        .withQuota(q -> q.setTenant(id("t1")).setPorts(limit(10)))
        .snapshot();

    @Test
    void emptyOverlayHasNothing() {
        final ConfigSnapshot empty = ConfigSnapshot.of(null);
        assertTrue(empty.ports().isEmpty());
        assertTrue(empty.portsOfNetwork("net1").isEmpty());
        assertTrue(empty.chassis().isEmpty());
    }

    @Test
    void objectsAreListedInIdOrder() {
        assertEquals(List.of("p0", "p1", "p2", "p9"), ids(snapshot.portsInIdOrder()));
        assertEquals(List.of("net1", "net2"), List.copyOf(snapshot.networks().keySet()));
    }

    @Test
    void portsAreGroupedByNetwork() {
        assertEquals(List.of("p1", "p2", "p9"), ids(snapshot.portsOfNetwork("net1")));
        assertEquals(List.of("p0"), ids(snapshot.portsOfNetwork("net2")));
        assertEquals(List.of(), ids(snapshot.portsOfNetwork("net3")));
    }

    @Test
    void onlyBoundPortsAreGroupedByChassis() {
        assertEquals(List.of("p0", "p1"), ids(snapshot.portsOnChassis("c1")));
        assertEquals(List.of("p2"), ids(snapshot.portsOnChassis("c2")));
    }

    @Test
    void subnetsAreGroupedByNetwork() {
        assertEquals(1, snapshot.subnetsOfNetwork("net1").size());
        assertTrue(snapshot.subnetsOfNetwork("net2").isEmpty());
    }

    @Test
    void quotaUsageCountsWhatATenantOwns() {
        final QuotaUsage usage = QuotaUsage.of(snapshot, "t1");
        assertEquals(4, usage.count(Resource.PORTS));
        assertEquals(2, usage.count(Resource.NETWORKS));
        assertEquals(1, usage.count(Resource.SUBNETS));
        assertEquals(0, usage.count(Resource.ROUTERS));
        assertEquals(10L, Resource.PORTS.limitIn(snapshot.quotas().get("t1")));
        assertEquals(null, Resource.ROUTERS.limitIn(snapshot.quotas().get("t1")));
        assertEquals(0, QuotaUsage.of(snapshot, "t9").count(Resource.PORTS));
    }

    private static List<String> ids(final List<Port> ports) {
        return ports.stream().map(p -> p.getId().getValue()).toList();
    }
}
