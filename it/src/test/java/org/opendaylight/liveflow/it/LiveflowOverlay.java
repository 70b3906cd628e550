/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;

/**
 * liveflow in the migration benchmark: the distribution with its OpenFlowPlugin, the lab's switches connected to
 * it.
 */
final class LiveflowOverlay implements MigratingOverlay {
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private KarafInstance karaf;
    private OvsLab lab;
    private OverlayClient overlay;

    @Override
    public String name() {
        return "liveflow";
    }

    @Override
    public List<Path> setUp(final int count) throws Exception {
        karaf = KarafInstance.start("migration-bench", UnaryOperator.identity(), true);
        overlay = new OverlayClient(karaf.restconf());
        final String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "c" + (i + 1);
        }
        lab = OvsLab.start(karaf.home().resolveSibling("migration-bench-ovs"), karaf.openflowPort(), names);
        overlay.put("/tenants/tenant=tb", "tenant", "{\"id\": \"tb\"}");
        overlay.put("/networks/network=net-b", "network",
            "{\"id\": \"net-b\", \"tenant\": \"tb\", \"segmentation-id\": 909}");
        overlay.put("/subnets/subnet=sb", "subnet",
            "{\"id\": \"sb\", \"tenant\": \"tb\", \"network\": \"net-b\", \"cidr\": \"10.9.0.0/16\"}");
        overlay.restconf().put(OverlayClient.OVERLAY + "/migration-settings",
            "{\"liveflow:migration-settings\": {\"binding-timeout\": 3600}}");
        for (OvsChassis node : lab.allChassis()) {
            overlay.putChassis(node);
        }
        overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "tb", "net-b", "sb", VM_MAC, VM_IP, "c1"));
        for (int k = 3; k <= count; k++) {
            overlay.put("/ports/port=s" + k, "port", OverlayClient.vm("s" + k, "tb", "net-b", "sb",
                ProbeStream.senderMac(k), ProbeStream.senderIp(k), "c" + k));
        }
        OverlayClient.awaitPipelineOnEverySwitch(lab, PATIENCE);
        lab.chassis("c1").addVmPort(VM, VM_OFPORT);
        final List<Path> sockets = new ArrayList<>();
        for (int k = 3; k <= count; k++) {
            sockets.add(lab.chassis("c" + k).addStreamVmPort("s" + k, SENDER_OFPORT));
        }
        for (int k = 3; k <= count; k++) {
            awaitFlow("c" + k, "dl_dst=" + VM_MAC, "output:");
            awaitFlow("c" + k, "in_port=" + SENDER_OFPORT + " ", "");
        }
        return sockets;
    }

    @Override
    public OvsChassis chassis(final String name) {
        return lab.chassis(name);
    }

    @Override
    public void plugDestination() throws Exception {
        lab.chassis("c2").addVmPort(VM, VM_OFPORT);
        overlay.awaitMigration(VM, PATIENCE, "state=prepared");
        awaitFlow("c2", "CONTROLLER", "");
        for (OvsChassis node : lab.allChassis()) {
            if (node.datapathId() > 2) {
                awaitFlow(node.name(), "dl_dst=" + VM_MAC, "group:");
            }
        }
    }

    @Override
    public void moveBinding() throws Exception {
        overlay.put("/ports/port=vm", "port", OverlayClient.vm(VM, "tb", "net-b", "sb", VM_MAC, VM_IP, "c2"));
    }

    /**
     * Returns the engine's own figure: activation until every chassis' flows were written, in ms.
     */
    double engineConvergenceMillis() throws Exception {
        return overlay.awaitMigration(VM, PATIENCE, "state=bound").path("convergence-micros").asLong() / 1000.0;
    }

    private void awaitFlow(final String chassis, final String fragment, final String action) throws Exception {
        final Instant deadline = Instant.now().plus(PATIENCE);
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
        if (lab != null) {
            lab.close();
        }
        if (karaf != null) {
            karaf.close();
        }
    }
}
