/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chassis that only watch a migration: many integration bridges in a few ovs-vswitchd processes (the scale lab,
 * docs/design.md section 9). Each bridge is a real OpenFlow switch with a datapath id of its own that connects to
 * the controller, holds what liveflow programs and answers its probes; real Open vSwitch handles the protocol.
 *
 * <p>Port names are unique within one ovs-vswitchd, so bystander {@code yK} names its ports after itself: the VM
 * interfaces {@code yK-vmJ} and the tunnel ports {@code yK-<chassis>}, which is why it registers the tunnel port
 * prefix {@code yK-}. Its tunnels lead only to the real chassis given: a bystander must be switched when a VM
 * moves between those, but no traffic flows to or from it (every flood from a real chassis would otherwise be
 * copied to every bystander, on a machine whose two cores also run the controller). The bridges of one process
 * also share one tunnel table, where two tunnels of the same type, remote and key collide; each bystander's own
 * tunnel address ({@code local_ip}) tells them apart.
 */
public final class BystanderSwitches implements AutoCloseable {
    /**
     * Bridges created per ovs-vsctl transaction: each transaction reconfigures the whole process once, and one
     * that adds thousands of ports at once outlasts ovs-vsctl's timeout.
     */
    private static final int MAX_BRIDGES_PER_TRANSACTION = 50;
    private static final int MAX_PORTS_PER_TRANSACTION = 400;
    private static final Pattern DURATION = Pattern.compile("duration=([0-9.]+)s");

    /**
     * One bystander chassis: its name, datapath id, tunnel endpoint address, and the process its bridge lives in.
     */
    public record Bystander(String name, long datapathId, String tunnelIp, OvsProcess ovs) {
        public String bridge() {
            return name;
        }

        public String tunnelPortPrefix() {
            return name + "-";
        }

        /** The interface of this bystander's VM {@code index} (1, 2, ...); it is plugged at OpenFlow port index. */
        public String vmInterface(final int index) {
            return name + "-vm" + index;
        }
    }

    /** The far end of a tunnel from a bystander: a real chassis or another bystander. */
    private record TunnelEnd(String name, String underlayIp, long datapathId) {
    }

    private final Path dir;
    private final List<OvsProcess> processes = new ArrayList<>();
    private final List<Bystander> bystanders = new ArrayList<>();
    private final Thread reaper = new Thread(this::stopAll, "bystander-reaper");

    private BystanderSwitches(final Path dir) {
        this.dir = dir;
    }

    /**
     * Returns the bystanders {@code y1..y<count>} to be started, without starting anything: their registration
     * must reach the controller before their switches connect (its switch gate admits only registered datapath
     * ids).
     *
     * @param perProcess bridges per ovs-vswitchd
     * @param firstDatapathId the datapath id of y1; yK has this plus K - 1
     */
    public static BystanderSwitches plan(final Path dir, final int count, final int perProcess,
            final long firstDatapathId) throws IOException {
        final BystanderSwitches out = new BystanderSwitches(dir);
        OvsLab.deleteTree(dir);
        Runtime.getRuntime().addShutdownHook(out.reaper);
        for (int k = 1; k <= count; k++) {
            if ((k - 1) % perProcess == 0) {
                out.processes.add(new OvsProcess(dir.resolve("bystanders-" + out.processes.size())));
            }
            out.bystanders.add(new Bystander("y" + k, firstDatapathId + k - 1,
                String.format("172.30.%d.%d", k / 250, 1 + k % 250), out.processes.get(out.processes.size() - 1)));
        }
        return out;
    }

    public List<Bystander> all() {
        return List.copyOf(bystanders);
    }

    /**
     * Returns each bystander's management socket (OpenFlow for local tools), in the order of {@link #all}.
     */
    public List<Path> managementSockets() {
        return bystanders.stream().map(bystander -> bystander.ovs().managementSocket(bystander.bridge())).toList();
    }

    /**
     * Starts the processes and creates every bystander's bridge, connected to the controller, with
     * {@code vmsEach} VM interfaces (dummy ports at OpenFlow ports 1..vmsEach) and a VXLAN tunnel port to each of
     * {@code tunnelsTo} (at OpenFlow port 100 plus the real chassis' datapath id, as {@code liveflow-chassis}
     * numbers them in the lab).
     */
    public void start(final LabController controller, final int vmsEach, final List<OvsChassis> tunnelsTo)
            throws IOException {
        startWithTunnels(controller, vmsEach, tunnelsTo.stream()
            .map(remote -> new TunnelEnd(remote.name(), remote.underlayIp(), remote.datapathId())).toList());
    }

