/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void theDistributionsListenersHaveSixteenThreadsEach() throws IOException {
        final Path settings = Path.of("../karaf/src/main/assembly/etc/opendaylight/datastore/initial/config");
        assertEquals(16, OpenflowNetworkThreads.workerThreads(Files.readString(settings.resolve(
            "default-openflow-connection-config.xml"))));
        assertEquals(16, OpenflowNetworkThreads.workerThreads(Files.readString(settings.resolve(
            "legacy-openflow-connection-config.xml"))));
    }

    @Test
    void aSettingsFileWithoutThreadsGetsNettysDefault() throws IOException {
        assertEquals(NETTY_DEFAULT, OpenflowNetworkThreads.workerThreads("""
            <switch-connection-config xmlns="urn:opendaylight:params:xml:ns:yang:openflow:switch:connection:config">
              <instance-name>openflow-switch-connection-provider-default-impl</instance-name>
              <port>6653</port>
              <transport-protocol>TCP</transport-protocol>
            </switch-connection-config>"""));
        assertEquals(NETTY_DEFAULT, OpenflowNetworkThreads.workerThreads("""
            <switch-connection-config xmlns="urn:opendaylight:params:xml:ns:yang:openflow:switch:connection:config">
              <threads><boss-threads>1</boss-threads></threads>
            </switch-connection-config>"""));
    }

    @Test
    void anUnreadableSettingsFileIsAnError() {
        assertThrows(IOException.class, () -> OpenflowNetworkThreads.workerThreads("""
            <switch-connection-config xmlns="urn:opendaylight:params:xml:ns:yang:openflow:switch:connection:config">
              <threads><worker-threads>many</worker-threads></threads>
            </switch-connection-config>"""));
        assertThrows(IOException.class, () -> OpenflowNetworkThreads.workerThreads("<switch-connection-config"));
    }
}
