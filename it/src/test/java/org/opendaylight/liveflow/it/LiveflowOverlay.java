/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.opendaylight.liveflow.it.lab.BystanderSwitches;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.opendaylight.liveflow.it.lab.StreamPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * liveflow in the migration benchmark: the distribution with its OpenFlowPlugin, the lab's switches connected to
 * it.
 */
final class LiveflowOverlay implements MigratingOverlay {
    private static final Logger LOG = LoggerFactory.getLogger(LiveflowOverlay.class);
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    /** The distributed router's MAC, on every network it joins. */
    private static final String ROUTER_MAC = "fa:16:3e:ff:00:01";

    /** The trunk case's sub-ports: VLAN ids, networks and their VNIs. */
    private static final int[] SUB_PORT_VLANS = {101, 102};
    private static final int SUB_PORT_OFPORT_BASE = 3;

    /**
     * Bystander bridges per ovs-vswitchd (-Dbench.bystanders-per-process): a few hundred file descriptors each, and
     * short reconfigurations. A process's main loop runs over all its bridges whenever one of them has work, so when
     * an activation gives every bridge one flow-mod, a process may loop over all of its bridges once per flow-mod;
     * a chassis' own ovs-vswitchd has one bridge.
     */
    private static final int BYSTANDERS_PER_PROCESS = Integer.getInteger("bench.bystanders-per-process", 200);
    /** The datapath id of bystander y1 (the lab's chassis have 1..N). */
    private static final long FIRST_BYSTANDER_DATAPATH_ID = 10_001;

    private final List<StreamPort> streams = new ArrayList<>();
    private final boolean trunk;
    private final int bystanderCount;
    private final Duration patience;
    private KarafInstance karaf;
    private OvsLab lab;
    private BystanderSwitches bystanders;
    private String programmingNote = "";
    private String connectedNote = "";
    private OverlayClient overlay;

    /**
     * Sets up the switched, routed and floating-IP case, or (trunk) a VM with a trunk: its parent on the VM's
     * network and two sub-ports, VLAN 101 and 102, on networks of their own, each with a sender on c3..cN.
     */
    LiveflowOverlay(final boolean trunk) {
        this(trunk, 0);
    }

    /**
     * As {@link #LiveflowOverlay(boolean)}, with {@code bystanderCount} bystander chassis more (bridges in a few
     * ovs-vswitchd, see {@link BystanderSwitches}), each with a port "bK" on the VM's network and tunnels to c1 and
     * c2: every one must be switched when the VM moves.
     */
    LiveflowOverlay(final boolean trunk, final int bystanderCount) {
        this.trunk = trunk;
        this.bystanderCount = bystanderCount;
        // a thousand bystanders hold a million flows: programming and reading them back takes minutes
        patience = PATIENCE.plusSeconds(bystanderCount);
    }

    @Override
    public String name() {
        return "liveflow";
    }

    @Override
    public List<String> kinds() {
        return trunk ? TRUNK_KINDS : KINDS;
    }

