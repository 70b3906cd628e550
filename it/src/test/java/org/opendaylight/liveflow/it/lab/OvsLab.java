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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The test lab: N chassis of real Open vSwitch in userspace whose underlay ports meet on a learning switch in
 * one more OVS instance, so VXLAN between chassis is really encapsulated and decapsulated (docs/design.md section 9).
 * Everything runs under one directory and is stopped by pid file on close, also when a test failed.
 */
public final class OvsLab implements AutoCloseable {
    private final Path dir;
    private final LabController controller;
    private final String tunnelType;
    private final OvsProcess underlay;
    private final Map<String, OvsChassis> chassis = new LinkedHashMap<>();
    private final List<OvsProcess> started = new ArrayList<>();
    private final Map<String, Process> watchers = new LinkedHashMap<>();
    private int lastIndex;
    private final Thread reaper = new Thread(this::stopAll, "ovs-lab-reaper");

    private ChassisJoin joining;
    private boolean externalNetwork;

    /**
     * How a chassis of the lab joins the controller, when not with a plain {@code liveflow-chassis join}.
     */
    @FunctionalInterface
    public interface ChassisJoin {
        void join(OvsChassis node) throws IOException;
    }

    private OvsLab(final Path dir, final LabController controller, final String tunnelType) {
        this.dir = dir;
        this.controller = controller;
        this.tunnelType = tunnelType;
        underlay = new OvsProcess(dir.resolve("underlay"), OvsProcess.FABRIC_NICE);
    }

    /**
     * Starts the lab with every chassis joined by {@code joining} (over TLS, say) instead of a plain join.
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    public static OvsLab startJoinedBy(final Path dir, final LabController controller, final ChassisJoin joining,
            final String... names) throws IOException {
        final OvsLab lab = new OvsLab(dir, controller, "vxlan");
        lab.joining = joining;
        Runtime.getRuntime().addShutdownHook(lab.reaper);
        try {
            lab.startAll(names);
            return lab;
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /**
     * Starts one more chassis joined by {@code join}; returns it.
     */
    public OvsChassis addChassisJoinedBy(final String name, final ChassisJoin join) throws IOException {
        final ChassisJoin before = joining;
        joining = join;
        try {
            return startChassis(name);
        } finally {
            joining = before;
        }
    }

    /**
     * Starts the underlay and the named chassis (datapath ids 1, 2, ...), each joined to the controller with
     * {@code liveflow-chassis}, with a VXLAN tunnel between every pair.
     */
    public static OvsLab start(final Path dir, final LabController controller, final String... names)
            throws IOException {
        return start(dir, controller, "vxlan", false, names);
    }

    /**
     * Starts the lab with tunnels of the given type; with {@code watch}, every chassis also runs
     * {@code liveflow-chassis sync --watch} (stopped on close), so chassis added later get tunnels everywhere.
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    public static OvsLab start(final Path dir, final LabController controller, final String tunnelType,
            final boolean watch, final String... names) throws IOException {
        final OvsLab lab = new OvsLab(dir, controller, tunnelType);
        Runtime.getRuntime().addShutdownHook(lab.reaper);
        try {
            lab.startAll(names);
            if (watch) {
                for (OvsChassis node : lab.chassis.values()) {
                    lab.watchers.put(node.name(), node.watchTunnels(controller));
                }
            }
            return lab;
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    public OvsChassis chassis(final String name) {
        return chassis.get(name);
    }

    public List<OvsChassis> allChassis() {
        return List.copyOf(chassis.values());
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }

    /**
     * Starts the same chassis and underlay for OVN: br-int without a controller, no tunnel ports (ovn-controller
     * makes its own), and an ovn-controller per chassis following the southbound database at {@code southbound}.
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    public static OvsLab startForOvn(final Path dir, final Path southbound, final String... names)
            throws IOException {
        final OvsLab lab = new OvsLab(dir, null, "geneve");
        Runtime.getRuntime().addShutdownHook(lab.reaper);
        try {
            lab.startAll(names);
            for (OvsChassis node : lab.chassis.values()) {
                node.attachToOvn(southbound);
            }
            return lab;
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private void startAll(final String... names) throws IOException {
        deleteTree(dir);
        underlay.start();
        started.add(underlay);
        underlay.vsctl("add-br", "br-u", "--", "set", "bridge", "br-u", "fail_mode=standalone");
        for (String name : names) {
            startChassis(name);
        }
        if (controller != null) {
            // each join saw only the chassis registered before it: one more look gives everyone all tunnels
            for (OvsChassis node : chassis.values()) {
                node.syncTunnels(controller);
            }
        }
    }

    /**
     * Starts one more chassis and joins it (its tunnel ports to the others are made by the join, theirs to it by
     * their watchers); returns it.
     */
    public OvsChassis addChassis(final String name) throws IOException {
        return startChassis(name);
    }

