/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.id;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.port;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.compiler.Action;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.Match;
import org.opendaylight.liveflow.impl.compiler.OverlayCompiler;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.compiler.SwitchFlows;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.types.rev130731.FlowModCommand;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The gate's FLOW_MODs against the OpenFlowPlugin's own serializer (the one its add-flow and remove-flow RPCs
 * use), byte for byte, for every flow of compiled overlays that use every match field and action the compiler
 * emits: routers, floating IPs, an external network, a trunk, migrations prepared and switched.
 */
class FlowModEncoderTest {
    private static final String NODE = LabFlows.NODE;

    @Test
    void everyCompiledFlowIsTheBytesThePluginSends() {
        final List<FlowSpec> corpus = corpus();
        final List<String> differing = new ArrayList<>();
        for (FlowSpec spec : corpus) {
            final Flow flow = OpenflowTranslator.flow(NODE, spec);
            compare("add " + spec, FlowModEncoder.add(spec), PluginSerializers.flowMod(flow, FlowModCommand.OFPFCADD),
                differing);
            compare("strict removal " + spec, FlowModEncoder.deleteStrict(spec),
                PluginSerializers.flowMod(new FlowBuilder(flow).setStrict(true).build(),
                    FlowModCommand.OFPFCDELETESTRICT),
                differing);
        }
        assertEquals(List.of(), differing);
        // the corpus must hold what the compiler emits, or the comparison proves little
        assertEquals(Set.of("Output", "OutputInPort", "ToController", "Group", "SetTunnelId", "DecNwTtl", "PushVlan",
            "PopVlan", "SetVlanVid", "SetField ETH_SRC", "SetField ETH_DST", "SetField IPV4_SRC", "SetField IPV4_DST",
            "SetField ARP_OP", "SetField ARP_SHA", "SetField ARP_SPA", "SetField ARP_THA", "SetField ARP_TPA"),
            actionKinds(corpus));
        assertEquals(Set.of("inPort", "metadata", "metadataMask", "tunnelId", "ethSrc", "ethDst", "ethDstMask",
            "ethType", "ipv4Src", "ipv4Dst", "ipv4 prefix", "arpOp", "arpSpa", "arpTpa", "arpSha", "vlanVid",
            "vlan present", "writeMetadata", "gotoTable"), matchKinds(corpus));
    }

    @Test
    void theBundlesOwnFlowModsAreTheBytesThePluginSends() {
        final List<String> differing = new ArrayList<>();
        // the plugin's bundle deletes every flow with a non-strict removal of table 255 that matches everything
        final Flow everyFlow = new FlowBuilder().setId(new FlowId("all")).setTableId(Uint8.valueOf(255))
            .setMatch(new MatchBuilder().build()).build();
        compare("delete all", FlowModEncoder.deleteAll(), PluginSerializers.flowMod(everyFlow,
            FlowModCommand.OFPFCDELETE), differing);
        compare("receipt", FlowModEncoder.addMatchAll(BundleReceipt.TABLE, BundleReceipt.cookie(77)),
            PluginSerializers.flowMod(BundleReceipt.flow(77), FlowModCommand.OFPFCADD), differing);
        assertEquals(List.of(), differing);
    }

    @Test
    void theGateWarmUpsRemovalIsTheBytesThePluginSendsForTheSameRemoval() {
        final List<String> differing = new ArrayList<>();
        for (FlowSpec spec : corpus()) {
            // the plugin's way's warm-up, without the instructions a removal does not need
            final Flow noOp = new FlowBuilder(OpenflowTranslator.flow(NODE, spec)).setInstructions(null)
                .setPriority(ActivationFastPath.WARM_UP_PRIORITY)
                .setCookie(new FlowCookie(ActivationFastPath.WARM_UP_COOKIE))
                .setCookieMask(new FlowCookie(Uint64.MAX_VALUE)).setStrict(true).build();
            compare("warm-up like " + spec, FlowModEncoder.deleteStrictOf(spec,
                ActivationFastPath.WARM_UP_PRIORITY.intValue(), ActivationFastPath.WARM_UP_COOKIE.longValue()),
                PluginSerializers.flowMod(noOp, FlowModCommand.OFPFCDELETESTRICT), differing);
        }
        assertEquals(List.of(), differing);
    }

    static void compare(final String what, final byte[] ours, final byte[] theirs,
            final List<String> differing) {
        final HexFormat hex = HexFormat.of();
        if (!hex.formatHex(ours).equals(hex.formatHex(theirs))) {
            differing.add(what + "\n  ours:   " + hex.formatHex(ours) + "\n  plugin: " + hex.formatHex(theirs));
        }
    }

