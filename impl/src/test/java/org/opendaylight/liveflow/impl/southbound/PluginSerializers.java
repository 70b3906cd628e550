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
import org.opendaylight.openflowjava.protocol.api.extensibility.OFGeneralSerializer;
import org.opendaylight.openflowjava.protocol.api.extensibility.OFSerializer;
import org.opendaylight.openflowjava.protocol.api.extensibility.SerializerExtensionProvider;
import org.opendaylight.openflowjava.protocol.api.extensibility.SerializerRegistry;
import org.opendaylight.openflowjava.protocol.api.keys.ActionSerializerKey;
import org.opendaylight.openflowjava.protocol.api.keys.ExperimenterIdMeterSubTypeSerializerKey;
import org.opendaylight.openflowjava.protocol.api.keys.ExperimenterIdSerializerKey;
import org.opendaylight.openflowjava.protocol.api.keys.ExperimenterSerializerKey;
import org.opendaylight.openflowjava.protocol.api.keys.InstructionSerializerKey;
import org.opendaylight.openflowjava.protocol.api.keys.MatchEntrySerializerKey;
import org.opendaylight.openflowjava.protocol.api.keys.MessageTypeKey;
import org.opendaylight.openflowjava.protocol.api.util.EncodeConstants;
import org.opendaylight.openflowjava.protocol.impl.serialization.SerializerRegistryImpl;
import org.opendaylight.openflowplugin.impl.protocol.serialization.SerializerInjector;
import org.opendaylight.openflowplugin.openflow.md.core.sal.convertor.ConvertorManager;
import org.opendaylight.openflowplugin.openflow.md.core.sal.convertor.ConvertorManagerFactory;
import org.opendaylight.openflowplugin.openflow.md.core.sal.convertor.data.XidConvertorData;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowMessage;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowMessageBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupMessage;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupMessageBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.GroupBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.types.rev130731.FlowModCommand;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.types.rev130731.GroupModCommand;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.MatchField;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.OxmClassBase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.protocol.rev130731.PacketOutInput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.protocol.rev130731.experimenter.core.ExperimenterDataOfChoice;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.protocol.rev130731.meter.band.header.meter.band.MeterBandExperimenterCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.protocol.rev130731.table.features.properties.grouping.TableFeatureProperties;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.add.bundle.messages.input.messages.Message;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.BundleInnerMessage;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleAddFlowCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleAddGroupCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleRemoveFlowCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleRemoveGroupCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleUpdateGroupCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.bundle.remove.flow._case.RemoveFlowCaseData;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.TransmitPacketInput;
import org.opendaylight.yangtools.yang.binding.DataContainer;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * The OpenFlowPlugin's own serializers of flows and groups (those its flow and group RPCs use), and its packet-out
 * conversion, as the reference the gate's encoders are compared with, byte for byte.
 */
final class PluginSerializers {
    /** An inventory flow needs an id; the wire carries none. */
    private static final FlowId ID = new FlowId("bundled");
    private static final OFSerializer<FlowMessage> FLOWS;
    private static final OFSerializer<GroupMessage> GROUPS;
    private static final OFSerializer<PacketOutInput> PACKET_OUTS;
    private static final ConvertorManager CONVERTORS = ConvertorManagerFactory.createDefaultManager();

    static {
        final SerializerRegistry registry = new SerializerRegistryImpl();
        registry.init();
        // false: a group add is an OFPGC_ADD, as the plugin is configured by default
        SerializerInjector.injectSerializers(new Registering(registry), false);
        FLOWS = registry.getSerializer(new MessageTypeKey<>(EncodeConstants.OF_VERSION_1_3, FlowMessage.class));
        GROUPS = registry.getSerializer(new MessageTypeKey<>(EncodeConstants.OF_VERSION_1_3, GroupMessage.class));
        PACKET_OUTS = registry.getSerializer(new MessageTypeKey<>(EncodeConstants.OF_VERSION_1_3,
            PacketOutInput.class));
    }

    private PluginSerializers() {
        // static helpers only
    }

    /** The FLOW_MOD the plugin writes for this flow and command, xid 0. */
    static byte[] flowMod(final Flow flow, final FlowModCommand command) {
        return serialized(FLOWS, new FlowMessageBuilder(flow).setVersion(EncodeConstants.OF_VERSION_1_3)
            .setCommand(command).setXid(Uint32.ZERO).build());
    }

    /** The GROUP_MOD the plugin writes for this group and command, xid 0. */
    static byte[] groupMod(final Group group, final GroupModCommand command) {
        return serialized(GROUPS, new GroupMessageBuilder(group).setVersion(EncodeConstants.OF_VERSION_1_3)
            .setCommand(command).setXid(Uint32.ZERO).build());
    }

