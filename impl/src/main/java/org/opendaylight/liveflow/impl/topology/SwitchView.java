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
 * What the OpenFlowPlugin reports of one connected switch: its node id and its ports by interface name.
 *
 * @param nodeId the OpenFlow node id, {@code openflow:<datapath-id>}
 * @param portsByName OpenFlow port number of every port, by OVS interface name
 */
public record SwitchView(String nodeId, Map<String, Long> portsByName) {
    public SwitchView {
        requireNonNull(nodeId);
        portsByName = Map.copyOf(portsByName);
    }
}