    /**
     * Takes a chassis out with {@code liveflow-chassis leave} and stops its Open vSwitch.
     */
    public void removeChassis(final String name) throws IOException {
        final OvsChassis node = chassis.remove(name);
        final Process watcher = watchers.remove(name);
        if (watcher != null) {
            stopWatcher(watcher);
        }
        node.leave(controller);
    }

    private OvsChassis startChassis(final String name) throws IOException {
        final String socket = underlay.dir().resolve(name + ".sock").toString();
        underlay.vsctl("add-port", "br-u", "u-" + name, "--", "set", "interface", "u-" + name, "type=dummy",
            "options:pstream=punix:" + socket);
        final OvsProcess ovs = new OvsProcess(dir.resolve(name));
        ovs.start();
        started.add(ovs);
        final OvsChassis node = new OvsChassis(name, ++lastIndex, ovs);
        node.createUnderlay(socket);
        // a chassis that only receives never teaches the learning switch its address: without this entry
        // every tunnelled frame to it is flooded to all chassis (at 100 chassis, 100 copies of each)
        underlay.appctl("fdb/add", "br-u", "u-" + name, "0", node.underlayMac());
        for (OvsChassis other : chassis.values()) {
            node.addNeighbour(other);
            other.addNeighbour(node);
        }
        chassis.put(name, node);
        if (joining != null) {
            joining.join(node);
        } else if (controller != null) {
            node.join(controller, tunnelType);
        } else {
            node.createOvnIntegrationBridge();
        }
        return node;
    }

    /**
     * Adds the external (provider, flat) network on physical network {@code physnet1}: a learning switch br-ext in
     * the underlay's process with the external gateway host's port {@code gw} (captured, and fed by
     * {@code netdev-dummy/receive} or its socket), joined to each chassis: to br-int's port {@code ext} (OpenFlow
     * port {@link OvsChassis#EXTERNAL_OFPORT}) for liveflow, to a provider bridge {@code br-ex} named by the
     * chassis' OVN bridge mapping for OVN.
     */
    public ExternalNetwork addExternalNetwork() throws IOException {
        // how long the external learning switch remembers where a MAC is (OVS's default, 300 s, unless the lab is
        // asked for another): a MAC it forgot is flooded to every chassis
        final Integer macAging = Integer.getInteger("lab.external.mac-aging");
        underlay.vsctl("add-br", "br-ext", "--", "set", "bridge", "br-ext", "fail_mode=standalone",
            "other_config:mac-aging-time=" + (macAging == null ? 300 : macAging));
        externalNetwork = true;
        final Path capture = underlay.dir().resolve("gw.pcap");
        final Path gatewaySocket = underlay.dir().resolve("gw.sock");
        underlay.vsctl("add-port", "br-ext", "gw", "--", "set", "interface", "gw", "type=dummy",
            "options:tx_pcap=" + capture, "options:pstream=punix:" + gatewaySocket);
        for (OvsChassis node : chassis.values()) {
            final String socket = underlay.dir().resolve("x-" + node.name() + ".sock").toString();
            underlay.vsctl("add-port", "br-ext", "x-" + node.name(), "--", "set", "interface", "x-" + node.name(),
                "type=dummy", "options:pstream=punix:" + socket);
            if (controller != null) {
                node.addExternalPort(socket);
            } else {
                node.addProviderBridge("physnet1", socket);
            }
        }
        return new ExternalNetwork(underlay, capture, gatewaySocket);
    }

    /**
     * The external network's gateway host: what it receives, and a way to make it send.
     */
    public static final class ExternalNetwork {
        private final OvsProcess ovs;
        private final Path capture;
        private final Path socket;

        ExternalNetwork(final OvsProcess ovs, final Path capture, final Path socket) {
            this.ovs = ovs;
            this.capture = capture;
            this.socket = socket;
        }

        /**
         * Returns the socket whose frames the gateway host sends (a {@link StreamPort} connects to it).
         */
        public Path gatewaySocket() {
            return socket;
        }

        /**
         * Makes the gateway send one packet, given as a datapath flow.
         */
        public void send(final String packet) throws IOException {
            ovs.appctl("netdev-dummy/receive", "gw", packet);
        }

        /**
         * Returns the frames the gateway received, in order.
         */
        public List<PcapFile.Frame> received() throws IOException {
            return PcapFile.frames(capture);
        }
    }

