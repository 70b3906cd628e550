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
import org.opendaylight.liveflow.impl.compiler.Action;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.GroupSpec;
import org.opendaylight.liveflow.impl.compiler.Match;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.DecNwTtlCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.GroupActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.OutputActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.PopVlanActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.PushVlanActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.SetFieldCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.dec.nw.ttl._case.DecNwTtlBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.group.action._case.GroupActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.output.action._case.OutputActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.pop.vlan.action._case.PopVlanActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.push.vlan.action._case.PushVlanActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.set.field._case.SetFieldBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.ActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.InstructionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.GoToTableCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.WriteMetadataCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.apply.actions._case.ApplyActionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.go.to.table._case.GoToTableBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.write.metadata._case.WriteMetadataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.Instruction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.InstructionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.BucketId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupTypes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.group.BucketsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.group.buckets.Bucket;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.group.buckets.BucketBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.GroupBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.l2.types.rev130827.EtherType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.l2.types.rev130827.VlanId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.arp.match.fields.ArpSourceHardwareAddressBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.arp.match.fields.ArpTargetHardwareAddressBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.ethernet.match.fields.EthernetDestinationBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.ethernet.match.fields.EthernetSourceBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.ethernet.match.fields.EthernetTypeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.EthernetMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.MetadataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.TunnelBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.VlanMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.ArpMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv4MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.vlan.match.fields.VlanIdBuilder;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * Turns the compiler's flows and groups into the OpenFlowPlugin's inventory model, the form the config
 * datastore (and so the forwarding-rules manager) takes. Standard OpenFlow 1.3 fields only.
 */
final class OpenflowTranslator {
    private static final Uint16 NO_BUFFER = Uint16.MAX_VALUE;
    private static final int ETH_TYPE_VLAN = 0x8100;

    private OpenflowTranslator() {
        // pure functions
    }

    static Flow flow(final String nodeId, final FlowSpec spec) {
        final List<Instruction> instructions = new ArrayList<>();
        if (!spec.actions().isEmpty()) {
            instructions.add(new InstructionBuilder().setOrder(instructions.size())
                .setInstruction(new ApplyActionsCaseBuilder().setApplyActions(new ApplyActionsBuilder()
                    .setAction(BindingMap.ordered(actions(nodeId, spec.actions()))).build()).build())
                .build());
        }
        if (spec.writeMetadata() != null) {
            instructions.add(new InstructionBuilder().setOrder(instructions.size())
                .setInstruction(new WriteMetadataCaseBuilder().setWriteMetadata(new WriteMetadataBuilder()
                    .setMetadata(Uint64.fromLongBits(spec.writeMetadata()))
                    .setMetadataMask(Uint64.fromLongBits(spec.writeMetadataMask())).build()).build())
                .build());
        }
        if (spec.gotoTable() != null) {
            instructions.add(new InstructionBuilder().setOrder(instructions.size())
                .setInstruction(new GoToTableCaseBuilder().setGoToTable(new GoToTableBuilder()
                    .setTableId(Uint8.valueOf(spec.gotoTable().id())).build()).build())
                .build());
        }
        return new FlowBuilder()
            .setId(new FlowId(spec.id()))
            .setTableId(Uint8.valueOf(spec.table().id()))
            .setPriority(Uint16.valueOf(spec.priority()))
            .setCookie(new FlowCookie(Uint64.fromLongBits(spec.owner().cookie())))
            .setFlowName(spec.owner().toString())
            .setHardTimeout(Uint16.ZERO)
            // the datastore gives back strict=false (its default), and an identical flow must compare equal
            .setStrict(false)
            .setIdleTimeout(Uint16.ZERO)
            .setMatch(match(nodeId, spec.match()))
            .setInstructions(new InstructionsBuilder().setInstruction(BindingMap.ordered(instructions)).build())
            .build();
    }

    static Group group(final String nodeId, final GroupSpec spec) {
        final List<Bucket> buckets = new ArrayList<>();
        for (List<Action> bucket : spec.buckets()) {
            buckets.add(new BucketBuilder().setBucketId(new BucketId(Uint32.valueOf(buckets.size())))
                .setAction(BindingMap.ordered(actions(nodeId, bucket))).build());
        }
        return new GroupBuilder()
            .setGroupId(new GroupId(Uint32.valueOf(spec.groupId())))
            .setGroupType(GroupTypes.GroupAll)
            .setGroupName(spec.owner().toString())
            .setBarrier(false)
            .setBuckets(new BucketsBuilder().setBucket(BindingMap.ordered(buckets)).build())
            .build();
    }

