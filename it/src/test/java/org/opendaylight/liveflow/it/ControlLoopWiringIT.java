/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import com.google.common.base.Throwables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadTransaction;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationPrecheck;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationPrecheckInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.MigrationPrecheckOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ChassisRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.Networks;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.ChassisBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.ChassisKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.NetworkKey;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * In-container test (Pax Exam, JUnit 4): the liveflow distribution boots the odl-liveflow feature, and inside that
 * Karaf this class checks that the control loop runs, that liveflow's RPCs answer through the MD-SAL, that a write
 * the commit cohort refuses is refused with liveflow's message and stores nothing, and that the shell commands are
 * registered and read what a binding write stored. The distribution tests (JUnit 5, driven from outside over
 * RESTCONF and SSH) check the behaviour; this one checks the wiring from inside.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ControlLoopWiringIT {
    private static final long SERVICE_TIMEOUT_MILLIS = 180_000;

    @Inject
    private BundleContext context;
    @Inject
    @Filter(timeout = SERVICE_TIMEOUT_MILLIS)
    private SessionFactory sessions;
    @Inject
    @Filter(timeout = SERVICE_TIMEOUT_MILLIS)
    private RpcConsumerRegistry rpcs;
    @Inject
    @Filter(timeout = SERVICE_TIMEOUT_MILLIS)
    private DataBroker broker;
    @Inject
    @Filter(timeout = SERVICE_TIMEOUT_MILLIS)
    private FeaturesService features;

    /**
     * Runs in the test JVM: the distribution as Pax Exam's framework, on free loopback ports.
     */
    @Configuration
    public Option[] configuration() throws IOException {
        final Path assembly = Path.of(System.getProperty("liveflow.karaf.assembly", "../karaf/target/assembly"));
        final Path work = Path.of("target/pax-exam").toAbsolutePath();
        // the last run's Karaf stays for its logs (keepRuntimeFolder), until the next run starts
        KarafInstance.deleteTree(work.resolve("unpacked"));
        final Path zip = DistributionArchive.zip(assembly, work.resolve("liveflow-distribution.zip"));
        final String localRepository = System.getProperty("liveflow.it.localRepository",
            System.getProperty("user.home") + "/.m2/repository");
        final int pluginPort = ListenPorts.next();
        return new Option[] {
            karafDistributionConfiguration(zip.toUri().toString(), "liveflow", "4.4.6")
                .unpackDirectory(work.resolve("unpacked").toFile()).useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            systemTimeout(SERVICE_TIMEOUT_MILLIS),
            // the pax-exam feature comes from the build's repository (or Maven Central), the rest from system/
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                localRepository),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                "file:${karaf.home}/${karaf.default.repository}@id=system.repository,"
                    + "https://repo1.maven.org/maven2@id=central"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                String.valueOf(ListenPorts.next())),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ListenPorts.next())),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                String.valueOf(ListenPorts.next())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                String.valueOf(ListenPorts.next())),
            editConfigurationFilePut("etc/org.opendaylight.liveflow.gate.cfg", "listen-address", "127.0.0.1"),
            editConfigurationFilePut("etc/org.opendaylight.liveflow.gate.cfg", "listen-ports",
                ListenPorts.next() + "," + ListenPorts.next()),
            editConfigurationFilePut("etc/org.opendaylight.liveflow.gate.cfg", "upstream-port",
                String.valueOf(pluginPort)),
            replaceConfigurationFile(DistributionArchive.CONNECTIONS + "default-openflow-connection-config.xml",
                DistributionArchive.connectionConfig(assembly, work, "default-openflow-connection-config.xml",
                    pluginPort)),
            replaceConfigurationFile(DistributionArchive.CONNECTIONS + "legacy-openflow-connection-config.xml",
                DistributionArchive.connectionConfig(assembly, work, "legacy-openflow-connection-config.xml",
                    ListenPorts.next())),
        };
    }

    /**
     * The OpenFlowPlugin can hang for minutes when its container shuts down: stop it (and liveflow before it)
     * while the container still runs.
     */
    @After
    public void stopTheOpenflowPluginFirst() throws BundleException {
        for (String name : new String[] { "org.opendaylight.liveflow.impl", "org.opendaylight.openflowplugin.impl" }) {
            for (Bundle bundle : context.getBundles()) {
                if (name.equals(bundle.getSymbolicName())) {
                    bundle.stop(Bundle.STOP_TRANSIENT);
                }
            }
        }
    }

    @Test
    public void theControlLoopRpcsValidationAndShellCommandsAreWired() throws Exception {
        assertTrue("the distribution boots odl-liveflow", features.isInstalled(features.getFeature("odl-liveflow")));

        // the control loop: on a single member it owns the singleton and registers the engine's view
        final ServiceTracker<Object, Object> engine = new ServiceTracker<>(context, context.createFilter(
            "(objectClass=org.opendaylight.liveflow.impl.migration.MigrationView)"), null);
        engine.open();
        try {
            assertTrue("the migration engine of the control loop is registered",
                engine.waitForService(SERVICE_TIMEOUT_MILLIS) != null);
        } finally {
            engine.close();
        }
        // the lease cluster-status reports is registered by the same control loop, after the engine: under load
        // the command once ran between the two
        final ServiceTracker<Object, Object> lease = new ServiceTracker<>(context, context.createFilter(
            "(objectClass=org.opendaylight.liveflow.impl.cluster.ControlLoopLease)"), null);
        lease.open();
        try {
            assertTrue("the control loop's lease is registered", lease.waitForService(SERVICE_TIMEOUT_MILLIS) != null);
        } finally {
            lease.close();
        }
        final String status = execute("liveflow:cluster-status");
        assertTrue(status, status.contains("runs the control loop: yes"));

        // an RPC through the MD-SAL, answered by the engine
        final RpcResult<MigrationPrecheckOutput> precheck = rpcs.getRpc(MigrationPrecheck.class)
            .invoke(new MigrationPrecheckInputBuilder().setPort(new ResourceId("nope"))
                .setDestinationChassis(new ResourceId("c9")).build())
            .get(30, TimeUnit.SECONDS);
        assertTrue(precheck.getErrors().toString(), precheck.isSuccessful());
        assertFalse(precheck.getResult().getAllowed());
        assertEquals("port nope does not exist", precheck.getResult().getReason());

        // the commit cohort refuses what the validator refuses, with liveflow's message, and stores nothing
        final InstanceIdentifier<Network> network = InstanceIdentifier.create(Overlay.class).child(Networks.class)
            .child(Network.class, new NetworkKey(new ResourceId("pax-n1")));
        final WriteTransaction refused = broker.newWriteOnlyTransaction();
        refused.mergeParentStructurePut(LogicalDatastoreType.CONFIGURATION, network, new NetworkBuilder()
            .setId(new ResourceId("pax-n1")).setTenant(new ResourceId("nobody")).setSegmentationId(Uint32.valueOf(7))
            .build());
        // (the container's JUnit is 4.12: no assertThrows)
        try {
            refused.commit().get(30, TimeUnit.SECONDS);
            fail("a network of a tenant that does not exist was stored");
        } catch (ExecutionException refusal) {
            assertTrue(Throwables.getStackTraceAsString(refusal), Throwables.getStackTraceAsString(refusal)
                .contains("network pax-n1: tenant 'nobody' does not exist"));
        }
        try (ReadTransaction read = broker.newReadOnlyTransaction()) {
            assertFalse(read.exists(LogicalDatastoreType.CONFIGURATION, network).get(30, TimeUnit.SECONDS));
        }

        // a binding write passes the commit cohort, reaches the configuration index, and the shell reads it
        final Chassis chassis = new ChassisBuilder().setName(new ResourceId("pax-exam-1"))
            .setTunnelIp(IetfInetUtil.ipAddressFor("192.0.2.71")).build();
        final WriteTransaction tx = broker.newWriteOnlyTransaction();
        tx.mergeParentStructurePut(LogicalDatastoreType.CONFIGURATION, InstanceIdentifier.create(Overlay.class)
            .child(ChassisRegistry.class).child(Chassis.class, new ChassisKey(chassis.getName())), chassis);
        tx.commit().get(30, TimeUnit.SECONDS);
        final Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String list = execute("liveflow:chassis-list");
        while (!list.contains("pax-exam-1") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            list = execute("liveflow:chassis-list");
        }
        assertTrue(list, list.contains("pax-exam-1") && list.contains("192.0.2.71"));
    }

    private String execute(final String command) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            final Session session = sessions.create(new ByteArrayInputStream(new byte[0]), print, print);
            try {
                session.execute(command);
            } finally {
                session.close();
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Turns the built distribution into what Pax Exam takes: an archive, with the OpenFlowPlugin's listener files
     * on other ports.
     */
    static final class DistributionArchive {
        static final String CONNECTIONS = "etc/opendaylight/datastore/initial/config/";

        private DistributionArchive() {
            // static helpers
        }

        /**
         * Writes the distribution (without run-time state) to a zip under one top folder, uncompressed: its
         * jars are compressed already, and storing is what makes this take seconds, not a minute.
         */
        static Path zip(final Path assembly, final Path zip) throws IOException {
            Files.createDirectories(zip.getParent());
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                    Stream<Path> paths = Files.walk(assembly)) {
                out.setLevel(Deflater.NO_COMPRESSION);
                for (Path path : (Iterable<Path>) paths::iterator) {
                    final Path relative = assembly.relativize(path);
                    if (relative.getNameCount() == 0 || Files.isDirectory(path)
                            || KarafInstance.RUN_TIME_STATE.contains(relative.getName(0).toString())) {
                        continue;
                    }
                    out.putNextEntry(new ZipEntry("liveflow/" + relative.toString().replace(File.separatorChar, '/')));
                    Files.copy(path, out);
                    out.closeEntry();
                }
            }
            return zip;
        }

        static File connectionConfig(final Path assembly, final Path work, final String name, final int port)
                throws IOException {
            final Path copy = work.resolve(name);
            Files.writeString(copy, KarafInstance.withConnectionPort(Files.readString(assembly.resolve(CONNECTIONS
                + name)), port));
            return copy.toFile();
        }
    }
}
