/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One hypervisor of the lab: an integration bridge br-int connected to the controller (OpenFlow 1.3, secure
 * fail mode, out-of-band), and an underlay bridge br-phys whose address terminates VXLAN tunnels. VM ports are
 * dummy interfaces; packets are injected into them and counted on the way out.
 */
public final class OvsChassis {
    /** The OpenFlow port of br-int's interface to the external network, when the lab has one. */
    public static final int EXTERNAL_OFPORT = 50;
    /** Tunnel ports are numbered 100 + the remote chassis' datapath id, clear of the VM ports tests number. */
    public static final int TUNNEL_OFPORT_BASE = 100;
    private static final String OFPORT_BASE_ARGUMENT = Integer.toString(TUNNEL_OFPORT_BASE);
    private static final Pattern N_PACKETS = Pattern.compile("n_packets=(\\d+)");
    private static final Pattern DURATION = Pattern.compile("duration=([0-9.]+)s");
    static final String RECEIPT_TABLE = "table=250,";

    private final String name;
    private final int index;
    private final OvsProcess ovs;

    OvsChassis(final String name, final int index, final OvsProcess ovs) {
        this.name = name;
        this.index = index;
        this.ovs = ovs;
    }

    public String name() {
        return name;
    }

    /**
     * Returns the datapath id of br-int, which is the chassis' index.
     */
    public long datapathId() {
        return index;
    }

    public String underlayIp() {
        return "172.31.0." + index;
    }

    String underlayMac() {
        return String.format("aa:55:aa:55:00:%02x", index);
    }

    public Path dir() {
        return ovs.dir();
    }

    /**
     * Runs an ovs-ofctl command on br-int: {@code ofctl("dump-flows", "--no-stats")}; a leading option such as
     * {@code --bundle} goes before the command.
     */
    public String ofctl(final String... args) throws IOException {
        return ovs.ofctl("br-int", args);
    }

    /**
     * Creates br-phys, whose address on the underlay terminates the tunnels.
     */
    void createUnderlay(final String underlaySocket) throws IOException {
        ovs.vsctl("set", "open_vswitch", ".", "external_ids:system-id=" + name);
        ovs.vsctl("add-br", "br-phys", "--", "set", "bridge", "br-phys", "fail_mode=standalone",
            "other_config:hwaddr=" + underlayMac());
        ovs.vsctl("add-port", "br-phys", "p0", "--", "set", "interface", "p0", "type=dummy",
            "options:stream=unix:" + underlaySocket);
        ovs.appctl("netdev-dummy/ip4addr", "br-phys", underlayIp() + "/24");
        ovs.appctl("ovs/route/add", "172.31.0.0/24", "br-phys");
    }

    /**
     * Creates br-int for ovn-controller to program over its management socket (it speaks OpenFlow 1.5).
     */
    void createOvnIntegrationBridge() throws IOException {
        ovs.vsctl("add-br", "br-int", "--", "set", "bridge", "br-int", "protocols=OpenFlow13,OpenFlow15",
            "fail_mode=secure", "other_config:disable-in-band=true",
            String.format("other_config:datapath-id=%016x", datapathId()));
    }

    /**
     * Joins the controller as an operator would, with the distribution's {@code liveflow-chassis join}: br-int,
     * its controller target, the chassis' registration, and tunnel ports to the chassis registered so far.
     */
    public void join(final LabController controller, final String tunnelType) throws IOException {
        // a 2-core lab with 100 chassis keeps the controller busy for seconds at a time: the default 5 s
        // inactivity probe would drop switches that lose nothing (the usual setting for large deployments)
        final List<String> arguments = new ArrayList<>();
        // every cluster member as a target: OVS connects to each, and the OpenFlowPlugin makes one the master
        for (String target : controller.openflowTargets()) {
            arguments.addAll(List.of("--controller", target));
        }
        arguments.addAll(List.of("--tunnel-ip", underlayIp(), "--tunnel-type", tunnelType, "--datapath-id",
            Long.toString(datapathId()), "--inactivity-probe", "30000", "--tunnel-ofport-base", OFPORT_BASE_ARGUMENT));
        ovs.run(chassisTool(controller, "join", arguments.toArray(String[]::new)));
    }

