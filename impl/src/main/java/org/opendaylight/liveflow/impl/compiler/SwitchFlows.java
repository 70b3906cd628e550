/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Everything liveflow wants on one switch: flows by id and groups by group id.
 */
public record SwitchFlows(Map<String, FlowSpec> flows, Map<Long, GroupSpec> groups) {
    public SwitchFlows {
        flows = Map.copyOf(flows);
        groups = Map.copyOf(groups);
    }

    static SwitchFlows of(final Iterable<FlowSpec> flows, final Iterable<GroupSpec> groups) {
        final Map<String, FlowSpec> flowMap = new HashMap<>();
        for (FlowSpec flow : flows) {
            final FlowSpec previous = flowMap.put(flow.id(), flow);
            if (previous != null && !previous.equals(flow)) {
                throw new IllegalStateException("Two flows with one match: " + previous + " and " + flow);
            }
        }
        final Map<Long, GroupSpec> groupMap = StreamSupport.stream(groups.spliterator(), false)
            .collect(Collectors.toMap(GroupSpec::groupId, Function.identity()));
        return new SwitchFlows(flowMap, groupMap);
    }
}
