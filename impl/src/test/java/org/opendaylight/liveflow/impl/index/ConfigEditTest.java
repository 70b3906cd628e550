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
import static org.opendaylight.liveflow.impl.testing.SnapshotAssert.assertSameChange;
import static org.opendaylight.liveflow.impl.testing.SnapshotAssert.assertSameContent;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.id;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.port;

import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigEdit;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.api.QuotaUsage;
import org.opendaylight.liveflow.api.QuotaUsage.Resource;
import org.opendaylight.liveflow.impl.testing.RandomChanges;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.yangtools.yang.binding.DataObject;

/**
 * A snapshot derived entry by entry from the one before it holds exactly what a snapshot converted from the whole
 * overlay holds, and the edit names exactly the entries that changed.
 */
class ConfigEditTest {
    @Test
    void derivedSnapshotsMatchWholeConversionsOverRandomChanges() {
        for (long seed = 1; seed <= 20; seed++) {
            final RandomChanges changes = new RandomChanges(seed);
            TestOverlay overlay = TestOverlay.base();
            ConfigSnapshot derived = overlay.snapshot();
            for (int step = 0; step < 100; step++) {
                final TestOverlay next = overlay.copy();
                final String what = changes.apply(next) + ", " + changes.apply(next);
                if (step % 25 == 0) {
                    next.withLiveness(500 + step, 5000);
                }
                final ConfigSnapshot whole = next.snapshot();
                final ConfigChange expected = ConfigChange.between(derived, whole);
                final ConfigEdit edit = derived.edit();
                for (ConfigKind kind : ConfigKind.values()) {
                    for (String changed : expected.ids(kind)) {
                        final DataObject entry = kind.in(whole).get(changed);
                        if (entry != null) {
                            edit.put(entry);
                        } else {
                            edit.remove(kind, changed);
                        }
                    }
                }
                edit.livenessSettings(next.overlay().getLivenessSettings());
                final String when = "seed " + seed + " step " + step + " (" + what + ")";
                final ConfigSnapshot built = edit.build();
                assertSameContent(whole, built, when);
                assertSameChange(expected, edit.change(), when);
                overlay = next;
                derived = built;
            }
        }
    }

    @Test
    void writingAnEntryAsItIsChangesNothing() {
        final ConfigSnapshot snapshot = TestOverlay.base().snapshot();
        final ConfigEdit edit = snapshot.edit().put(snapshot.ports().get("p1")).put(snapshot.networks().get("net1"));
        assertTrue(edit.change().isEmpty());
    }

    @Test
    void usageFollowsEntriesMovingBetweenTenants() {
        final ConfigSnapshot before = TestOverlay.base().withTenant("t2").snapshot();
        final ConfigSnapshot after = before.edit()
            .put(port("p1", "net1", "fa:16:3e:00:00:01", "s1", "10.0.0.11").setTenant(id("t2")).build())
            .remove(ConfigKind.PORT, "p2")
            .build();
        assertEquals(2, QuotaUsage.of(before, "t1").count(Resource.PORTS));
        assertEquals(0, QuotaUsage.of(after, "t1").count(Resource.PORTS));
        assertEquals(1, QuotaUsage.of(after, "t2").count(Resource.PORTS));
        assertEquals(1, QuotaUsage.of(after, "t1").count(Resource.NETWORKS));
    }
}