    /**
     * Joins over TLS ({@code liveflow-chassis join --ssl-key --ssl-cert --ssl-ca}): the switch connects to the
     * controller's {@code ssl:} target with this key and certificate.
     */
    public void joinWithTls(final LabController controller, final Path key, final Path cert, final Path ca)
            throws IOException {
        ovs.run(chassisTool(controller, "join", "--controller", controller.openflowTarget(),
            "--tunnel-ip", underlayIp(), "--datapath-id", Long.toString(datapathId()), "--inactivity-probe", "30000",
            "--tunnel-ofport-base", OFPORT_BASE_ARGUMENT, "--ssl-key", key.toString(), "--ssl-cert", cert.toString(),
            "--ssl-ca", ca.toString()));
    }

    /**
     * Presents another chassis' datapath id to the controller, as an impostor on the management network would:
     * br-int with that datapath id and the controller as its target, without registering anything.
     */
    public void impersonate(final LabController controller, final long datapathIdOfAnother) throws IOException {
        addBridgeWithDatapathId(datapathIdOfAnother);
        ovs.vsctl("set-controller", "br-int", "tcp:" + controller.openflowTarget());
    }

    /**
     * As {@link #impersonate}, over TLS with this key and certificate (of the controller's CA, but not of that
     * chassis).
     */
    public void impersonateWithTls(final LabController controller, final long datapathIdOfAnother, final Path key,
            final Path cert, final Path ca) throws IOException {
        ovs.vsctl("set-ssl", key.toString(), cert.toString(), ca.toString());
        addBridgeWithDatapathId(datapathIdOfAnother);
        ovs.vsctl("set-controller", "br-int", "ssl:" + controller.openflowTarget());
    }

    private void addBridgeWithDatapathId(final long datapathId) throws IOException {
        ovs.vsctl("add-br", "br-int", "--", "set", "bridge", "br-int", "protocols=OpenFlow13", "fail_mode=secure",
            "other_config:disable-in-band=true", String.format("other_config:datapath-id=%016x", datapathId));
    }

    /**
     * Drops br-int's controller connection and sets the same target again, as a controller restart would make the
     * switch reconnect; the connection settings of the join are restored. Returns when the target was set again.
     */
    public Instant reconnectController() throws IOException {
        final String target = ovs.vsctl("get-controller", "br-int").trim();
        ovs.vsctl("del-controller", "br-int");
        final Instant reconnecting = Instant.now();
        ovs.vsctl("set-controller", "br-int", target);
        for (String record : ovs.vsctl("--columns=_uuid", "--bare", "list", "controller").trim().split("\\s+")) {
            ovs.vsctl("set", "controller", record, "connection_mode=out-of-band", "inactivity_probe=30000");
        }
        return reconnecting;
    }

    /**
     * Returns how many OpenFlow connections this chassis' ovs-vswitchd has opened so far (its vconn_open coverage
     * counter): each attempt to reach the controller counts, refused or not.
     */
    public long connectionAttempts() throws IOException {
        return Long.parseLong(ovs.appctl("coverage/read-counter", "vconn_open").trim());
    }

    /**
     * Returns what Open vSwitch says of br-int's controller connection: is_connected and its status map (state,
     * last_error, sec_since_connect...).
     */
    public String controllerConnection() throws IOException {
        return ovs.vsctl("--columns=target,is_connected,status", "list", "controller");
    }

    /**
     * Brings the tunnel ports in step with the registry once ({@code liveflow-chassis sync}).
     */
    void syncTunnels(final LabController controller) throws IOException {
        ovs.run(chassisTool(controller, "sync", "--tunnel-ofport-base", OFPORT_BASE_ARGUMENT));
    }

