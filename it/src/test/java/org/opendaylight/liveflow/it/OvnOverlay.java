/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.opendaylight.liveflow.it.lab.OvnBystanders;
import org.opendaylight.liveflow.it.lab.OvnCentral;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.opendaylight.liveflow.it.lab.StreamPort;

/**
 * OVN 23.03 (Debian's ovn-central and ovn-host) in the migration benchmark, on the same lab: the VM's network and
 * the routed senders' network joined by a distributed logical router with a gateway port on the external network
 * and the VM's floating IP; the VM's logical port with a multi-chassis binding (requested-chassis c1,c2) and
 * activation-strategy=rarp during the migration, then requested-chassis c2 as Nova sets it when the migration
 * completes.
 *
 * <p>With bystanders ({@link OvnBystanders}: an ovn-controller and a bridge each, many bridges to an ovs-vswitchd),
 * each has a port "bK" on the VM's network, so OVN's flows for the VM are on it too and must be switched.
 */
final class OvnOverlay implements MigratingOverlay {
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    /**
     * Bystander bridges (and ovn-controllers) per ovs-vswitchd: OVN 23.03 tells the controllers of one Open vSwitch
     * apart by a one-character index in their tunnel ports' names, 36 of them and one controller without, and a
     * controller that finds none left exits ("All unique controller indices consumed").
     */
    private static final int BYSTANDERS_PER_PROCESS = 36;

    /** The router port's MAC on the routed senders' network (OVN gives each router port its own). */
    private static final String ROUTER_MAC_ON_SENDERS = "02:aa:00:00:00:02";

    private final List<StreamPort> streams = new ArrayList<>();
    private OvnCentral central;
    private OvsLab lab;
    private final int bystanderCount;
    /** How long the lab waits for OVN: longer with more bystanders, as for liveflow. */
    private final Duration patience;
    private OvnBystanders bystanders;
    private long preparedMillis;
    private String bystandersNote = "";

    OvnOverlay() {
        this(0);
    }

    /**
     * As {@link #OvnOverlay()}, with {@code bystanderCount} OVN chassis more that only watch the migration.
     */
    OvnOverlay(final int bystanderCount) {
        this.bystanderCount = bystanderCount;
        patience = PATIENCE.plusSeconds(bystanderCount);
    }

    @Override
    public String name() {
        return "ovn";
    }

