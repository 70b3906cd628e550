/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.opendaylight.liveflow.impl.compiler.Action;
import org.opendaylight.liveflow.impl.compiler.GroupSpec;

/**
 * Encodes a compiled group as the OpenFlow 1.3 GROUP_MOD the OpenFlowPlugin would send for the group {@link
 * OpenflowTranslator} gives, byte for byte: type ALL, each bucket with weight 0, watch port and group ANY, and its
 * actions as in a flow ({@link FlowModEncoder#writeActions}). A deletion carries no buckets. The bundles the gate
 * writes carry these ({@code GroupModEncoderTest} compares them with the plugin's serializer). The xid is left 0.
 */
final class GroupModEncoder {
    private static final int OPENFLOW_13 = 0x04;
    private static final int GROUP_MOD = 15;
    private static final int ADD = 0;
    private static final int MODIFY = 1;
    private static final int DELETE = 2;
    private static final int TYPE_ALL = 0;
    private static final int ANY = 0xFFFF_FFFF;
    /** OFPG_ALL: a deletion of every group. */
    private static final int ALL_GROUPS = 0xFFFF_FFFC;

    private GroupModEncoder() {
        // pure functions
    }

    /** The GROUP_MOD that adds the group. */
    static byte[] add(final GroupSpec spec) {
        return encode(ADD, (int) spec.groupId(), spec.buckets());
    }

    /** The GROUP_MOD that replaces the buckets of the group the switch holds under the same id. */
    static byte[] modify(final GroupSpec spec) {
        return encode(MODIFY, (int) spec.groupId(), spec.buckets());
    }

    /** The GROUP_MOD that deletes a group (and, in Open vSwitch, every flow still using it). */
    static byte[] delete(final long groupId) {
        return encode(DELETE, (int) groupId, List.of());
    }

    /** The GROUP_MOD that deletes every group. */
    static byte[] deleteAll() {
        return encode(DELETE, ALL_GROUPS, List.of());
    }

    private static byte[] encode(final int command, final int groupId, final List<List<Action>> buckets) {
        final ByteBuf out = Unpooled.buffer(64 + 64 * buckets.size());
        try {
            out.writeByte(OPENFLOW_13).writeByte(GROUP_MOD).writeShort(0).writeInt(0);
            out.writeShort(command).writeByte(TYPE_ALL).writeZero(1).writeInt(groupId);
            for (List<Action> bucket : buckets) {
                final int start = out.writerIndex();
                // length, weight, watch port, watch group, padding
                out.writeShort(0).writeShort(0).writeInt(ANY).writeInt(ANY).writeZero(4);
                FlowModEncoder.writeActions(bucket, out);
                out.setShort(start, out.writerIndex() - start);
            }
            return FlowModEncoder.bytes(out);
        } finally {
            out.release();
        }
    }
}