    /**
     * Starts {@code liveflow-chassis sync --watch} for this chassis; the lab stops it on close.
     */
    Process watchTunnels(final LabController controller) throws IOException {
        return new ProcessBuilder(chassisTool(controller, "sync", "--watch", "--tunnel-ofport-base",
            OFPORT_BASE_ARGUMENT)).directory(ovs.dir().toFile())
            .redirectErrorStream(true).redirectOutput(ovs.dir().resolve("watch.log").toFile()).start();
    }

    /**
     * Takes the chassis out ({@code liveflow-chassis leave}): br-int and the registration go.
     */
    public void leave(final LabController controller) throws IOException {
        ovs.run(chassisTool(controller, "leave"));
    }

    private String[] chassisTool(final LabController controller, final String command, final String... args) {
        final List<String> out = new ArrayList<>(List.of(controller.chassisTool().toString(), command, "--name",
            name, "--restconf", controller.restconf(), "--db", "unix:" + ovs.dir().resolve("db.sock")));
        out.addAll(List.of(args));
        return out.toArray(String[]::new);
    }

    /**
     * Returns the names of br-int's tunnel ports and their types ({@code tun-c2=geneve}).
     */
    public Map<String, String> tunnelPorts() throws IOException {
        final Map<String, String> out = new TreeMap<>();
        // one query: a watcher may delete a port between two
        for (String line : ovs.vsctl("--format=csv", "--no-headings", "--columns=name,type", "list", "interface")
                .split("\n")) {
            final String[] nameAndType = line.replace("\"", "").split(",");
            if (nameAndType.length == 2 && nameAndType[0].startsWith("tun-")) {
                out.put(nameAndType[0], nameAndType[1]);
            }
        }
        return out;
    }

    /**
     * Makes this chassis an OVN chassis: Geneve towards the others' underlay addresses, and an ovn-controller
     * following the southbound database at {@code southbound} (a unix socket).
     */
    void attachToOvn(final Path southbound) throws IOException {
        ovs.vsctl("set", "open_vswitch", ".", "external_ids:ovn-remote=unix:" + southbound,
            "external_ids:ovn-encap-type=geneve", "external_ids:ovn-encap-ip=" + underlayIp(),
            "external_ids:ovn-bridge=br-int");
        ovs.runControlPlane("ovn-controller", "unix:" + ovs.dir().resolve("db.sock"),
            "--pidfile=" + ovs.dir().resolve("ovn-controller.pid"), "--detach",
            "--log-file=" + ovs.dir().resolve("ovn-controller.log"));
    }

    /**
     * Puts this OVN chassis in the given transport zones (comma-separated): OVN forms tunnels only between chassis
     * that share one.
     */
    public void setOvnTransportZones(final String zones) throws IOException {
        ovs.vsctl("set", "open_vswitch", ".", "external_ids:ovn-transport-zones=" + zones);
    }

    /**
     * Tells the underlay how to reach another chassis' tunnel endpoint (what ARP would learn).
     */
    void addNeighbour(final OvsChassis other) throws IOException {
        ovs.appctl("tnl/neigh/set", "br-phys", other.underlayIp(), other.underlayMac());
    }

    /**
     * Captures what a port receives (what its VM sends into the switch) from now on, with the switch's times.
     */
    public void capturePortReceived(final String port, final Path capture) throws IOException {
        ovs.vsctl("set", "interface", port, "options:rxq_pcap=" + capture);
    }

    Map<String, long[]> portPackets() throws IOException {
        return ovs.portPackets();
    }

    /**
     * Adds br-int's port to the external network, joined to the external switch's socket.
     */
    void addExternalPort(final String socket) throws IOException {
        ovs.vsctl("add-port", "br-int", "ext", "--", "set", "interface", "ext", "type=dummy",
            "ofport_request=" + EXTERNAL_OFPORT, "options:stream=unix:" + socket);
    }

