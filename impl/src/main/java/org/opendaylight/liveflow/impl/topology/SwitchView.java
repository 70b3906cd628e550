/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.topology;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What the OpenFlowPlugin reports of one switch: its node id, its ports by interface name, and whether it is
 * connected now. A switch that disconnects keeps its last known ports: a restarting ovs-vswitchd does not
 * unplug its VMs, so the other chassis keep tunnelling to them (declaring a chassis dead is liveness' job).
 *
 * @param nodeId the OpenFlow node id, {@code openflow:<datapath-id>}
 * @param portsByName OpenFlow port number of every port, by OVS interface name
 * @param connected whether the switch is connected to this controller now
 * @param connection how many times this controller has seen the switch connect (1 for its first connection): a
 *     switch that went and came back between two looks at the inventory has another number
 */
public record SwitchView(String nodeId, Map<String, Long> portsByName, boolean connected, long connection) {
    public SwitchView {
        requireNonNull(nodeId);
        portsByName = Map.copyOf(portsByName);
    }

    public SwitchView(final String nodeId, final Map<String, Long> portsByName, final boolean connected) {
        this(nodeId, portsByName, connected, 0);
    }

    public SwitchView disconnected() {
        return new SwitchView(nodeId, portsByName, false, connection);
    }

    public SwitchView withConnection(final long number) {
        return new SwitchView(nodeId, portsByName, connected, number);
    }
}