    /**
     * The lab overlay (a router, an external network, a floating IP) on two switches in every phase of a migration,
     * and a trunk overlay on two switches.
     */
    static List<SwitchFlows> compiledSwitches() {
        final List<SwitchFlows> switches = new ArrayList<>();
        for (PortMigration.Phase phase : new PortMigration.Phase[] {null, PortMigration.Phase.PREPARED,
            PortMigration.Phase.SWITCHED}) {
            for (String chassis : List.of("c1", "c2")) {
                switches.add(LabFlows.compile(chassis, phase));
            }
        }
        final TestOverlay trunk = TestOverlay.base().withDatapathId("c1", 1).withDatapathId("c2", 2)
            .withNetwork("net2", "t1", 1002).withSubnet("s2", "net2", "10.0.2.0/24", "10.0.2.1")
            .withPort(port("sp2", "net2", "fa:16:3e:00:00:01", "s2", "10.0.2.11"))
            .withPort(port("q2", "net2", "fa:16:3e:00:00:22", "s2", "10.0.2.12").setBindingChassis(id("c2")))
            .withTrunk("tr1", "p1", "sp2:100");
        final SwitchInventory inventory = new SwitchInventory(Map.of(
            "openflow:1", new SwitchView("openflow:1", Map.of("p1", 1L, "tun-c2", 100L), true),
            "openflow:2", new SwitchView("openflow:2", Map.of("p1", 7L, "p2", 1L, "q2", 2L, "tun-c1", 100L), true)));
        for (String chassis : List.of("c1", "c2")) {
            switches.add(new OverlayCompiler().compile(trunk.snapshot(), inventory, Map.of(), chassis));
        }
        return switches;
    }

    private static List<FlowSpec> corpus() {
        final Map<String, FlowSpec> flows = new LinkedHashMap<>();
        compiledSwitches().forEach(ofSwitch -> ofSwitch.flows().values()
            .forEach(spec -> flows.put(spec.toString(), spec)));
        // the compiler masks no eth_dst today; the encoder must still write a mask as the plugin does
        final FlowSpec any = flows.values().iterator().next();
        final FlowSpec multicast = new FlowSpec(any.table(), any.priority(),
            any.match().withEthDst("01:00:00:00:00:00", "01:00:00:00:00:00"), any.actions(), any.writeMetadata(),
            any.writeMetadataMask(), any.gotoTable(), any.owner());
        flows.put(multicast.toString(), multicast);
        return List.copyOf(flows.values());
    }

    private static Set<String> actionKinds(final List<FlowSpec> corpus) {
        final Set<String> kinds = new TreeSet<>();
        corpus.forEach(spec -> spec.actions().forEach(action -> kinds.add(action instanceof Action.SetField field
            ? "SetField " + field.field() : action.getClass().getSimpleName())));
        return kinds;
    }

    private static Set<String> matchKinds(final List<FlowSpec> corpus) {
        final Set<String> kinds = new TreeSet<>();
        for (FlowSpec spec : corpus) {
            final Match match = spec.match();
            addIf(kinds, match.inPort() != null, "inPort");
            addIf(kinds, match.metadata() != null, "metadata");
            addIf(kinds, match.metadataMask() != null, "metadataMask");
            addIf(kinds, match.tunnelId() != null, "tunnelId");
            addIf(kinds, match.ethSrc() != null, "ethSrc");
            addIf(kinds, match.ethDst() != null, "ethDst");
            addIf(kinds, match.ethDstMask() != null, "ethDstMask");
            addIf(kinds, match.ethType() != null, "ethType");
            addIf(kinds, match.ipv4Src() != null, "ipv4Src");
            addIf(kinds, match.ipv4Dst() != null, "ipv4Dst");
            addIf(kinds, match.ipv4Dst() != null && match.ipv4Dst().contains("/")
                || match.ipv4Src() != null && match.ipv4Src().contains("/"), "ipv4 prefix");
            addIf(kinds, match.arpOp() != null, "arpOp");
            addIf(kinds, match.arpSpa() != null, "arpSpa");
            addIf(kinds, match.arpTpa() != null, "arpTpa");
            addIf(kinds, match.arpSha() != null, "arpSha");
            addIf(kinds, match.vlanVid() != null && (match.vlanVid() & ~Match.VLAN_PRESENT) != 0, "vlanVid");
            addIf(kinds, match.vlanVid() != null && (match.vlanVid() & ~Match.VLAN_PRESENT) == 0, "vlan present");
            addIf(kinds, spec.writeMetadata() != null, "writeMetadata");
            addIf(kinds, spec.gotoTable() != null, "gotoTable");
        }
        return kinds;
    }

    private static void addIf(final Set<String> kinds, final boolean present, final String kind) {
        if (present) {
            kinds.add(kind);
        }
    }
}