    /**
     * Adds the provider bridge br-ex joined to the external switch's socket, and names it as the bridge of the
     * physical network in ovn-controller's bridge mappings.
     */
    void addProviderBridge(final String physicalNetwork, final String socket) throws IOException {
        ovs.vsctl("add-br", "br-ex", "--", "set", "bridge", "br-ex", "fail_mode=standalone");
        ovs.vsctl("add-port", "br-ex", "ext", "--", "set", "interface", "ext", "type=dummy",
            "options:stream=unix:" + socket);
        ovs.vsctl("set", "open_vswitch", ".", "external_ids:ovn-bridge-mappings=" + physicalNetwork + ":br-ex");
    }

    public void addVmPort(final String iface, final int ofport) throws IOException {
        ovs.vsctl("add-port", "br-int", iface, "--", "set", "interface", iface, "type=dummy",
            "ofport_request=" + ofport, "options:tx_pcap=" + pcapOf(iface), "external_ids:iface-id=" + iface);
    }

    /**
     * Adds a VM port whose VM side is a unix socket ({@link StreamPort}); returns the socket's path.
     */
    public Path addStreamVmPort(final String iface, final int ofport) throws IOException {
        final Path socket = ovs.dir().resolve(iface + ".sock");
        ovs.vsctl("add-port", "br-int", iface, "--", "set", "interface", iface, "type=dummy",
            "ofport_request=" + ofport, "options:pstream=punix:" + socket, "external_ids:iface-id=" + iface);
        return socket;
    }

    /**
     * Returns the frames a VM port has delivered to its VM, with their times.
     */
    public List<PcapFile.Frame> deliveredFramesWithTimes(final String iface) throws IOException {
        return PcapFile.frames(pcapOf(iface));
    }

    /**
     * Returns how many frames a VM port has delivered to its VM (LLDP from the controller not counted).
     */
    public long deliveredFrames(final String iface) throws IOException {
        return PcapFile.countVmFrames(pcapOf(iface));
    }

    private Path pcapOf(final String iface) {
        return ovs.dir().resolve(iface + ".pcap");
    }

    /**
     * Returns the OpenFlow port number of an interface on br-int.
     */
    public long ofportOf(final String iface) throws IOException {
        return Long.parseLong(ovs.vsctl("get", "interface", iface, "ofport").strip());
    }

    /**
     * Makes a VM port receive several packets in one go, before the switch handles any of them.
     */
    public void injectAll(final String iface, final String... packets) throws IOException {
        final String[] args = new String[packets.length + 2];
        args[0] = "netdev-dummy/receive";
        args[1] = iface;
        System.arraycopy(packets, 0, args, 2, packets.length);
        ovs.appctl(args);
    }

    public boolean hasPort(final String iface) throws IOException {
        return ovs.vsctl("list-ports", "br-int").lines().anyMatch(iface::equals);
    }

    public void removePort(final String iface) throws IOException {
        ovs.vsctl("del-port", "br-int", iface);
    }

    /**
     * Makes a VM port receive one packet, given as a datapath flow such as
     * {@code eth(src=..,dst=..),eth_type(0x0800),ipv4(..)}.
     */
    public void inject(final String iface, final String packet) throws IOException {
        ovs.appctl("netdev-dummy/receive", iface, packet);
    }

    /**
     * Returns br-int's flows as ovs-ofctl prints them, without the header line, and without liveflow's bundle
     * receipt (table 250, which no packet reaches; its cookie changes with every bundle the switch takes).
     */
    public List<String> flows() throws IOException {
        // port numbers, not names: what liveflow writes and what the tests match
        return ovs.ofctl("br-int", "--no-names", "dump-flows").lines().filter(line -> line.contains("table="))
            .filter(line -> !line.contains(RECEIPT_TABLE)).map(String::strip).toList();
    }

    /**
     * Returns the cookie of liveflow's bundle receipt on br-int (it names the last bundle the switch applied), or
     * an empty string if there is none.
     */
    public String bundleReceipt() throws IOException {
        return ovs.ofctl("br-int", "dump-flows", "table=250").lines().filter(line -> line.contains(RECEIPT_TABLE))
            .map(line -> line.replaceAll(".*cookie=(0x[0-9a-f]+).*", "$1")).findFirst().orElse("");
    }

