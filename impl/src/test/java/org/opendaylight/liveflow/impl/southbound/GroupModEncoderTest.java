/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.compiler.GroupSpec;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupTypes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.GroupBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.types.rev130731.GroupModCommand;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The gate's GROUP_MODs against the OpenFlowPlugin's own serializer, byte for byte, for every group of the overlays
 * {@link FlowModEncoderTest} compiles (flooding groups with tunnel and local buckets, trunk groups with VLAN tags),
 * as additions, modifications and deletions, and the deletion of every group a replacing bundle starts with.
 */
class GroupModEncoderTest {
    @Test
    void everyCompiledGroupIsTheBytesThePluginSends() {
        final Map<String, GroupSpec> corpus = new LinkedHashMap<>();
        FlowModEncoderTest.compiledSwitches().forEach(ofSwitch -> ofSwitch.groups().values()
            .forEach(group -> corpus.put(group.toString(), group)));
        final List<String> differing = new ArrayList<>();
        for (GroupSpec spec : corpus.values()) {
            final Group group = OpenflowTranslator.group(LabFlows.NODE, spec);
            FlowModEncoderTest.compare("add " + spec, GroupModEncoder.add(spec),
                PluginSerializers.groupMod(group, GroupModCommand.OFPGCADD), differing);
            FlowModEncoderTest.compare("modify " + spec, GroupModEncoder.modify(spec),
                PluginSerializers.groupMod(group, GroupModCommand.OFPGCMODIFY), differing);
            FlowModEncoderTest.compare("delete " + spec, GroupModEncoder.delete(spec.groupId()),
                PluginSerializers.groupMod(group, GroupModCommand.OFPGCDELETE), differing);
        }
        FlowModEncoderTest.compare("delete all", GroupModEncoder.deleteAll(), PluginSerializers.groupMod(
            new GroupBuilder().setGroupId(new GroupId(Uint32.valueOf(0xFFFF_FFFCL))).setGroupType(GroupTypes.GroupAll)
                .build(), GroupModCommand.OFPGCDELETE), differing);
        assertEquals(List.of(), differing);
        // groups of one bucket and of several, with actions of several kinds, or the comparison proves little
        assertTrue(corpus.size() >= 4, "groups compiled: " + corpus.size());
        assertTrue(corpus.values().stream().anyMatch(group -> group.buckets().size() > 2), "no group of 3 buckets");
        assertTrue(corpus.values().stream().flatMap(group -> group.buckets().stream())
            .anyMatch(bucket -> bucket.size() > 1), "no bucket of several actions");
    }
}
