/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.topology;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;

/**
 * The switches liveflow has seen, by OpenFlow node id, connected or not, as one immutable snapshot derived from
 * the OpenFlowPlugin's operational inventory.
 */
public record SwitchInventory(Map<String, SwitchView> switches) {
    private static final SwitchInventory EMPTY = new SwitchInventory(Map.of());

    public SwitchInventory {
        switches = Map.copyOf(switches);
    }

    public static SwitchInventory empty() {
        return EMPTY;
    }

    /**
     * Returns the OpenFlow node id a chassis' integration bridge has, when its datapath id is configured.
     */
    public static Optional<String> nodeIdOf(final Chassis chassis) {
        return chassis.getDatapathId() == null ? Optional.empty()
            : Optional.of(nodeIdOf(chassis.getDatapathId().toJava()));
    }

    public static String nodeIdOf(final BigInteger datapathId) {
        return "openflow:" + datapathId;
    }

    /**
     * Returns the last known state of a chassis' switch, if the chassis has a datapath id and the switch was seen.
     */
    public Optional<SwitchView> switchOf(final Chassis chassis) {
        return nodeIdOf(chassis).map(switches::get);
    }

    /**
     * Returns the switch of a chassis only if it is connected now.
     */
    public Optional<SwitchView> connectedSwitchOf(final Chassis chassis) {
        return switchOf(chassis).filter(SwitchView::connected);
    }
}