    /**
     * Returns br-int's flows without the counters and durations that change while traffic flows.
     */
    public List<String> flowRules() throws IOException {
        return flows().stream().map(OvsChassis::withoutCounters).sorted().toList();
    }

    /**
     * Returns how long each flow (without counters) has been on the switch, in seconds; a flow that was
     * replaced, or removed and added again, starts over.
     */
    public Map<String, Double> flowDurations() throws IOException {
        final Map<String, Double> out = new HashMap<>();
        for (String flow : flows()) {
            final Matcher matcher = DURATION.matcher(flow);
            if (matcher.find()) {
                out.put(withoutCounters(flow), Double.parseDouble(matcher.group(1)));
            }
        }
        return out;
    }

    /**
     * Makes one table of br-int refuse every flow beyond those it holds now (Open vSwitch's flow limit with the
     * refuse policy), as a full hardware table would; returns that number.
     */
    public int freezeTable(final int table) throws IOException {
        final int held = (int) flows().stream().filter(flow -> flow.contains("table=" + table + ",")).count();
        ovs.vsctl("--", "--id=@limit", "create", "Flow_Table", "flow_limit=" + held, "overflow_policy=refuse",
            "--", "set", "bridge", "br-int", "flow_tables:" + table + "=@limit");
        return held;
    }

    /**
     * Lifts the limit {@link #freezeTable} put on a table.
     */
    public void thawTable(final int table) throws IOException {
        ovs.vsctl("remove", "bridge", "br-int", "flow_tables", String.valueOf(table));
    }

    /**
     * Returns the lines of this chassis' ovs-vswitchd log that contain the text (it logs every error reply it sends
     * a controller, such as a refused bundle's).
     */
    public List<String> switchLogLinesContaining(final String text) throws IOException {
        try (Stream<String> lines = Files.lines(ovs.dir().resolve("vswitchd.log"))) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }

    public String groups() throws IOException {
        return ovs.ofctl("br-int", "dump-groups");
    }

    /**
     * Returns the packet count of the flows matching every given fragment.
     */
    public long packetsOfFlows(final String... fragments) throws IOException {
        long total = 0;
        for (String flow : flows()) {
            if (List.of(fragments).stream().allMatch(flow::contains)) {
                final Matcher matcher = N_PACKETS.matcher(flow);
                if (matcher.find()) {
                    total += Long.parseLong(matcher.group(1));
                }
            }
        }
        return total;
    }

    public void stopSwitch() {
        ovs.stopSwitch();
    }

    /**
     * Freezes the chassis' ovs-vswitchd (SIGSTOP): a hung switch whose connection stays open.
     */
    public void pauseSwitch() throws IOException {
        ovs.pauseSwitch();
    }

    public void resumeSwitch() throws IOException {
        ovs.resumeSwitch();
    }

    /**
     * Kills the chassis' ovs-vswitchd (SIGKILL); {@link #startSwitch()} brings it back without its flows.
     */
    public void killSwitch() throws IOException {
        ovs.killSwitch();
    }

    public void startSwitch() throws IOException {
        ovs.startSwitch();
        // netdev-dummy addresses and routes live in ovs-vswitchd's memory: restore them as a reboot would
        ovs.appctl("netdev-dummy/ip4addr", "br-phys", underlayIp() + "/24");
        ovs.appctl("ovs/route/add", "172.31.0.0/24", "br-phys");
    }

    static String withoutCounters(final String flow) {
        return flow.replaceAll("duration=[^,]*, ", "").replaceAll("n_packets=[^,]*, ", "")
            .replaceAll("n_bytes=[^,]*, ", "").replaceAll("idle_age=[^,]*, ", "").replaceAll("hard_age=[^,]*, ", "");
    }
}
