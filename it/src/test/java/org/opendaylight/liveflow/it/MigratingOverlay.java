/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.nio.file.Path;
import java.util.List;
import org.opendaylight.liveflow.it.lab.OvsChassis;

/**
 * A system that keeps a migrating VM's traffic flowing (liveflow, or OVN), set up on a lab of N chassis the same
 * way: VM "vm" on c1 (the source), c2 the destination, a sender VM "sK" on every other chassis cK.
 */
interface MigratingOverlay extends AutoCloseable {
    String VM = "vm";
    String VM_MAC = "fa:16:3e:0c:00:01";
    String VM_IP = "10.9.0.1";
    int VM_OFPORT = 1;
    int SENDER_OFPORT = 2;

    String name();

    /**
     * Starts the lab and the system, configures the network, plugs the VM on c1 and a stream-fed sender on every
     * other chassis but c2, and waits until every sender's chassis can reach the VM. Returns the senders' sockets
     * in sender index order (3..N).
     */
    List<Path> setUp(int chassis) throws Exception;

    OvsChassis chassis(String name);

    /**
     * Plugs the VM's interface on c2 (the hypervisor prepares the destination) and waits until the system says the
     * migration is prepared.
     */
    void plugDestination() throws Exception;

    /**
     * The VM resumed on c2 and announces itself (RARP).
     */
    default void announce() throws Exception {
        chassis("c2").inject(VM, Frames.rarp(VM_MAC));
    }

    /**
     * The cloud moves the port's binding to c2 (Nova's post-live-migration step).
     */
    void moveBinding() throws Exception;

    @Override
    void close();
}