    @Override
    public List<ProbeStream.Sender> setUp(final int count) throws Exception {
        karaf = KarafInstance.start("migration-bench");
        overlay = new OverlayClient(karaf.restconf());
        final String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "c" + (i + 1);
        }
        lab = OvsLab.start(karaf.home().resolveSibling("migration-bench-ovs"), karaf.labController(), names);
        final OvsLab.ExternalNetwork external = lab.addExternalNetwork();
        overlay.put("/tenants/tenant=tb", "tenant", "{\"id\": \"tb\"}");
        putNetwork("net-b", 909, "sb", "10.9.0.0/16", "10.9.255.254", "");
        putNetwork("net-r", 908, "sr", "10.8.0.0/16", "10.8.255.254", "");
        putNetwork("ext", 900, "ext-s", "172.24.4.0/24", GATEWAY_IP, GATEWAY_MAC);
        overlay.restconf().put(OverlayClient.OVERLAY + "/migration-settings",
            "{\"liveflow:migration-settings\": {\"binding-timeout\": 3600}}");
        for (OvsChassis node : lab.allChassis()) {
            overlay.put("/chassis-registry/chassis=" + node.name(), "chassis", "{\"name\": \"" + node.name()
                + "\", \"tunnel-ip\": \"" + node.underlayIp() + "\", \"datapath-id\": " + node.datapathId()
                + ", \"bridge-mapping\": [{\"physical-network\": \"physnet1\", \"interface-name\": \"ext\"}]}");
        }
        if (bystanderCount > 0) {
            addBystanders();
        }
        if (trunk) {
            return setUpTrunk(count);
        }
        overlay.put("/routers/router=r", "router", "{\"id\": \"r\", \"tenant\": \"tb\", \"mac-address\": \""
            + ROUTER_MAC + "\", \"interface\": [{\"subnet\": \"sb\"}, {\"subnet\": \"sr\"}]}");
        overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "tb", "net-b", "sb", VM_MAC, VM_IP, "c1"));
        for (int k = 3; k <= count; k++) {
            overlay.put("/ports/port=s" + k, "port", OverlayClient.vm("s" + k, "tb", "net-b", "sb",
                ProbeStream.senderMac(k), ProbeStream.senderIp(k), "c" + k));
            overlay.put("/ports/port=r" + k, "port", OverlayClient.vm("r" + k, "tb", "net-r", "sr",
                MigratingOverlay.routedSenderMac(k), MigratingOverlay.routedSenderIp(k), "c" + k));
        }
        overlay.put("/floating-ips/floating-ip=fip", "floating-ip", "{\"id\": \"fip\", \"tenant\": \"tb\", "
            + "\"floating-ip-address\": \"" + FLOATING_IP + "\", \"port\": \"vm\"}");
        OverlayClient.awaitPipelineOnEverySwitch(lab, patience);
        lab.chassis("c1").addVmPort(VM, VM_OFPORT);
        final Map<String, Path> sockets = new HashMap<>();
        for (int k = 3; k <= count; k++) {
            sockets.put("s" + k, lab.chassis("c" + k).addStreamVmPort("s" + k, SENDER_OFPORT));
            sockets.put("r" + k, lab.chassis("c" + k).addStreamVmPort("r" + k, ROUTED_SENDER_OFPORT));
        }
        for (int k = 3; k <= count; k++) {
            awaitFlow("c" + k, "dl_dst=" + VM_MAC, "output:");
            awaitFlow("c" + k, "in_port=" + SENDER_OFPORT + " ", "");
            awaitFlow("c" + k, "in_port=" + ROUTED_SENDER_OFPORT + " ", "");
            awaitFlow("c" + k, "nw_dst=" + VM_IP + " ", "dec_ttl");
        }
        awaitFlow("c1", "nw_dst=" + FLOATING_IP + " ", "dec_ttl");
        return MigratingOverlay.senders(count, ROUTER_MAC, streams,
            (kind, k) -> kind.equals("gw") ? external.gatewaySocket() : sockets.get(kind + k));
    }

    /**
     * The trunk case: vm (the parent, on net-b) with sub-ports vm-v101 and vm-v102 (sharing its MAC, on net-v101
     * and net-v102), senders sK, tK and uK on each cK of c3..cN (ids K, 1000 + K, 2000 + K).
     */
    private List<ProbeStream.Sender> setUpTrunk(final int count) throws Exception {
        final StringBuilder subPorts = new StringBuilder();
        for (int i = 0; i < SUB_PORT_VLANS.length; i++) {
            final int vlan = SUB_PORT_VLANS[i];
            putNetwork("net-v" + vlan, 910 + i, "sv" + vlan, subPortPrefix(i) + ".0.0/16",
                subPortPrefix(i) + ".255.254", "");
            overlay.put("/ports/port=vm-v" + vlan, "port", "{\"id\": \"vm-v" + vlan + "\", \"tenant\": \"tb\", "
                + "\"network\": \"net-v" + vlan + "\", \"mac-address\": \"" + VM_MAC + "\", \"fixed-ip\": "
                + "[{\"ip-address\": \"" + subPortPrefix(i) + ".0.1\", \"subnet\": \"sv" + vlan + "\"}]}");
            subPorts.append(i == 0 ? "" : ", ").append("{\"port\": \"vm-v").append(vlan).append("\", \"vlan-id\": ")
                .append(vlan).append('}');
        }
        overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "tb", "net-b", "sb", VM_MAC, VM_IP, "c1"));
        overlay.put("/trunks/trunk=vm-trunk", "trunk", "{\"id\": \"vm-trunk\", \"tenant\": \"tb\", "
            + "\"parent-port\": \"vm\", \"sub-port\": [" + subPorts + "]}");
        for (int k = 3; k <= count; k++) {
            overlay.put("/ports/port=s" + k, "port", OverlayClient.vm("s" + k, "tb", "net-b", "sb",
                ProbeStream.senderMac(k), ProbeStream.senderIp(k), "c" + k));
            for (int i = 0; i < SUB_PORT_VLANS.length; i++) {
                overlay.put("/ports/port=v" + SUB_PORT_VLANS[i] + "-" + k, "port", OverlayClient.vm("v"
                    + SUB_PORT_VLANS[i] + "-" + k, "tb", "net-v" + SUB_PORT_VLANS[i], "sv" + SUB_PORT_VLANS[i],
                    subPortSenderMac(i, k), subPortSenderIp(i, k), "c" + k));
            }
        }
        OverlayClient.awaitPipelineOnEverySwitch(lab, patience);
        lab.chassis("c1").addVmPort(VM, VM_OFPORT);
        final List<ProbeStream.Sender> senders = new ArrayList<>();
        for (int k = 3; k <= count; k++) {
            final StreamPort parent = StreamPort.connect(lab.chassis("c" + k).addStreamVmPort("s" + k,
                SENDER_OFPORT));
            streams.add(parent);
            senders.add(new ProbeStream.Sender(k, parent::send, ProbeStream.senderMac(k), VM_MAC,
                ProbeStream.senderIp(k), VM_IP));
            for (int i = 0; i < SUB_PORT_VLANS.length; i++) {
                final StreamPort sub = StreamPort.connect(lab.chassis("c" + k).addStreamVmPort("v"
                    + SUB_PORT_VLANS[i] + "-" + k, SUB_PORT_OFPORT_BASE + i));
                streams.add(sub);
                senders.add(new ProbeStream.Sender((i + 1) * ROUTED + k, sub::send, subPortSenderMac(i, k), VM_MAC,
                    subPortSenderIp(i, k), subPortPrefix(i) + ".0.1"));
            }
        }
        for (int k = 3; k <= count; k++) {
            awaitFlow("c" + k, "dl_dst=" + VM_MAC, "output:");
            for (int ofport = SENDER_OFPORT; ofport < SUB_PORT_OFPORT_BASE + SUB_PORT_VLANS.length; ofport++) {
                awaitFlow("c" + k, "in_port=" + ofport + " ", "");
            }
        }
        awaitFlow("c1", "dl_vlan=" + SUB_PORT_VLANS[SUB_PORT_VLANS.length - 1], "pop_vlan");
        return senders;
    }

    private static String subPortPrefix(final int index) {
        return "10." + (11 + index);
    }

    private static String subPortSenderMac(final int index, final int chassis) {
        return String.format("fa:16:3e:%02x:%02x:%02x", 0x11 + index, chassis >> 8, chassis & 0xff);
    }

    private static String subPortSenderIp(final int index, final int chassis) {
        return String.format("%s.%d.%d", subPortPrefix(index), 1 + (chassis >> 8), chassis & 0xff);
    }

    private void putNetwork(final String network, final int vni, final String subnet, final String cidr,
            final String gateway, final String gatewayMac) throws IOException {
        final boolean external = !gatewayMac.isEmpty();
        overlay.put("/networks/network=" + network, "network", "{\"id\": \"" + network + "\", \"tenant\": \"tb\", "
            + "\"segmentation-id\": " + vni + (external ? ", \"external\": true, \"physical-network\": \"physnet1\""
                : "") + "}");
        overlay.put("/subnets/subnet=" + subnet, "subnet", "{\"id\": \"" + subnet + "\", \"tenant\": \"tb\", "
            + "\"network\": \"" + network + "\", \"cidr\": \"" + cidr + "\", \"gateway-ip\": \"" + gateway + "\""
            + (external ? ", \"gateway-mac\": \"" + gatewayMac + "\"" : "") + "}");
    }

    /**
     * Registers the bystanders (one write), starts their switches, and gives each a port on the VM's network (one
     * more write).
     */
    private void addBystanders() throws IOException, InterruptedException {
        bystanders = BystanderSwitches.plan(karaf.home().resolveSibling("migration-bench-bystanders"),
            bystanderCount, BYSTANDERS_PER_PROCESS, FIRST_BYSTANDER_DATAPATH_ID);
        final StringJoiner registry = new StringJoiner(", ", "{\"liveflow:chassis-registry\": {\"chassis\": [",
            "]}}");
        for (BystanderSwitches.Bystander bystander : bystanders.all()) {
            registry.add("{\"name\": \"" + bystander.name() + "\", \"tunnel-ip\": \"" + bystander.tunnelIp()
                + "\", \"datapath-id\": " + bystander.datapathId() + ", \"tunnel-port-prefix\": \""
                + bystander.tunnelPortPrefix() + "\"}");
        }
        patch("/chassis-registry", registry.toString());
        bystanders.start(karaf.labController(), 1, List.of(lab.chassis("c1"), lab.chassis("c2")));
        // programming is timed from connected switches: waiting for a thousand handshakes is another figure
        final Instant connecting = Instant.now();
        final Instant connectBy = connecting.plus(patience);
        while (!overlay.allChassisAlive(lab.allChassis().size() + bystanderCount)) {
            if (Instant.now().isAfter(connectBy)) {
                throw new AssertionError("the bystanders never all connected");
            }
            Thread.sleep(500);
        }
        connectedNote = String.format("%d bystanders connected %.1f s after their bridges were made; ",
            bystanderCount, Duration.between(connecting, Instant.now()).toMillis() / 1000.0);
        final StringJoiner ports = new StringJoiner(", ", "{\"liveflow:ports\": {\"port\": [", "]}}");
        final List<BystanderSwitches.Bystander> all = bystanders.all();
        for (int k = 1; k <= all.size(); k++) {
            final BystanderSwitches.Bystander bystander = all.get(k - 1);
            final String port = OverlayClient.vm("b" + k, "tb", "net-b", "sb", bystanderMac(k), bystanderIp(k),
                bystander.name());
            ports.add(port.substring(0, port.length() - 1) + ", \"interface-name\": \"" + bystander.vmInterface(1)
                + "\"}");
        }
        final long written = ProbeStream.micros(Instant.now());
        patch("/ports", ports.toString());
        // initial programming, from the switches' clocks: each bystander's newest flow once its port is forwarding
        final Instant deadline = Instant.now().plus(patience);
        long lastInstalled = written;
        int flows = 0;
        for (BystanderSwitches.Bystander bystander : all) {
            List<String> held = bystanders.flows(bystander);
            while (held.stream().noneMatch(flow -> flow.contains("in_port=1 "))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(bystander.name() + " never got its port's flows");
                }
                Thread.sleep(100);
                held = bystanders.flows(bystander);
            }
            final long read = ProbeStream.micros(Instant.now());
            lastInstalled = Math.max(lastInstalled, read - (long) (BystanderSwitches.youngest(held, "") * 1e6));
            flows += held.size();
        }
        final double seconds = (lastInstalled - written) / 1e6;
        programmingNote = connectedNote + String.format("bystanders programmed: %d flows on %d switches %.2f s after "
            + "the ports' write (%.0f flows/s); ", flows, all.size(), seconds, flows / seconds);
    }

    /**
     * Returns how long the bystanders took to be programmed, for the benchmark's note, or "" without bystanders.
     */
    String programmingNote() {
        return programmingNote;
    }

    private void patch(final String path, final String body) throws IOException {
        final Restconf.Response response = overlay.restconf().sendAny("PATCH", OverlayClient.OVERLAY + path,
            "application/yang-data+json", body);
        assertTrue(response.status() == 200 || response.status() == 204, path + ": " + response.body());
    }

    static String bystanderMac(final int index) {
        return String.format("fa:16:3e:0e:%02x:%02x", index >> 8, index & 0xff);
    }

    static String bystanderIp(final int index) {
        return String.format("10.9.%d.%d", 200 + index / 250, 1 + index % 250);
    }

    /**
     * Returns the OpenFlow port of the tunnel to c2 on a bystander (as on the lab's chassis: 100 plus its datapath
     * id).
     */
    long destinationTunnelOfport() {
        return OvsChassis.TUNNEL_OFPORT_BASE + lab.chassis("c2").datapathId();
    }

    /**
     * Returns the bystanders, or null when there are none.
     */
    BystanderSwitches bystanders() {
        return bystanders;
    }

    @Override
    public OvsLab lab() {
        return lab;
    }

    @Override
    public OvsChassis chassis(final String name) {
        return lab.chassis(name);
    }

    /**
     * Waits until, on every chassis, the reconciler has converged (flow-diff: nothing missing, nothing unexpected)
     * and the switch holds as many flows as liveflow wants there: nothing still on its way to a switch. Then until
     * the record holds what the switches committed: at a thousand chassis it trails them by minutes, and a
     * migration measured meanwhile shares the two cores, and the collector's pauses, with the set-up's tail.
     */
    @Override
    public void awaitSettled() throws Exception {
        final Instant deadline = Instant.now().plus(patience);
        for (OvsChassis node : lab.allChassis()) {
            LabChecks.awaitSwitchSettled(karaf.shell(), node.name(), () -> node.flows().size(), deadline);
        }
        final Instant began = Instant.now();
        LabChecks.awaitRecordWritten(karaf.shell(), "c1", began.plus(patience));
        LOG.info("the record held what the switches committed {} s after they settled",
            Duration.between(began, Instant.now()).toMillis() / 1000.0);
    }

    /**
     * Waits until the controller says every bystander holds exactly what it programs there (flow-diff: nothing
     * missing, nothing unexpected, as many flows on the switch as it wants); returns the flows on all of them.
     */
    int awaitBystandersSettled() throws Exception {
        final Instant deadline = Instant.now().plus(patience);
        int total = 0;
        for (BystanderSwitches.Bystander bystander : bystanders.all()) {
            total += LabChecks.awaitSwitchSettled(karaf.shell(), bystander.name(),
                () -> bystanders.flows(bystander).size(), deadline);
        }
        return total;
    }

    @Override
    public void plugDestination() throws Exception {
        lab.chassis("c2").addVmPort(VM, VM_OFPORT);
        overlay.awaitMigration(VM, patience, "state=prepared");
        awaitFlow("c2", "CONTROLLER", "");
        for (OvsChassis node : lab.allChassis()) {
            if (node.datapathId() > 2) {
                awaitFlow(node.name(), "dl_dst=" + VM_MAC, "group:");
            }
        }
        if (bystanders != null) {
            // every bystander delivers to both copies before the VM resumes: what is measured is the switch only
            final Instant deadline = Instant.now().plus(patience);
            for (BystanderSwitches.Bystander bystander : bystanders.all()) {
                while (bystanders.flows(bystander).stream().noneMatch(flow -> flow.contains("dl_dst=" + VM_MAC)
                        && flow.substring(flow.indexOf("actions=")).contains("group:"))) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new AssertionError(bystander.name() + " never delivered to both copies");
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    /**
     * Waits until the engine says the VM's migration switched (its announcement reached the controller).
     */
    void awaitSwitched() throws Exception {
        overlay.awaitMigration(VM, patience, "state=switched");
    }

    @Override
    public void moveBinding() throws Exception {
        overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "tb", "net-b", "sb", VM_MAC, VM_IP, "c2"));
    }

    /**
     * Returns the engine's own figure: activation until every chassis' flows were written, in ms.
     */
    double engineConvergenceMillis() throws Exception {
        return overlay.awaitMigration(VM, patience, "state=bound").path("convergence-micros").asLong() / 1000.0;
    }

    private void awaitFlow(final String chassis, final String fragment, final String action) throws Exception {
        final Instant deadline = Instant.now().plus(patience);
        while (lab.chassis(chassis).flows().stream().noneMatch(flow -> flow.contains(fragment)
                && flow.substring(flow.indexOf("actions=")).contains(action))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(chassis + " never got a flow with " + fragment + " and " + action);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        for (StreamPort stream : streams) {
            try {
                stream.close();
            } catch (IOException e) {
                // the lab goes next; a socket that did not close cleanly changes nothing
            }
        }
        if (bystanders != null) {
            bystanders.close();
        }
        KarafInstance.stopAll(lab, karaf);
    }
}
