/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.id;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.port;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.compiler.Owner;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;

/**
 * A trap's packet-in is an announcement of the port its cookie names only when the frame's source is that port's
 * VM (or a sub-port's) and it came in on that port's interface.
 */
class AnnouncementMatcherTest {
    private static final long TRAP_P1 = Owner.migration("p1", 3).cookie();
    private final ConfigSnapshot config = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
        .withPort(port("sp", "net1", "fa:16:3e:00:00:09", "s1", "10.0.0.19").setBindingChassis(id("c1")))
        .withTrunk("tr1", "p1", "sp:100")
        .snapshot();
    private final SwitchInventory switches = new SwitchInventory(Map.of(
        "openflow:2", new SwitchView("openflow:2", Map.of("p1", 7L, "p2", 8L), true)));

    private AnnouncementMatcher.Match match(final SwitchInventory inventory, final long cookie, final String mac,
            final String connector) {
        final AnnouncementMatcher.Match scanned = AnnouncementMatcher.match(config, inventory, cookie,
            AnnouncementFrame.rarp(mac), "openflow:2", connector, List.of());
        for (List<String> migrating : List.of(List.of("p1"), List.of("p2", "sp"), List.of("p3", "p1", "gone"))) {
            assertEquals(scanned, AnnouncementMatcher.match(config, inventory, cookie, AnnouncementFrame.rarp(mac),
                "openflow:2", connector, migrating), "the ports tried first change nothing: " + migrating);
        }
        return scanned;
    }

    @Test
    void theVmsRarpOnItsInterfaceAnnouncesTheGenerationOfTheTrap() {
        assertEquals(new AnnouncementMatcher.Found(new MigrationEvent.Announced("p1", "c2", 3, "RARP")),
            match(switches, TRAP_P1, "fa:16:3e:00:00:01", "openflow:2:7"));
    }

    @Test
    void aSubPortsRarpAnnouncesItsTrunksParent() {
        assertEquals(new AnnouncementMatcher.Found(new MigrationEvent.Announced("p1", "c2", 3, "RARP")),
            match(switches, TRAP_P1, "fa:16:3e:00:00:09", "openflow:2:7"));
    }

    @Test
    void anotherInterfaceOrAnotherMacIsIgnored() {
        final AnnouncementMatcher.Match elsewhere = match(switches, TRAP_P1, "fa:16:3e:00:00:01", "openflow:2:8");
        assertEquals(true, assertInstanceOf(AnnouncementMatcher.Ignored.class, elsewhere).notable());
        assertInstanceOf(AnnouncementMatcher.Ignored.class, match(switches, TRAP_P1, "fa:16:3e:00:00:02",
            "openflow:2:7"));
        assertInstanceOf(AnnouncementMatcher.Ignored.class, match(switches, 0x1234L, "fa:16:3e:00:00:01",
            "openflow:2:7"), "not a migration cookie");
    }

    @Test
    void aPortTheInventoryDoesNotListYetIsToBeCheckedAgain() {
        final SwitchInventory empty = new SwitchInventory(Map.of("openflow:2",
            new SwitchView("openflow:2", Map.of(), true)));
        assertEquals("p1", assertInstanceOf(AnnouncementMatcher.PortNotListed.class,
            match(empty, TRAP_P1, "fa:16:3e:00:00:01", "openflow:2:7")).port());
    }
}
