/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupTypes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.add.bundle.messages.input.messages.Message;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.add.bundle.messages.input.messages.MessageBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleAddFlowCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleAddGroupCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleRemoveFlowCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleRemoveGroupCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleUpdateGroupCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.bundle.add.flow._case.AddFlowCaseDataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.bundle.add.group._case.AddGroupCaseDataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.bundle.remove.flow._case.RemoveFlowCaseDataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.bundle.remove.group._case.RemoveGroupCaseDataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.bundle.update.group._case.UpdateGroupCaseDataBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The OpenFlow messages liveflow puts in a bundle, in the form of the OpenFlowPlugin's bundle service: a flow
 * added (which replaces one with the same table, priority and match), a flow deleted by its exact table, priority
 * and match, a group added, modified or deleted, and the two deletions that empty a switch.
 */
final class BundleMessages {
    /** OFPTT_ALL: a flow deletion in every table. */
    private static final Uint8 ALL_TABLES = Uint8.valueOf(255);
    /** OFPG_ALL: a group deletion of every group. */
    private static final GroupId ALL_GROUPS = new GroupId(Uint32.valueOf(0xFFFF_FFFCL));

    private BundleMessages() {
        // factory methods only
    }

    static Message addFlow(final NodeRef node, final Flow flow) {
        return message(node, new BundleAddFlowCaseBuilder()
            .setAddFlowCaseData(new AddFlowCaseDataBuilder(flow).build()).build());
    }

    static Message removeFlow(final NodeRef node, final Flow flow) {
        return message(node, new BundleRemoveFlowCaseBuilder()
            .setRemoveFlowCaseData(new RemoveFlowCaseDataBuilder(flow).setStrict(true).build()).build());
    }

    static Message addGroup(final NodeRef node, final Group group) {
        return message(node, new BundleAddGroupCaseBuilder()
            .setAddGroupCaseData(new AddGroupCaseDataBuilder(group).build()).build());
    }

    static Message modifyGroup(final NodeRef node, final Group group) {
        return message(node, new BundleUpdateGroupCaseBuilder()
            .setUpdateGroupCaseData(new UpdateGroupCaseDataBuilder(group).build()).build());
    }

    static Message removeGroup(final NodeRef node, final Group group) {
        return message(node, new BundleRemoveGroupCaseBuilder()
            .setRemoveGroupCaseData(new RemoveGroupCaseDataBuilder(group).build()).build());
    }

    /** Deletes every flow of every table (a switch liveflow programs is liveflow's alone). */
    static Message removeAllFlows(final NodeRef node) {
        return message(node, new BundleRemoveFlowCaseBuilder().setRemoveFlowCaseData(new RemoveFlowCaseDataBuilder()
            .setTableId(ALL_TABLES).setMatch(new MatchBuilder().build()).setStrict(false).build()).build());
    }

    /** Deletes every group (and, in Open vSwitch, every flow that still used one). */
    static Message removeAllGroups(final NodeRef node) {
        return message(node, new BundleRemoveGroupCaseBuilder().setRemoveGroupCaseData(new RemoveGroupCaseDataBuilder()
            .setGroupId(ALL_GROUPS).setGroupType(GroupTypes.GroupAll).build()).build());
    }

    private static Message message(final NodeRef node, final org.opendaylight.yang.gen.v1.urn.opendaylight
            .openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping
            .BundleInnerMessage inner) {
        return new MessageBuilder().setNode(node).setBundleInnerMessage(inner).build();
    }
}
