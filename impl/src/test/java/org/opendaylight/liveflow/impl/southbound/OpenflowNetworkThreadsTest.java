/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.openflow._switch.connection.config.rev160506.SwitchConnectionConfigBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.openflow._switch.connection.config.rev160506._switch.connection.config.ThreadsBuilder;
import org.opendaylight.yangtools.yang.common.Uint16;

class OpenflowNetworkThreadsTest {
    private static final int NETTY_DEFAULT = 2 * Runtime.getRuntime().availableProcessors();

    @Test
    void configuredWorkerThreadsAreTaken() {
        assertEquals(16, OpenflowNetworkThreads.workerThreads(new SwitchConnectionConfigBuilder()
            .setInstanceName("openflow-switch-connection-provider-default-impl")
            .setThreads(new ThreadsBuilder().setBossThreads(Uint16.ONE).setWorkerThreads(Uint16.valueOf(16)).build())
            .build()));
    }

    @Test
    void withoutThreadSettingsNettysDefaultIsAssumed() {
        assertEquals(NETTY_DEFAULT, OpenflowNetworkThreads.workerThreads(
            new SwitchConnectionConfigBuilder().setInstanceName("legacy").build()));
        assertEquals(NETTY_DEFAULT, OpenflowNetworkThreads.workerThreads(
            new SwitchConnectionConfigBuilder().setInstanceName("legacy")
                .setThreads(new ThreadsBuilder().setBossThreads(Uint16.ONE).build()).build()));
    }

    @Test
    void zeroWorkerThreadsAreNettysDefaultToo() {
        assertEquals(NETTY_DEFAULT, OpenflowNetworkThreads.workerThreads(new SwitchConnectionConfigBuilder()
            .setInstanceName("odd").setThreads(new ThreadsBuilder().setWorkerThreads(Uint16.ZERO).build()).build()));
    }
}
