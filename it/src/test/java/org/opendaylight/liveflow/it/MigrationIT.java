/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.liveflow.it.NeighbourLab.assertDelivered;
import static org.opendaylight.liveflow.it.NeighbourLab.awaitNoDeliveryGroup;
import static org.opendaylight.liveflow.it.NeighbourLab.deliveryGroups;
import static org.opendaylight.liveflow.it.NeighbourLab.ip;
import static org.opendaylight.liveflow.it.NeighbourLab.mac;
import static org.opendaylight.liveflow.it.NeighbourLab.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live migration on real Open vSwitch (docs/design.md section 5): VM "vm" of network net-a moves between chassis
 * while "r3" on c3 sends to it. Neighbours: "s1" on c1, "d2" on c2, "r3" on c3 (OpenFlow port 2 each); the VM's
 * interface is OpenFlow port 1 on c1 and port 5 wherever it is plugged as a destination. The tests run in order
 * and each starts where the previous one left the VM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationIT {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationIT.class);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String VM = "vm";
    private static final String VM_MAC = "fa:16:3e:0a:00:99";
    private static final String VM_IP = "10.1.0.99";
    private static final int NEIGHBOUR_PORT = 2;
    private static final int DESTINATION_PORT = 5;
    private static final String TAKEN_AT_GATE = "a migration trap's packet-in, taken at the switch gate";
    private static final String PLUGIN_COPY = "copy of a trap's packet-in taken at the switch gate, dropped";
    /** The fast path's hand-off of the senders' flow-mods. */
    private static final String SENDERS_HAND_OFF = "(every switch but the source) to";

    private static KarafInstance karaf;
    private static OvsLab lab;
    private static OverlayClient overlay;

    @BeforeAll
    static void startControllerAndLab() throws Exception {
        karaf = KarafInstance.start("migration");
        overlay = new OverlayClient(karaf.restconf());
        lab = OvsLab.start(karaf.home().resolveSibling("migration-ovs"), karaf.labController(), "c1", "c2", "c3");
        overlay.putNetA();
        for (OvsChassis node : lab.allChassis()) {
            overlay.putChassis(node);
        }
        // the tests update bindings themselves; the timeout has its own test
        setBindingTimeout(600);
        overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "ta", "net-a", "sa", VM_MAC, VM_IP, "c1"));
        for (String neighbour : List.of("s1", "d2", "r3")) {
            final String chassis = "c" + neighbour.charAt(1);
            overlay.put("/ports/port=" + neighbour, "port", OverlayClient.vm(neighbour, "ta", "net-a", "sa",
                mac(neighbour), ip(neighbour), chassis));
        }
        OverlayClient.awaitPipelineOnEverySwitch(lab, PATIENCE);
        lab.chassis("c1").addVmPort(VM, 1);
        for (String neighbour : List.of("s1", "d2", "r3")) {
            lab.chassis("c" + neighbour.charAt(1)).addVmPort(neighbour, NEIGHBOUR_PORT);
        }
        awaitFlows("c3", flows -> flows.stream().anyMatch(flow -> flow.contains("dl_dst=" + VM_MAC))
            && flows.stream().anyMatch(flow -> flow.contains("dl_dst=" + mac("s1"))));
        assertDelivered(lab, Map.of("c1/vm", 1L), () -> sendFromR3());
    }

    @AfterAll
    static void stop() {
        KarafInstance.stopAll(lab, karaf);
    }

    /**
     * The whole protocol, c1 to c2, with the flows docs/design.md section 5 names checked on the switches after each
     * step and r3's packets followed.
     */
    @Test
    @Order(1)
    void normalMigrationFromC1ToC2() throws Exception {
        final OvsChassis s = lab.chassis("c1");
        final OvsChassis d = lab.chassis("c2");
        final OvsChassis r = lab.chassis("c3");
        assertAllowed(overlay.rpc("migration-precheck", "{\"port\": \"vm\", \"destination-chassis\": \"c2\"}"));

        d.addVmPort(VM, DESTINATION_PORT);
        overlay.awaitMigration(VM, PATIENCE, "state=prepared", "source-chassis=c1", "destination-chassis=c2");
        awaitFlows("c2", flows -> flows.stream().anyMatch(flow -> flow.contains("CONTROLLER")));
        // R: one flow to an ALL group with a bucket per copy
        final List<String> rToVm = toVm(r);
        assertEquals(1, rToVm.size(), rToVm.toString());
        assertTrue(rToVm.get(0).contains("actions=group:"), rToVm.toString());
        assertEquals(List.of("output:" + r.ofportOf("tun-c1"), "output:" + r.ofportOf("tun-c2")),
            bucketOutputs(r, groupOf(rToVm.get(0))));
        // S: local delivery and a copy to D for what its own ports send; tunnelled traffic only locally
        final List<String> sToVm = toVm(s);
        assertEquals(2, sToVm.size(), sToVm.toString());
        assertTrue(sToVm.stream().anyMatch(flow -> flow.contains("priority=110") && flow.contains("goto_table:60")));
        final String sGroup = groupOf(sToVm.stream().filter(flow -> flow.contains("group:")).findFirst()
            .orElseThrow());
        assertEquals(List.of("output:1", "output:" + s.ofportOf("tun-c2")), bucketOutputs(s, sGroup));
        // D: every local flow of the port, and the traps for its RARP/GARP
        assertTrue(d.flows().stream().anyMatch(flow -> flow.contains("in_port=" + DESTINATION_PORT + " ")));
        assertEquals(2, d.flows().stream().filter(flow -> flow.contains("CONTROLLER")
            && flow.contains("dl_src=" + VM_MAC)).count(), d.flows().toString());
        // r3's packet reaches both copies, once each
        assertDelivered(lab, Map.of("c1/vm", 1L, "c2/vm", 1L), () -> sendFromR3());

        // activation: the VM resumes on D and announces itself
        final long takenAtGate = karaf.logLinesContaining(TAKEN_AT_GATE);
        final long pluginCopies = karaf.logLinesContaining(PLUGIN_COPY);
        final long handOffs = karaf.logLinesContaining(SENDERS_HAND_OFF);
        final Instant announced = Instant.now();
        d.inject(VM, Frames.rarp(VM_MAC));
        final JsonNode switched = overlay.awaitMigration(VM, PATIENCE, "state=switched");
        // the RARP was taken as it passed liveflow's switch gate (logged once handled); the OpenFlowPlugin's copy
        // of it came as well and was not counted as a second announcement
        await("the RARP taken at the switch gate").atMost(PATIENCE)
            .until(() -> karaf.logLinesContaining(TAKEN_AT_GATE) == takenAtGate + 1);
        await("the OpenFlowPlugin's copy of the RARP").atMost(PATIENCE)
            .until(() -> karaf.logLinesContaining(PLUGIN_COPY) == pluginCopies + 1);
        assertEquals(takenAtGate + 1, karaf.logLinesContaining(TAKEN_AT_GATE), "the RARP taken at the gate once");
        assertEquals(0, overlay.migration(VM).path("ignored-duplicate").asLong(), overlay.migration(VM).toString());
        // every sender's flow-mods were written on its own connection through the gate, none through the plugin's
        // RPCs (the switches' ROLE_REPLY named the plugin master of each)
        await("the fast path's hand-off").atMost(PATIENCE)
            .until(() -> karaf.logLinesContaining(SENDERS_HAND_OFF) == handOffs + 1);
        final List<String> handOff = karaf.logLinesWith(SENDERS_HAND_OFF);
        assertTrue(handOff.get(handOff.size() - 1).contains(
            "to 2 switches through the switch gate and handed 0 to the OpenFlowPlugin"), handOff.toString());
        final String shown = karaf.shell().execute("liveflow:chassis-show c3");
        assertTrue(shown.contains("Fast path      through the switch gate"), shown);
        awaitFlows("c3", flows -> flows.stream().anyMatch(flow -> flow.contains("dl_dst=" + VM_MAC)
            && !flow.contains("group:")));
        final Duration seen = Duration.between(announced, Instant.now());
        assertEquals("RARP from the port on c2", OverlayClient.lastCause(switched));
        assertEquals(List.of("actions=set_field:0x65->tun_id,output:" + r.ofportOf("tun-c2")),
            toVm(r).stream().map(flow -> flow.substring(flow.indexOf("actions="))).toList());
        assertEquals(List.of(), deliveryGroups(r), "R's delivery group is gone");
        awaitFlows("c2", flows -> flows.stream().noneMatch(flow -> flow.contains("CONTROLLER")));
        assertEquals(List.of(), localFlowsOfPort(s, 1), "S keeps no local flow of the port once switched");
        assertEquals(List.of("actions=drop", "actions=set_field:0x65->tun_id,output:" + s.ofportOf("tun-c2")),
            toVm(s).stream().map(flow -> flow.substring(flow.indexOf("actions="))).sorted().toList(),
            "S forwards what its ports send to D, and drops what tunnels bring (D got it from the sender)");
        assertDelivered(lab, Map.of("c2/vm", 1L), () -> sendFromR3());
        assertDelivered(lab, Map.of("c2/vm", 1L), () -> s.inject("s1", Frames.ipv4(mac("s1"), VM_MAC, ip("s1"),
            VM_IP)));
        LOG.info("activation seen on R's switch {} ms after the RARP was injected on D", seen.toMillis());

        // binding update: the migration completes and the source is checked clean
        overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "ta", "net-a", "sa", VM_MAC, VM_IP, "c2"));
        final JsonNode bound = overlay.awaitMigration(VM, PATIENCE, "state=bound", "source-cleanup=verified");
        assertEquals("c2", bound.path("destination-chassis").asText());
        assertTrue(bound.path("convergence-micros").asLong() > 0, bound.toString());
        s.removePort(VM);
        assertEquals(List.of(), localFlowsOfPort(s, 1), "no flow of the port left on S");
        assertDelivered(lab, Map.of("c2/vm", 1L), () -> sendFromR3());
        final String show = karaf.shell().execute("liveflow:migration-show vm");
        assertTrue(show.contains("prepared -> switched  RARP from the port on c2") && show.contains("verified"),
            show);
        final String list = karaf.shell().execute("liveflow:migration-list");
        assertTrue(list.lines().anyMatch(line -> line.contains("vm") && line.contains("bound")
            && line.contains("c1") && line.contains("c2")), list);
    }

    @Test
    @Order(2)
    void abortAfterDestinationPlugLeavesNothingOnTheDestination() throws Exception {
        final Map<String, List<String>> before = rules(lab);
        lab.chassis("c3").addVmPort(VM, DESTINATION_PORT);
        final JsonNode prepared = overlay.awaitMigration(VM, PATIENCE, "state=prepared", "destination-chassis=c3");
        final long generation = prepared.path("generation").asLong();
        final Restconf.Response stale = overlay.rpc("abort-migration",
            "{\"port\": \"vm\", \"generation\": " + (generation - 1) + "}");
        OverlayClient.assertStatus(409, stale);
        assertEquals("abort-migration for generation " + (generation - 1) + ", now " + generation,
            stale.errorMessage());
        final Restconf.Response abort = overlay.rpc("abort-migration",
            "{\"port\": \"vm\", \"reason\": \"operator changed their mind\"}");
        OverlayClient.assertStatus(200, abort);
        final JsonNode aborted = overlay.awaitMigration(VM, PATIENCE, "state=bound",
            "abort-reason=abort-migration: operator changed their mind");
        assertEquals("c2", aborted.path("source-chassis").asText());
        assertEquals(1, aborted.path("ignored-stale").asLong(), aborted.toString());
        awaitRules(before, "an abort must restore every switch exactly");
        lab.chassis("c3").removePort(VM);
        assertDelivered(lab, Map.of("c2/vm", 1L), () -> sendFromR3());
    }

    @Test
    @Order(3)
    void destinationUnplugBeforeActivationAborts() throws Exception {
        final Map<String, List<String>> before = rules(lab);
        lab.chassis("c1").addVmPort(VM, 1);
        overlay.awaitMigration(VM, PATIENCE, "state=prepared", "destination-chassis=c1");
        awaitFlows("c1", flows -> flows.stream().anyMatch(flow -> flow.contains("CONTROLLER")));
        lab.chassis("c1").removePort(VM);
        final JsonNode aborted = overlay.awaitMigration(VM, PATIENCE, "state=bound",
            "abort-reason=interface removed from c1 before activation");
        assertEquals("c2", aborted.path("source-chassis").asText());
        awaitRules(before, "an aborted migration must leave no flow behind");
    }

    @Test
    @Order(4)
    void forgedAnnouncementsActivateNothingAndDuplicatesAreCounted() throws Exception {
        final OvsChassis d = lab.chassis("c3");
        d.addVmPort(VM, DESTINATION_PORT);
        overlay.awaitMigration(VM, PATIENCE, "state=prepared", "destination-chassis=c3");
        awaitFlows("c3", flows -> flows.stream().anyMatch(flow -> flow.contains("CONTROLLER")));
        d.inject("r3", Frames.rarp(VM_MAC));
        d.inject("r3", Frames.garp(VM_MAC, VM_IP));
        d.inject(VM, Frames.arpRequest(VM_MAC, VM_IP, ip("r3")));
        Thread.sleep(2000);
        assertEquals("prepared", overlay.migration(VM).path("state").asText(),
            "a RARP/GARP for the VM's MAC from another port, or an ordinary ARP, must not activate");
        final long duplicatesBefore = overlay.migration(VM).path("ignored-duplicate").asLong();
        d.injectAll(VM, Frames.garp(VM_MAC, VM_IP), Frames.rarp(VM_MAC));
        final JsonNode switched = overlay.awaitMigration(VM, PATIENCE, "state=switched",
            "ignored-duplicate=" + (duplicatesBefore + 1));
        assertEquals("GARP from the port on c3", OverlayClient.lastCause(switched));
        final Restconf.Response late = overlay.rpc("abort-migration", "{\"port\": \"vm\"}");
        OverlayClient.assertStatus(409, late);
        assertEquals("abort-migration after activation on c3", late.errorMessage());
        overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "ta", "net-a", "sa", VM_MAC, VM_IP, "c3"));
        overlay.awaitMigration(VM, PATIENCE, "state=bound", "source-cleanup=verified");
        lab.chassis("c2").removePort(VM);
        assertEquals(List.of(), localFlowsOfPort(lab.chassis("c2"), DESTINATION_PORT));
        assertDelivered(lab, Map.of("c3/vm", 1L), () -> lab.chassis("c1").inject("s1",
            Frames.ipv4(mac("s1"), VM_MAC, ip("s1"), VM_IP)));
    }

    @Test
    @Order(5)
    void controllerRestartWhilePreparedAndWhileSwitchedKeepsTheMigrationAndEveryFlow() throws Exception {
        lab.chassis("c1").addVmPort(VM, 1);
        overlay.awaitMigration(VM, PATIENCE, "state=prepared", "source-chassis=c3", "destination-chassis=c1");
        awaitFlows("c1", flows -> flows.stream().anyMatch(flow -> flow.contains("CONTROLLER")));
        restartController("prepared");
        lab.chassis("c1").inject(VM, Frames.rarp(VM_MAC));
        overlay.awaitMigration(VM, PATIENCE, "state=switched");
        awaitFlows("c1", flows -> flows.stream().noneMatch(flow -> flow.contains("CONTROLLER")));
        restartController("switched");
        assertDelivered(lab, Map.of("c1/vm", 1L), () -> lab.chassis("c2").inject("d2",
            Frames.ipv4(mac("d2"), VM_MAC, ip("d2"), VM_IP)));
        overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "ta", "net-a", "sa", VM_MAC, VM_IP, "c1"));
        overlay.awaitMigration(VM, PATIENCE, "state=bound", "source-cleanup=verified");
        lab.chassis("c3").removePort(VM);
        assertEquals(List.of(), localFlowsOfPort(lab.chassis("c3"), DESTINATION_PORT));
    }

    @Test
    @Order(6)
    void sourceSwitchStoppedMidMigrationRollsForward() throws Exception {
        final OvsChassis s = lab.chassis("c1");
        lab.chassis("c2").addVmPort(VM, DESTINATION_PORT);
        overlay.awaitMigration(VM, PATIENCE, "state=prepared", "source-chassis=c1", "destination-chassis=c2");
        s.stopSwitch();
        final JsonNode switched = overlay.awaitMigration(VM, PATIENCE, "state=switched");
        assertEquals("source c1 disconnected: rolled forward", OverlayClient.lastCause(switched));
        awaitFlows("c3", flows -> flows.stream().anyMatch(flow -> flow.contains("dl_dst=" + VM_MAC)
            && !flow.contains("group:")));
        assertDelivered(lab, Map.of("c2/vm", 1L), () -> sendFromR3());
        s.startSwitch();
        awaitFlows("c1", flows -> flows.stream().anyMatch(flow -> flow.contains("dl_dst=" + mac("s1"))));
        overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "ta", "net-a", "sa", VM_MAC, VM_IP, "c2"));
        overlay.awaitMigration(VM, PATIENCE, "state=bound", "source-cleanup=verified");
        assertEquals(List.of(), localFlowsOfPort(s, 1), "the restarted source holds no flow of the port");
        s.removePort(VM);
    }

    @Test
    @Order(7)
    void sriovPortIsRefusedByThePrecheckAndItsPlugIsAnError() throws Exception {
        final String sriov = OverlayClient.vm("sriov", "ta", "net-a", "sa", "fa:16:3e:0a:00:77", "10.1.0.77", "c1");
        overlay.put("/ports/port=sriov", "port", sriov.substring(0, sriov.length() - 1)
            + ", \"vnic-type\": \"direct\"}");
        final Restconf.Response precheck = overlay.rpc("migration-precheck",
            "{\"port\": \"sriov\", \"destination-chassis\": \"c2\"}");
        OverlayClient.assertStatus(200, precheck);
        assertEquals(false, precheck.json().path("liveflow:output").path("allowed").asBoolean(true));
        assertEquals("port sriov has vnic-type direct (SR-IOV / PCI passthrough): its VM cannot live-migrate with "
            + "its network", precheck.json().path("liveflow:output").path("reason").asText());
        lab.chassis("c1").addVmPort("sriov", 7);
        awaitFlows("c3", flows -> flows.stream().anyMatch(flow -> flow.contains("dl_dst=fa:16:3e:0a:00:77")));
        final Map<String, List<String>> before = rules(lab);
        lab.chassis("c2").addVmPort("sriov", 7);
        final JsonNode error = overlay.awaitMigration("sriov", PATIENCE, "state=error");
        assertTrue(error.path("abort-reason").asText().startsWith("vnic-type direct"), error.toString());
        Thread.sleep(2000);
        assertEquals(before, rules(lab), "traffic stays on the source: no switch changes");
    }

    @Test
    @Order(8)
    void withoutBindingUpdateTheTimeoutMovesTheBindingAndCleansTheSource() throws Exception {
        setBindingTimeout(3);
        lab.chassis("c1").addVmPort(VM, 1);
        overlay.awaitMigration(VM, PATIENCE, "state=prepared", "source-chassis=c2", "destination-chassis=c1");
        awaitFlows("c1", flows -> flows.stream().anyMatch(flow -> flow.contains("CONTROLLER")));
        lab.chassis("c1").inject(VM, Frames.rarp(VM_MAC));
        overlay.awaitMigration(VM, PATIENCE, "state=switched");
        final JsonNode bound = overlay.awaitMigration(VM, PATIENCE, "state=bound", "source-cleanup=verified");
        assertEquals("no binding update in time: liveflow moved the binding to c1", OverlayClient.lastCause(bound));
        final Restconf.Response port = overlay.restconf().get(OverlayClient.OVERLAY + "/ports/port=vm?content=config");
        assertEquals("c1", port.json().path("liveflow:port").path(0).path("binding-chassis").asText(), port.body());
        lab.chassis("c2").removePort(VM);
        assertEquals(List.of(), localFlowsOfPort(lab.chassis("c2"), DESTINATION_PORT));
        assertDelivered(lab, Map.of("c1/vm", 1L), () -> sendFromR3());
    }

    private static void setBindingTimeout(final int seconds) throws IOException {
        OverlayClient.assertStatus(seconds == 600 ? 201 : 204, overlay.restconf().put(OverlayClient.OVERLAY
            + "/migration-settings", "{\"liveflow:migration-settings\": {\"binding-timeout\": " + seconds + "}}"));
    }

    private static void restartController(final String state) throws Exception {
        // what the switches hold once the last pass has reached them: the activation fast path changes flows
        // first, and the pass after it lands later; its last step deletes the delivery groups of the migration
        if ("switched".equals(state)) {
            awaitNoDeliveryGroup(lab, PATIENCE);
        }
        final Map<String, List<String>> before = rules(lab);
        // what the restarted controller resumes from: the journal in the configuration datastore, which a restart
        // keeps (the operational state shown above does not survive one)
        assertEquals(state, overlay.journalEntry(VM).path("state").asText(), "the journal before the restart");
        LabChecks.awaitRecordWritten(karaf.shell(), "c1", Instant.now().plus(PATIENCE));
        karaf.restart();
        overlay = new OverlayClient(karaf.restconf());
        final Instant deadline = Instant.now().plus(PATIENCE);
        while (!overlay.allChassisAlive(3)) {
            assertTrue(Instant.now().isBefore(deadline), "switches did not reconnect after the restart");
            Thread.sleep(500);
        }
        overlay.awaitMigration(VM, PATIENCE, "state=" + state);
        Thread.sleep(5000);
        assertEquals(before, rules(lab), "a restart while " + state + " changed flows");
        assertEquals(state, overlay.migration(VM).path("state").asText());
    }

    private static void sendFromR3() throws IOException {
        lab.chassis("c3").inject("r3", Frames.ipv4(mac("r3"), VM_MAC, ip("r3"), VM_IP));
    }

    private static List<String> toVm(final OvsChassis node) throws IOException {
        return node.flows().stream().filter(flow -> flow.contains("table=40") && flow.contains("dl_dst=" + VM_MAC))
            .toList();
    }

    /**
     * Returns the flows that exist for a port at an OpenFlow port: classifier, port security, delivery, egress.
     */
    private static List<String> localFlowsOfPort(final OvsChassis node, final int ofport) throws IOException {
        final String ingress = String.format("metadata=0x%x000000/0xffff000000", ofport);
        final String egress = String.format("metadata=0x%x0000000000/0xffff0000000000", ofport);
        return node.flows().stream().filter(flow -> flow.contains("in_port=" + ofport + " ")
            || flow.contains(ingress) || flow.contains(egress) || flow.endsWith("output:" + ofport)
            || flow.contains("output:" + ofport + ",")).toList();
    }

    private static String groupOf(final String flow) {
        return flow.substring(flow.indexOf("group:") + "group:".length()).split("[,\\s]")[0];
    }

    private static List<String> bucketOutputs(final OvsChassis node, final String groupId) throws IOException {
        final String group = node.groups().lines().filter(line -> line.contains("group_id=" + groupId + ","))
            .findFirst().orElseThrow(() -> new AssertionError("no group " + groupId));
        return Arrays.stream(group.split("bucket=")).skip(1)
            .map(bucket -> bucket.substring(bucket.indexOf("output:")).split("[,\\s]")[0]).sorted().toList();
    }

    private static void awaitRules(final Map<String, List<String>> expected, final String why) throws Exception {
        final Instant deadline = Instant.now().plus(PATIENCE);
        while (!rules(lab).equals(expected)) {
            if (Instant.now().isAfter(deadline)) {
                assertEquals(expected, rules(lab), why);
            }
            Thread.sleep(200);
        }
    }

    private static void awaitFlows(final String chassis, final Predicate<List<String>> ready)
            throws Exception {
        final Instant deadline = Instant.now().plus(PATIENCE);
        while (!ready.test(lab.chassis(chassis).flows())) {
            assertTrue(Instant.now().isBefore(deadline), chassis + " flows never got ready: "
                + lab.chassis(chassis).flows());
            Thread.sleep(100);
        }
    }

    private static void assertAllowed(final Restconf.Response precheck) throws IOException {
        OverlayClient.assertStatus(200, precheck);
        assertTrue(precheck.json().path("liveflow:output").path("allowed").asBoolean(), precheck.body());
    }
}
