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
import org.opendaylight.liveflow.it.lab.OvnCentral;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;

/**
 * OVN 23.03 (Debian's ovn-central and ovn-host) in the migration benchmark, on the same lab: one logical switch,
 * the VM's logical port with a multi-chassis binding (requested-chassis c1,c2) and activation-strategy=rarp
 * during the migration, then requested-chassis c2 as Nova sets it when the migration completes.
 */
final class OvnOverlay implements MigratingOverlay {
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private OvnCentral central;
    private OvsLab lab;
    private long preparedMillis;

    @Override
    public String name() {
        return "ovn";
    }

    @Override
    public List<Path> setUp(final int count) throws Exception {
        final Path dir = Path.of(System.getProperty("liveflow.it.workdir", "target/karaf-runs"), "migration-bench-ovn");
        central = OvnCentral.start(dir.resolve("central"));
        final String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "c" + (i + 1);
        }
        lab = OvsLab.startForOvn(dir.resolve("chassis"), central.southbound(), names);
        central.nbctl("ls-add", "net-b");
        central.nbctl("lsp-add", "net-b", VM, "--", "lsp-set-addresses", VM, VM_MAC + " " + VM_IP,
            "--", "lsp-set-options", VM, "requested-chassis=c1");
        for (int k = 3; k <= count; k++) {
            central.nbctl("lsp-add", "net-b", "s" + k, "--", "lsp-set-addresses", "s" + k,
                ProbeStream.senderMac(k) + " " + ProbeStream.senderIp(k), "--", "lsp-set-options", "s" + k,
                "requested-chassis=c" + k);
        }
        lab.chassis("c1").addVmPort(VM, VM_OFPORT);
        final List<Path> sockets = new ArrayList<>();
        for (int k = 3; k <= count; k++) {
            sockets.add(lab.chassis("c" + k).addStreamVmPort("s" + k, SENDER_OFPORT));
        }
        awaitChassisRegistered(count);
        central.nbctl("--wait=hv", "--timeout=300", "sync");
        return sockets;
    }

    private void awaitChassisRegistered(final int count) throws Exception {
        final Instant deadline = Instant.now().plus(PATIENCE);
        while (central.sbctl("--bare", "--columns=name", "list", "chassis").lines().filter(line -> !line.isBlank())
                .count() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not every ovn-controller registered its chassis");
            }
            Thread.sleep(200);
        }
    }

    @Override
    public OvsChassis chassis(final String name) {
        return lab.chassis(name);
    }

    @Override
    public void plugDestination() throws Exception {
        final Instant start = Instant.now();
        central.nbctl("lsp-set-options", VM, "requested-chassis=c1,c2", "activation-strategy=rarp");
        lab.chassis("c2").addVmPort(VM, VM_OFPORT);
        final Instant deadline = Instant.now().plus(PATIENCE);
        while (central.sbctl("--bare", "--columns=additional_chassis", "find", "port_binding", "logical_port=" + VM)
                .isBlank()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("OVN never bound the VM's port to c2 as well");
            }
            Thread.sleep(50);
        }
        central.nbctl("--wait=hv", "--timeout=300", "sync");
        preparedMillis = Duration.between(start, Instant.now()).toMillis();
    }

    @Override
    public void moveBinding() throws Exception {
        central.nbctl("lsp-set-options", VM, "requested-chassis=c2");
    }

    String note() {
        return "multi-chassis binding ready " + preparedMillis + " ms after requested-chassis=c1,c2";
    }

    @Override
    public void close() {
        if (lab != null) {
            lab.close();
        }
        if (central != null) {
            central.close();
        }
    }
}
