/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The flow-mods that turn what one switch holds into another state of it, groups aside: what the activation fast
 * path sends at once, ahead of the reconciler's full write. A flow that would use a group the switch does not
 * hold yet is left out (the full write brings the group first); groups that are no longer used stay until the
 * full write deletes them, which is harmless.
 *
 * @param put flows to add, or to replace (same table, priority and match)
 * @param removed flows to delete
 */
public record FlowDelta(List<FlowSpec> put, List<FlowSpec> removed) {
    public static final FlowDelta NONE = new FlowDelta(List.of(), List.of());

    public FlowDelta {
        put = List.copyOf(put);
        removed = List.copyOf(removed);
    }

    /**
     * Returns the flow-mods from {@code from} to {@code to}, in flow-id order so a delta is reproducible.
     */
    public static FlowDelta between(final SwitchFlows from, final SwitchFlows to) {
        final List<FlowSpec> put = new ArrayList<>();
        // the maps are keyed by flow id already: FlowSpec.id() hashes, so it is not asked again
        for (Map.Entry<String, FlowSpec> flow : to.flows().entrySet()) {
            if (!flow.getValue().equals(from.flows().get(flow.getKey())) && usesOnlyGroupsOf(flow.getValue(), from)) {
                put.add(flow.getValue());
            }
        }
        final List<FlowSpec> removed = new ArrayList<>();
        for (Map.Entry<String, FlowSpec> flow : from.flows().entrySet()) {
            if (!to.flows().containsKey(flow.getKey())) {
                removed.add(flow.getValue());
            }
        }
        put.sort(Comparator.comparing(FlowSpec::id));
        removed.sort(Comparator.comparing(FlowSpec::id));
        return put.isEmpty() && removed.isEmpty() ? NONE : new FlowDelta(put, removed);
    }

    public boolean isEmpty() {
        return put.isEmpty() && removed.isEmpty();
    }

    public int size() {
        return put.size() + removed.size();
    }

    private static boolean usesOnlyGroupsOf(final FlowSpec flow, final SwitchFlows from) {
        return flow.actions().stream().filter(Action.Group.class::isInstance).map(Action.Group.class::cast)
            .allMatch(group -> from.groups().containsKey(group.groupId()));
    }
}
