/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.GroupSpec;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;

/**
 * A switch's bundle as the OpenFlow messages the gate writes ({@link GateBundleWriter}): the same messages, in the
 * same order, as the OpenFlowPlugin's bundle ({@link ReconcilePlan#bundle}), encoded from the specs. A pure function.
 *
 * <p>A plan can only be encoded when every flow it deletes or replaces under another match is known by its spec.
 * A flow liveflow knows only from the record (read after a controller restart, before liveflow wrote the switch) is
 * not; such a plan takes the plugin's way. A bundle that replaces everything needs no old flow.
 */
final class BundleEncoding {
    private BundleEncoding() {
        // pure functions
    }

    /**
     * The messages of the plan, from what the switch holds; empty if a flow it deletes or replaces has no spec.
     *
     * @param groups the wanted groups' specs, by id (every group the plan writes is among them)
     */
    static Optional<List<byte[]>> of(final ReconcilePlan plan, final ReconcilePlan.Contents current,
            final Map<Long, GroupSpec> groups) {
        final List<byte[]> messages = new ArrayList<>();
        final boolean encoded = plan.all().allMatch(change -> encode(change, current, groups, messages));
        return encoded ? Optional.of(messages) : Optional.empty();
    }

    /**
     * The messages that make the switch hold exactly what is wanted, whatever it holds: every flow and group
     * deleted, then the plan from nothing ({@link ReconcilePlan#replacing}).
     */
    static List<byte[]> replacing(final ReconcilePlan fromNothing, final Map<Long, GroupSpec> groups) {
        final List<byte[]> messages = new ArrayList<>();
        messages.add(FlowModEncoder.deleteAll());
        messages.add(GroupModEncoder.deleteAll());
        fromNothing.all().forEach(change -> {
            if (!encode(change, ReconcilePlan.Contents.EMPTY, groups, messages)) {
                throw new IllegalArgumentException("A plan from nothing has a change with no spec: " + change.path());
            }
        });
        return messages;
    }

    private static boolean encode(final ReconcilePlan.Change change, final ReconcilePlan.Contents current,
            final Map<Long, GroupSpec> groups, final List<byte[]> messages) {
        if (change instanceof ReconcilePlan.Put<?> put) {
            if (put.data() instanceof Group group) {
                final GroupSpec spec = groups.get(group.getGroupId().getValue().toJava());
                if (spec == null) {
                    return false;
                }
                messages.add(put.previous() == null ? GroupModEncoder.add(spec) : GroupModEncoder.modify(spec));
                return true;
            }
            if (put.data() instanceof Flow && put.spec() != null) {
                final Flow old = put.replacedFlow();
                if (old != null) {
                    final FlowSpec oldSpec = current.specs().get(old.getId().getValue());
                    if (oldSpec == null) {
                        return false;
                    }
                    messages.add(FlowModEncoder.deleteStrict(oldSpec));
                }
                messages.add(FlowModEncoder.add(put.spec()));
                return true;
            }
            return false;
        }
        if (change instanceof ReconcilePlan.NewFlow added) {
            messages.add(FlowModEncoder.add(added.spec()));
            return true;
        }
        if (change instanceof ReconcilePlan.Delete<?> delete) {
            if (delete.data() instanceof Group group) {
                messages.add(GroupModEncoder.delete(group.getGroupId().getValue().toJava()));
                return true;
            }
            if (delete.data() instanceof Flow flow) {
                final FlowSpec spec = current.specs().get(flow.getId().getValue());
                if (spec == null) {
                    return false;
                }
                messages.add(FlowModEncoder.deleteStrict(spec));
                return true;
            }
        }
        return false;
    }
}