    private static org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Match match(
            final String nodeId, final Match spec) {
        final MatchBuilder match = new MatchBuilder();
        if (spec.inPort() != null) {
            match.setInPort(new NodeConnectorId(nodeId + ":" + spec.inPort()));
        }
        if (spec.metadata() != null) {
            match.setMetadata(new MetadataBuilder().setMetadata(Uint64.fromLongBits(spec.metadata()))
                .setMetadataMask(Uint64.fromLongBits(spec.metadataMask())).build());
        }
        if (spec.tunnelId() != null) {
            match.setTunnel(new TunnelBuilder().setTunnelId(Uint64.valueOf(spec.tunnelId())).build());
        }
        if (spec.vlanVid() != null) {
            // the plugin writes vlan_vid=0x1000/0x1000 (any tag) for "present" without an id, else present|id
            final int vid = spec.vlanVid() & ~Match.VLAN_PRESENT;
            match.setVlanMatch(new VlanMatchBuilder().setVlanId(new VlanIdBuilder().setVlanIdPresent(true)
                .setVlanId(new VlanId(Uint16.valueOf(vid))).build()).build());
        }
        if (spec.ethType() != null || spec.ethSrc() != null || spec.ethDst() != null) {
            final EthernetMatchBuilder ethernet = new EthernetMatchBuilder();
            if (spec.ethType() != null) {
                ethernet.setEthernetType(new EthernetTypeBuilder()
                    .setType(new EtherType(Uint32.valueOf(spec.ethType()))).build());
            }
            if (spec.ethSrc() != null) {
                ethernet.setEthernetSource(new EthernetSourceBuilder().setAddress(new MacAddress(spec.ethSrc()))
                    .build());
            }
            if (spec.ethDst() != null) {
                ethernet.setEthernetDestination(new EthernetDestinationBuilder()
                    .setAddress(new MacAddress(spec.ethDst()))
                    .setMask(spec.ethDstMask() == null ? null : new MacAddress(spec.ethDstMask())).build());
            }
            match.setEthernetMatch(ethernet.build());
        }
        if (spec.ipv4Src() != null || spec.ipv4Dst() != null) {
            match.setLayer3Match(new Ipv4MatchBuilder()
                .setIpv4Source(spec.ipv4Src() == null ? null : prefix(spec.ipv4Src()))
                .setIpv4Destination(spec.ipv4Dst() == null ? null : prefix(spec.ipv4Dst())).build());
        } else if (spec.arpOp() != null || spec.arpSpa() != null || spec.arpTpa() != null || spec.arpSha() != null) {
            final ArpMatchBuilder arp = new ArpMatchBuilder();
            if (spec.arpOp() != null) {
                arp.setArpOp(Uint16.valueOf(spec.arpOp()));
            }
            if (spec.arpSpa() != null) {
                arp.setArpSourceTransportAddress(prefix(spec.arpSpa()));
            }
            if (spec.arpTpa() != null) {
                arp.setArpTargetTransportAddress(prefix(spec.arpTpa()));
            }
            if (spec.arpSha() != null) {
                arp.setArpSourceHardwareAddress(new ArpSourceHardwareAddressBuilder()
                    .setAddress(new MacAddress(spec.arpSha())).build());
            }
            match.setLayer3Match(arp.build());
        }
        return match.build();
    }