    /**
     * As {@link #start(LabController, int, List)}, with a tunnel from every bystander to every other bystander
     * instead (a lab of bystanders only, where every one holds a whole chassis' share of the overlay).
     */
    public void startMesh(final LabController controller, final int vmsEach) throws IOException {
        startWithTunnels(controller, vmsEach, bystanders.stream()
            .map(other -> new TunnelEnd(other.name(), other.tunnelIp(), other.datapathId())).toList());
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void startWithTunnels(final LabController controller, final int vmsEach,
            final List<TunnelEnd> tunnelsTo)
            throws IOException {
        final int perTransaction = Math.max(1, Math.min(MAX_BRIDGES_PER_TRANSACTION,
            MAX_PORTS_PER_TRANSACTION / (1 + vmsEach + tunnelsTo.size())));
        try {
            for (OvsProcess process : processes) {
                process.start();
            }
            // each process takes its bridges in transactions of a few dozen, the processes in parallel
            final ExecutorService workers = Executors.newFixedThreadPool(processes.size());
            try {
                final List<Future<?>> done = new ArrayList<>();
                for (OvsProcess process : processes) {
                    final List<Bystander> own = bystanders.stream().filter(b -> b.ovs() == process).toList();
                    done.add(workers.submit(() -> {
                        for (int from = 0; from < own.size(); from += perTransaction) {
                            final List<String> transaction = new ArrayList<>();
                            for (Bystander bystander : own.subList(from, Math.min(own.size(),
                                    from + perTransaction))) {
                                transaction.addAll(bridgeCommands(bystander, controller, vmsEach, tunnelsTo));
                            }
                            process.vsctl(transaction.subList(1, transaction.size()).toArray(String[]::new));
                        }
                        return null;
                    }));
                }
                for (Future<?> each : done) {
                    each.get(5, TimeUnit.MINUTES);
                }
            } finally {
                workers.shutdownNow();
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while creating the bystanders", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IOException("creating the bystanders' bridges failed", e);
        }
    }

    private static List<String> bridgeCommands(final Bystander bystander, final LabController controller,
            final int vmsEach, final List<TunnelEnd> tunnelsTo) {
        final String bridge = bystander.bridge();
        final List<String> out = new ArrayList<>();
        out.addAll(List.of("--", "add-br", bridge, "--", "set", "bridge", bridge, "protocols=OpenFlow13",
            "fail_mode=secure", "other_config:disable-in-band=true",
            String.format("other_config:datapath-id=%016x", bystander.datapathId())));
        final List<String> controllers = new ArrayList<>();
        for (String target : controller.openflowTargets()) {
            final String id = "@c" + bridge.replace('-', '_') + "_" + controllers.size();
            controllers.add(id);
            // as liveflow-chassis join sets them up: out of band, a 30 s inactivity probe
            out.addAll(List.of("--", "--id=" + id, "create", "controller", "target=\"tcp:" + target + "\"",
                "connection_mode=out-of-band", "inactivity_probe=30000"));
        }
        out.addAll(List.of("--", "set", "bridge", bridge, "controller=[" + String.join(",", controllers) + "]"));
        for (int vm = 1; vm <= vmsEach; vm++) {
            final String iface = bystander.vmInterface(vm);
            out.addAll(List.of("--", "add-port", bridge, iface, "--", "set", "interface", iface, "type=dummy",
                "ofport_request=" + vm));
        }
        for (TunnelEnd remote : tunnelsTo) {
            if (remote.name().equals(bystander.name())) {
                continue;
            }
            final String port = bystander.tunnelPortPrefix() + remote.name();
            out.addAll(List.of("--", "add-port", bridge, port, "--", "set", "interface", port, "type=vxlan",
                "options:remote_ip=" + remote.underlayIp(), "options:local_ip=" + bystander.tunnelIp(),
                "options:key=flow", "ofport_request=" + (OvsChassis.TUNNEL_OFPORT_BASE + remote.datapathId())));
        }
        return out;
    }

    /**
     * Returns the flows of a bystander's bridge as ovs-ofctl prints them (port numbers, no header), without
     * liveflow's bundle receipt (as {@link OvsChassis#flows}).
     */
    public List<String> flows(final Bystander bystander) throws IOException {
        return heldFlows(bystander.ovs().ofctl(bystander.bridge(), "--no-names", "dump-flows"));
    }

    /**
     * As {@link #flows}, only those {@code match} selects (as ovs-ofctl's dump-flows takes it: every flow whose
     * match is at least as narrow), read at the switch's niceness ({@link OvsProcess#ofctlAsSwitch}): a reading
     * of a flow's age that ends soon after the switch answered. A bystander holds two thousand flows at a thousand
     * chassis, which ovs-ofctl would otherwise print, at a tenth of a core while the controller is busy.
     */
    public List<String> flowsMatching(final Bystander bystander, final String match) throws IOException {
        return heldFlows(bystander.ovs().ofctlAsSwitch(bystander.bridge(), "--no-names", "dump-flows", match));
    }

    private static List<String> heldFlows(final String dump) {
        return dump.lines().filter(line -> line.contains("table="))
            .filter(line -> !line.contains(OvsChassis.RECEIPT_TABLE)).map(String::strip).toList();
    }

    /**
     * Runs ovs-ofctl (OpenFlow 1.3) on a bystander's bridge: options first, then the command and its arguments.
     */
    public String ofctl(final Bystander bystander, final String... args) throws IOException {
        return bystander.ovs().ofctl(bystander.bridge(), args);
    }

    /**
     * Returns the seconds since the switch installed the newest flow that contains {@code fragment} (its match
     * and actions as ovs-ofctl prints them), or -1 when it holds none; a flow replaced or added again starts
     * over, one modified keeps its age.
     */
    public static double youngest(final List<String> flows, final String fragment) {
        double out = -1;
        for (String flow : flows) {
            final Matcher duration = DURATION.matcher(flow);
            if (flow.contains(fragment) && duration.find()) {
                final double seconds = Double.parseDouble(duration.group(1));
                out = out < 0 ? seconds : Math.min(out, seconds);
            }
        }
        return out;
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

    private synchronized void stopAll() {
        OvsLab.stopInParallel(processes, "bystander switches", dir);
    }
}