    @Override
    public List<ProbeStream.Sender> setUp(final int count) throws Exception {
        final Path dir = Path.of(System.getProperty("liveflow.it.workdir", "target/karaf-runs"), "migration-bench-ovn");
        central = OvnCentral.start(dir.resolve("central"));
        final String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "c" + (i + 1);
        }
        lab = OvsLab.startForOvn(dir.resolve("chassis"), central.southbound(), names);
        if (bystanderCount > 0) {
            startBystanders(dir.resolve("bystanders"));
        }
        final OvsLab.ExternalNetwork external = lab.addExternalNetwork();
        configureRouterAndFloatingIp();
        central.nbctl("lsp-add", "net-b", VM, "--", "lsp-set-addresses", VM, VM_MAC + " " + VM_IP,
            "--", "lsp-set-options", VM, "requested-chassis=c1");
        central.nbctl("lr-nat-add", "lr0", "dnat_and_snat", FLOATING_IP, VM_IP, VM, FLOATING_IP_MAC);
        for (int k = 3; k <= count; k++) {
            central.nbctl("lsp-add", "net-b", "s" + k, "--", "lsp-set-addresses", "s" + k,
                ProbeStream.senderMac(k) + " " + ProbeStream.senderIp(k), "--", "lsp-set-options", "s" + k,
                "requested-chassis=c" + k);
            central.nbctl("lsp-add", "net-r", "r" + k, "--", "lsp-set-addresses", "r" + k,
                MigratingOverlay.routedSenderMac(k) + " " + MigratingOverlay.routedSenderIp(k), "--",
                "lsp-set-options", "r" + k, "requested-chassis=c" + k);
        }
        lab.chassis("c1").addVmPort(VM, VM_OFPORT);
        final Map<String, Path> sockets = new HashMap<>();
        for (int k = 3; k <= count; k++) {
            sockets.put("s" + k, lab.chassis("c" + k).addStreamVmPort("s" + k, SENDER_OFPORT));
            sockets.put("r" + k, lab.chassis("c" + k).addStreamVmPort("r" + k, ROUTED_SENDER_OFPORT));
        }
        if (bystanders != null) {
            addBystanderPorts();
        }
        central.awaitChassis(count + bystanderCount, patience);
        central.nbctl("--wait=hv", "--timeout=" + patience.toSeconds(), "sync");
        return MigratingOverlay.senders(count, ROUTER_MAC_ON_SENDERS, streams,
            (kind, k) -> kind.equals("gw") ? external.gatewaySocket() : sockets.get(kind + k));
    }

    /**
     * The tenant's router joins net-b (the VM's) and net-r (the routed senders'), and the external network
     * "public" (a localnet port on physnet1) through a distributed gateway port on c3 (the VM's floating IP, a
     * distributed dnat_and_snat with its own MAC on the VM's chassis, is added with the VM's port).
     */
    private void configureRouterAndFloatingIp() throws IOException {
        central.nbctl("ls-add", "net-b", "--", "ls-add", "net-r", "--", "ls-add", "public", "--", "lr-add", "lr0");
        central.nbctl("lrp-add", "lr0", "lrp-b", "02:aa:00:00:00:01", "10.9.255.254/16");
        central.nbctl("lrp-add", "lr0", "lrp-r", ROUTER_MAC_ON_SENDERS, "10.8.255.254/16");
        central.nbctl("lrp-add", "lr0", "lrp-public", "02:aa:00:00:00:03", "172.24.4.2/24");
        for (String[] link : List.of(new String[] {"net-b", "b-lr0", "lrp-b"},
                new String[] {"net-r", "r-lr0", "lrp-r"}, new String[] {"public", "public-lr0", "lrp-public"})) {
            central.nbctl("lsp-add", link[0], link[1], "--", "lsp-set-type", link[1], "router",
                "--", "lsp-set-addresses", link[1], "router",
                "--", "lsp-set-options", link[1], "router-port=" + link[2], "nat-addresses=router");
        }
        central.nbctl("lsp-add", "public", "ln-public", "--", "lsp-set-type", "ln-public", "localnet",
            "--", "lsp-set-addresses", "ln-public", "unknown",
            "--", "lsp-set-options", "ln-public", "network_name=physnet1");
        central.nbctl("lrp-set-gateway-chassis", "lrp-public", "c3", "1");
        central.nbctl("lr-route-add", "lr0", "0.0.0.0/0", GATEWAY_IP);
    }

    /**
     * Starts the bystanders, each in a transport zone of its own that the source and the destination join too (the
     * other chassis stay in a zone "real" of their own), so a bystander has tunnels to those two only.
     */
    private void startBystanders(final Path dir) throws IOException {
        bystanders = OvnBystanders.plan(dir, bystanderCount, BYSTANDERS_PER_PROCESS);
        for (OvsChassis chassis : lab.allChassis()) {
            chassis.setOvnTransportZones(List.of("c1", "c2").contains(chassis.name())
                ? "real," + bystanders.zones() : "real");
        }
        final Instant start = Instant.now();
        bystanders.start(central.southbound());
        bystandersNote = String.format("%d OVN bystanders (%d to an ovs-vswitchd) started in %.1f s; ",
            bystanderCount, BYSTANDERS_PER_PROCESS, Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private void addBystanderPorts() throws IOException {
        final List<String> commands = new ArrayList<>();
        for (OvnBystanders.Bystander bystander : bystanders.all()) {
            final String port = bystander.vmPort();
            final int k = Integer.parseInt(bystander.name().substring(1));
            commands.addAll(List.of("--", "lsp-add", "net-b", port, "--", "lsp-set-addresses", port,
                String.format("fa:16:3e:0e:%02x:%02x 10.9.%d.%d", k >> 8, k & 0xff, 100 + (k >> 8), k & 0xff),
                "--", "lsp-set-options", port, "requested-chassis=" + bystander.name()));
        }
        central.nbctl(commands.subList(1, commands.size()).toArray(String[]::new));
    }

    OvnBystanders bystanders() {
        return bystanders;
    }

    /**
     * Starts watching, on every bystander's switch, the flows that send the VM's logical port to other chassis.
     */
    void watchBystanders() throws IOException {
        final long port = Long.parseLong(central.sbctl("--bare", "--columns=tunnel_key", "find", "port_binding",
            "logical_port=" + VM).strip());
        final long datapath = Long.parseLong(central.sbctl("--bare", "--columns=tunnel_key", "find",
            "datapath_binding", "external_ids:name=net-b").strip());
        bystanders.watch(String.format("reg15=0x%x,metadata=0x%x", port, datapath));
    }

    /**
     * Stops watching and returns when each bystander's flows for the VM sent to c2 and no longer to c1, from R
     * ({@code resumedMicros}, µs since the epoch).
     */
    BystanderActivation bystanderActivation(final long resumedMicros) throws IOException {
        bystanders.stopWatching();
        final List<Double> out = new ArrayList<>();
        int never = 0;
        for (OvnBystanders.Bystander bystander : bystanders.all()) {
            final OptionalLong switched = bystanders.switchedAt(bystander, lab.chassis("c1").underlayIp(),
                lab.chassis("c2").underlayIp());
            if (switched.isPresent()) {
                out.add((switched.getAsLong() - resumedMicros) / 1000.0);
            } else {
                never++;
            }
        }
        out.sort(Double::compare);
        return new BystanderActivation(List.copyOf(out), never, List.of());
    }

    @Override
    public OvsLab lab() {
        return lab;
    }

    @Override
    public OvsChassis chassis(final String name) {
        return lab.chassis(name);
    }

    @Override
    public void awaitSettled() throws Exception {
        // every ovn-controller has caught up with the northbound database
        central.nbctl("--wait=hv", "--timeout=" + patience.toSeconds(), "sync");
    }

    @Override
    public void plugDestination() throws Exception {
        final Instant start = Instant.now();
        central.nbctl("lsp-set-options", VM, "requested-chassis=c1,c2", "activation-strategy=rarp");
        lab.chassis("c2").addVmPort(VM, VM_OFPORT);
        final Instant deadline = Instant.now().plus(patience);
        while (central.sbctl("--bare", "--columns=additional_chassis", "find", "port_binding", "logical_port=" + VM)
                .isBlank()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("OVN never bound the VM's port to c2 as well");
            }
            Thread.sleep(50);
        }
        central.nbctl("--wait=hv", "--timeout=" + patience.toSeconds(), "sync");
        preparedMillis = Duration.between(start, Instant.now()).toMillis();
    }

    @Override
    public void moveBinding() throws Exception {
        central.nbctl("lsp-set-options", VM, "requested-chassis=c2");
    }

    String note() {
        return bystandersNote + "multi-chassis binding ready " + preparedMillis + " ms after requested-chassis=c1,c2";
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
        if (lab != null) {
            lab.close();
        }
        if (central != null) {
            central.close();
        }
    }
}