    /**
     * Reads the counters of both ends of the named chassis' fabric links (underlay, and external network if the lab
     * has one): "cN" is a chassis' underlay link, "cN external" its external one. The ends are read one after the
     * other, so the readings agree only while no frame crosses the links.
     */
    public FabricLinks fabricLinks(final List<String> names) throws IOException {
        final Map<String, long[]> fabric = underlay.portPackets();
        final Map<String, FabricLinks.Link> links = new LinkedHashMap<>();
        for (String name : names) {
            final Map<String, long[]> own = chassis.get(name).portPackets();
            for (LinkPorts ports : linksOf(name)) {
                final long[] fabricEnd = fabric.get(ports.fabricPort());
                final long[] chassisEnd = own.get(ports.chassisPort());
                links.put(ports.label(), new FabricLinks.Link(fabricEnd[1], chassisEnd[0], chassisEnd[1],
                    fabricEnd[0]));
            }
        }
        return new FabricLinks(links);
    }

    /**
     * Where one link into a chassis is captured: what the fabric sent towards the chassis (written before the link
     * may drop it) and what the chassis' datapath received from it.
     */
    public record LinkCapture(Path sentByFabric, Path receivedByChassis) {
    }

    /**
     * Captures both ends of each of a chassis' fabric links from now on (underlay, and external network if the lab
     * has one).
     */
    public List<LinkCapture> captureLinksInto(final String name) throws IOException {
        final OvsChassis node = chassis.get(name);
        final List<LinkCapture> captures = new ArrayList<>();
        for (LinkPorts ports : linksOf(name)) {
            final LinkCapture capture = new LinkCapture(underlay.dir().resolve(ports.fabricPort() + "-tx.pcap"),
                node.dir().resolve(ports.chassisPort() + "-rx.pcap"));
            underlay.vsctl("set", "interface", ports.fabricPort(), "options:tx_pcap=" + capture.sentByFabric());
            node.capturePortReceived(ports.chassisPort(), capture.receivedByChassis());
            captures.add(capture);
        }
        return captures;
    }

    /** A chassis' link into the fabric: its name in reports, and the port at each end. */
    private record LinkPorts(String label, String fabricPort, String chassisPort) {
    }

    private List<LinkPorts> linksOf(final String name) {
        final LinkPorts underlayLink = new LinkPorts(name, "u-" + name, "p0");
        return externalNetwork ? List.of(underlayLink, new LinkPorts(name + " external", "x-" + name, "ext"))
            : List.of(underlayLink);
    }

    /**
     * The niceness of the controller's JVM, and of OVN's control plane in OVN's runs (lab.controller.nice; 0,
     * unchanged, by default). With the switches put first (lab.switch.nice below 0), a busy lab leaves the controller
     * a tenth of a core's share: on a 2-core machine its threads then wait for a core most of the time, which a
     * controller on hosts of its own does not (seen: a fast-path hand-off of 598 ms wall time with 8.7 ms on the CPU,
     * in a host evacuation).
     */
    public static final int CONTROLLER_NICE = Integer.getInteger("lab.controller.nice", 0);

    /**
     * Says at which niceness the lab runs its switches (see {@link OvsProcess#SWITCH_NICE}) and the controller.
     */
    public static String switchPriorities() {
        return String.format("the chassis' ovs-vswitchd at niceness %d (lab.switch.nice), the fabric's at %d "
            + "(lab.fabric.nice), the controller (OVN: its databases, northd and ovn-controllers) at %d "
            + "(lab.controller.nice)", OvsProcess.SWITCH_NICE, OvsProcess.FABRIC_NICE, CONTROLLER_NICE);
    }

    static void deleteTree(final Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Stops a helper process the lab started (a watcher, a flow monitor): SIGTERM, then SIGKILL after 10 s.
     */
    static void stopWatcher(final Process watcher) {
        watcher.destroy();
        try {
            if (!watcher.waitFor(10, TimeUnit.SECONDS)) {
                watcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watcher.destroyForcibly();
        }
    }

    private synchronized void stopAll() {
        watchers.values().forEach(OvsLab::stopWatcher);
        watchers.clear();
        // one after the other, 100 chassis took minutes (each ovs-vswitchd needs seconds to exit); each instance
        // still stops its own daemons in order
        stopInParallel(started, "Open vSwitch instances", dir);
        started.clear();
    }

    /**
     * Stops the instances at once, at most 32 at a time, and waits for them for at most 2 minutes.
     */
    static void stopInParallel(final List<OvsProcess> processes, final String what, final Path dir) {
        final ExecutorService stoppers = Executors.newFixedThreadPool(Math.max(1, Math.min(processes.size(), 32)));
        try {
            for (OvsProcess process : processes) {
                stoppers.execute(process::stop);
            }
        } finally {
            stoppers.shutdown();
            try {
                if (!stoppers.awaitTermination(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException(what + " still stopping after 2 minutes in " + dir);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