    private static List<org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.Action>
            actions(final String nodeId, final List<Action> specs) {
        final var out = new ArrayList<org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action
            .list.Action>();
        for (Action spec : specs) {
            final ActionBuilder action = new ActionBuilder().setOrder(out.size());
            if (spec instanceof Action.Output output) {
                action.setAction(new OutputActionCaseBuilder().setOutputAction(new OutputActionBuilder()
                    .setOutputNodeConnector(new Uri(nodeId + ":" + output.port())).setMaxLength(NO_BUFFER).build())
                    .build());
            } else if (spec instanceof Action.OutputInPort) {
                action.setAction(new OutputActionCaseBuilder().setOutputAction(new OutputActionBuilder()
                    .setOutputNodeConnector(new Uri("INPORT")).setMaxLength(NO_BUFFER).build()).build());
            } else if (spec instanceof Action.ToController) {
                action.setAction(new OutputActionCaseBuilder().setOutputAction(new OutputActionBuilder()
                    .setOutputNodeConnector(new Uri("CONTROLLER")).setMaxLength(NO_BUFFER).build()).build());
            } else if (spec instanceof Action.Group group) {
                action.setAction(new GroupActionCaseBuilder().setGroupAction(new GroupActionBuilder()
                    .setGroupId(Uint32.valueOf(group.groupId())).build()).build());
            } else if (spec instanceof Action.SetTunnelId tunnel) {
                action.setAction(new SetFieldCaseBuilder().setSetField(new SetFieldBuilder().setTunnel(
                    new TunnelBuilder().setTunnelId(Uint64.valueOf(tunnel.vni())).build()).build()).build());
            } else if (spec instanceof Action.SetField field) {
                action.setAction(new SetFieldCaseBuilder().setSetField(setField(field)).build());
            } else if (spec instanceof Action.PushVlan) {
                action.setAction(new PushVlanActionCaseBuilder().setPushVlanAction(new PushVlanActionBuilder()
                    .setEthernetType(Uint16.valueOf(ETH_TYPE_VLAN)).build()).build());
            } else if (spec instanceof Action.PopVlan) {
                action.setAction(new PopVlanActionCaseBuilder().setPopVlanAction(new PopVlanActionBuilder().build())
                    .build());
            } else if (spec instanceof Action.SetVlanVid vlan) {
                action.setAction(new SetFieldCaseBuilder().setSetField(new SetFieldBuilder().setVlanMatch(
                    new VlanMatchBuilder().setVlanId(new VlanIdBuilder().setVlanIdPresent(true)
                        .setVlanId(new VlanId(Uint16.valueOf(vlan.vid()))).build()).build()).build()).build());
            } else if (spec instanceof Action.DecNwTtl) {
                action.setAction(new DecNwTtlCaseBuilder().setDecNwTtl(new DecNwTtlBuilder().build()).build());
            } else {
                throw new IllegalArgumentException("Unsupported action " + spec);
            }
            out.add(action.build());
        }
        return out;
    }

    private static org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.set.field
            ._case.SetField setField(final Action.SetField field) {
        final SetFieldBuilder out = new SetFieldBuilder();
        final String value = field.value();
        switch (field.field()) {
            case ETH_SRC -> out.setEthernetMatch(new EthernetMatchBuilder().setEthernetSource(
                new EthernetSourceBuilder().setAddress(new MacAddress(value)).build()).build());
            case ETH_DST -> out.setEthernetMatch(new EthernetMatchBuilder().setEthernetDestination(
                new EthernetDestinationBuilder().setAddress(new MacAddress(value)).build()).build());
            case IPV4_SRC -> out.setLayer3Match(new Ipv4MatchBuilder().setIpv4Source(prefix(value)).build());
            case IPV4_DST -> out.setLayer3Match(new Ipv4MatchBuilder().setIpv4Destination(prefix(value)).build());
            case ARP_OP -> out.setLayer3Match(new ArpMatchBuilder().setArpOp(Uint16.valueOf(value)).build());
            case ARP_SHA -> out.setLayer3Match(new ArpMatchBuilder().setArpSourceHardwareAddress(
                new ArpSourceHardwareAddressBuilder().setAddress(new MacAddress(value)).build()).build());
            case ARP_SPA -> out.setLayer3Match(new ArpMatchBuilder().setArpSourceTransportAddress(prefix(value))
                .build());
            case ARP_THA -> out.setLayer3Match(new ArpMatchBuilder().setArpTargetHardwareAddress(
                new ArpTargetHardwareAddressBuilder().setAddress(new MacAddress(value)).build()).build());
            case ARP_TPA -> out.setLayer3Match(new ArpMatchBuilder().setArpTargetTransportAddress(prefix(value))
                .build());
            default -> throw new IllegalArgumentException("Unsupported field " + field.field());
        }
        return out.build();
    }

    private static Ipv4Prefix prefix(final String address) {
        return new Ipv4Prefix(address.indexOf('/') >= 0 ? address : address + "/32");
    }
}
