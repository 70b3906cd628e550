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
    private final Integer controllerPort;
    private final OvsProcess underlay;
    private final Map<String, OvsChassis> chassis = new LinkedHashMap<>();
    private final List<OvsProcess> started = new ArrayList<>();
    private final Thread reaper = new Thread(this::stopAll, "ovs-lab-reaper");

    private OvsLab(final Path dir, final Integer controllerPort) {
        this.dir = dir;
        this.controllerPort = controllerPort;
        underlay = new OvsProcess(dir.resolve("underlay"));
    }

    /**
     * Starts the underlay and the named chassis (datapath ids 1, 2, ...), with a VXLAN tunnel between every
     * pair, their br-int connected to the controller's OpenFlow port.
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    public static OvsLab start(final Path dir, final int controllerPort, final String... names) throws IOException {
        final OvsLab lab = new OvsLab(dir, controllerPort);
        Runtime.getRuntime().addShutdownHook(lab.reaper);
        try {
            lab.startAll(names);
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
        final OvsLab lab = new OvsLab(dir, null);
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
        for (int i = 0; i < names.length; i++) {
            final String name = names[i];
            final String socket = underlay.dir().resolve(name + ".sock").toString();
            underlay.vsctl("add-port", "br-u", "u-" + name, "--", "set", "interface", "u-" + name, "type=dummy",
                "options:pstream=punix:" + socket);
            final OvsProcess ovs = new OvsProcess(dir.resolve(name));
            ovs.start();
            started.add(ovs);
            final OvsChassis node = new OvsChassis(name, i + 1, ovs);
            node.createBridges(controllerPort, socket);
            // a chassis that only receives never teaches the learning switch its address: without this entry
            // every tunnelled frame to it is flooded to all chassis (at 100 chassis, 100 copies of each)
            underlay.appctl("fdb/add", "br-u", "u-" + name, "0", node.underlayMac());
            chassis.put(name, node);
        }
        for (OvsChassis from : chassis.values()) {
            final List<OvsChassis> others = chassis.values().stream().filter(to -> to != from).toList();
            if (controllerPort != null) {
                from.addTunnelsTo(others);
            } else {
                for (OvsChassis to : others) {
                    from.addNeighbour(to);
                }
            }
        }
    }

    /**
     * Adds the external (provider, flat) network on physical network {@code physnet1}: a learning switch br-ext in
     * the underlay's process with the external gateway host's port {@code gw} (captured, and fed by
     * {@code netdev-dummy/receive} or its socket), joined to each chassis: to br-int's port {@code ext} (OpenFlow
     * port {@link OvsChassis#EXTERNAL_OFPORT}) for liveflow, to a provider bridge {@code br-ex} named by the
     * chassis' OVN bridge mapping for OVN.
     */
    public ExternalNetwork addExternalNetwork() throws IOException {
        underlay.vsctl("add-br", "br-ext", "--", "set", "bridge", "br-ext", "fail_mode=standalone");
        final Path capture = underlay.dir().resolve("gw.pcap");
        final Path gatewaySocket = underlay.dir().resolve("gw.sock");
        underlay.vsctl("add-port", "br-ext", "gw", "--", "set", "interface", "gw", "type=dummy",
            "options:tx_pcap=" + capture, "options:pstream=punix:" + gatewaySocket);
        for (OvsChassis node : chassis.values()) {
            final String socket = underlay.dir().resolve("x-" + node.name() + ".sock").toString();
            underlay.vsctl("add-port", "br-ext", "x-" + node.name(), "--", "set", "interface", "x-" + node.name(),
                "type=dummy", "options:pstream=punix:" + socket);
            if (controllerPort != null) {
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

    private synchronized void stopAll() {
        // one after the other, 100 chassis took minutes (each ovs-vswitchd needs seconds to exit); each instance
        // still stops its own daemons in order
        final ExecutorService stoppers = Executors.newFixedThreadPool(Math.max(1, Math.min(started.size(), 32)));
        try {
            for (OvsProcess process : started) {
                stoppers.execute(process::stop);
            }
        } finally {
            stoppers.shutdown();
            try {
                if (!stoppers.awaitTermination(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("Open vSwitch instances still stopping after 2 minutes in " + dir);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        started.clear();
    }
}