    /**
     * The PACKET_OUT the plugin's transmit-packet writes for this input, xid 0: its packet-out conversion, then
     * its serializer.
     */
    static byte[] packetOut(final TransmitPacketInput input, final long datapathId) {
        final XidConvertorData data = new XidConvertorData(EncodeConstants.OF_VERSION_1_3);
        data.setDatapathId(Uint64.valueOf(datapathId));
        data.setXid(Uint32.ZERO);
        final PacketOutInput converted = CONVERTORS.<TransmitPacketInput, PacketOutInput, XidConvertorData>convert(
            input, data).orElseThrow();
        return serialized(PACKET_OUTS, converted);
    }

    /** The message inside a bundle-add the plugin writes for this message of its bundle service. */
    static byte[] bundled(final Message message) {
        final BundleInnerMessage inner = message.getBundleInnerMessage();
        if (inner instanceof BundleAddFlowCase add) {
            return flowMod(new FlowBuilder(add.getAddFlowCaseData()).setId(ID).build(), FlowModCommand.OFPFCADD);
        }
        if (inner instanceof BundleRemoveFlowCase remove) {
            final RemoveFlowCaseData data = remove.getRemoveFlowCaseData();
            return flowMod(new FlowBuilder(data).setId(ID).build(), Boolean.TRUE.equals(data.getStrict())
                ? FlowModCommand.OFPFCDELETESTRICT : FlowModCommand.OFPFCDELETE);
        }
        if (inner instanceof BundleAddGroupCase add) {
            return groupMod(new GroupBuilder(add.getAddGroupCaseData()).build(), GroupModCommand.OFPGCADD);
        }
        if (inner instanceof BundleUpdateGroupCase update) {
            return groupMod(new GroupBuilder(update.getUpdateGroupCaseData()).build(), GroupModCommand.OFPGCMODIFY);
        }
        if (inner instanceof BundleRemoveGroupCase remove) {
            return groupMod(new GroupBuilder(remove.getRemoveGroupCaseData()).build(), GroupModCommand.OFPGCDELETE);
        }
        throw new IllegalArgumentException("Not a message liveflow bundles: " + inner);
    }

    private static <T extends DataContainer> byte[] serialized(final OFSerializer<T> serializer, final T message) {
        final ByteBuf out = Unpooled.buffer();
        try {
            serializer.serialize(message, out);
            final byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    /** Registers the plugin's serializers into a registry, as the plugin's own serializer tests do. */
    private record Registering(SerializerRegistry registry) implements SerializerExtensionProvider {
        @Override
        public <K> void registerSerializer(final MessageTypeKey<K> key, final OFGeneralSerializer serializer) {
            registry.registerSerializer(key, serializer);
        }

        @Override
        public boolean unregisterSerializer(final ExperimenterSerializerKey key) {
            return false;
        }

        @Override
        public void registerActionSerializer(final ActionSerializerKey<?> key, final OFGeneralSerializer serializer) {
            // not used by the plugin's FLOW_MOD and GROUP_MOD serializers
        }

        @Override
        public void registerInstructionSerializer(final InstructionSerializerKey<?> key,
                final OFGeneralSerializer serializer) {
            // not used by the plugin's FLOW_MOD and GROUP_MOD serializers
        }

        @Override
        public <C extends OxmClassBase, F extends MatchField> void registerMatchEntrySerializer(
                final MatchEntrySerializerKey<C, F> key, final OFGeneralSerializer serializer) {
            // not used by the plugin's FLOW_MOD and GROUP_MOD serializers
        }

        @Override
        public void registerExperimenterMessageSerializer(
                final ExperimenterIdSerializerKey<? extends ExperimenterDataOfChoice> key,
                final OFSerializer<? extends ExperimenterDataOfChoice> serializer) {
            // not used by the plugin's FLOW_MOD and GROUP_MOD serializers
        }

        @Override
        public void registerMultipartRequestSerializer(
                final ExperimenterIdSerializerKey<? extends ExperimenterDataOfChoice> key,
                final OFSerializer<? extends ExperimenterDataOfChoice> serializer) {
            // not used by the plugin's FLOW_MOD and GROUP_MOD serializers
        }

        @Override
        public void registerMultipartRequestTFSerializer(
                final ExperimenterIdSerializerKey<TableFeatureProperties> key, final OFGeneralSerializer serializer) {
            // not used by the plugin's FLOW_MOD and GROUP_MOD serializers
        }

        @Override
        public void registerMeterBandSerializer(final ExperimenterIdSerializerKey<MeterBandExperimenterCase> key,
                final OFSerializer<MeterBandExperimenterCase> serializer) {
            // not used by the plugin's FLOW_MOD and GROUP_MOD serializers
        }

        @Override
        public void registerMeterBandSerializer(
                final ExperimenterIdMeterSubTypeSerializerKey<MeterBandExperimenterCase> key,
                final OFSerializer<MeterBandExperimenterCase> serializer) {
            // not used by the plugin's FLOW_MOD and GROUP_MOD serializers
        }
    }
}
