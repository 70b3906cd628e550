/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.CONFIGURATION;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.opendaylight.mdsal.binding.api.ClusteredDataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeIdentifier;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.openflow._switch.connection.config.rev160506.SwitchConnectionConfig;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.openflow._switch.connection.config.rev160506._switch.connection.config.Threads;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * How many network threads serve the switches' OpenFlow connections, as the OpenFlowPlugin's connection settings
 * ({@code switch-connection-config}, one entry per listener) configure them. The liveness judge needs it: a
 * network thread busy writing one switch's flow-mods reads none of its other switches' replies, so the size of a
 * thread's share of the switches is how many may fall silent together without any of them being dead.
 *
 * <p>The plugin reads each listener's settings as OpenDaylight's application configuration does: the config
 * datastore's entry when there is one, otherwise the file of that name in {@code etc/opendaylight/datastore/initial/
 * config} (the distribution ships both files, and the plugin does not copy them into the datastore). This follows
 * the same two sources. A listener without {@code threads/worker-threads} (or with 0) gets netty's default, twice
 * the cores. With two listeners the smaller count is reported: the switches may use either, and fewer threads
 * means larger shares, the cautious side for the judge.
 */
public final class OpenflowNetworkThreads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenflowNetworkThreads.class);

    /** netty's default event loop size, which the plugin keeps when no worker-threads are configured. */
    public static final int NETTY_DEFAULT = 2 * Runtime.getRuntime().availableProcessors();
    /** The plugin's two listeners and the files their settings come from when the datastore has none. */
    private static final Map<String, String> LISTENER_FILES = Map.of(
        "openflow-switch-connection-provider-default-impl", "default-openflow-connection-config.xml",
        "openflow-switch-connection-provider-legacy-impl", "legacy-openflow-connection-config.xml");

    private final Map<String, Integer> fromFiles;
    private final Map<String, Integer> fromDatastore = new ConcurrentHashMap<>();
    private final Registration registration;

    public OpenflowNetworkThreads(final DataBroker broker) {
        this(broker, Path.of(System.getProperty("karaf.etc", "etc"), "opendaylight", "datastore", "initial",
            "config"));
    }

    OpenflowNetworkThreads(final DataBroker broker, final Path initialConfig) {
        fromFiles = readFiles(initialConfig);
        LOG.info("OpenFlow network threads per listener in {}: {}", initialConfig, fromFiles);
        registration = broker.registerDataTreeChangeListener(DataTreeIdentifier.create(CONFIGURATION,
            InstanceIdentifier.create(SwitchConnectionConfig.class)), new Listener());
    }

    /**
     * Returns the network threads of the listener with the fewest.
     */
    public int count() {
        final Map<String, Integer> effective = new HashMap<>(fromFiles);
        effective.putAll(fromDatastore);
        return effective.values().stream().mapToInt(Integer::intValue).min().orElse(NETTY_DEFAULT);
    }

    /** The worker threads one listener's settings give it (0 is netty's default as well). */
    static int workerThreads(final SwitchConnectionConfig config) {
        final Threads threads = config.getThreads();
        return orDefault(threads == null || threads.getWorkerThreads() == null ? 0
            : threads.getWorkerThreads().intValue());
    }

    /**
     * The worker threads a listener's settings file gives it: {@code threads/worker-threads} of its
     * {@code switch-connection-config}.
     */
    static int workerThreads(final String xml) throws IOException {
        try {
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            final Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                .getDocumentElement();
            final NodeList threads = root.getElementsByTagNameNS("*", "threads");
            if (threads.getLength() == 0) {
                return NETTY_DEFAULT;
            }
            final NodeList workers = ((Element) threads.item(0)).getElementsByTagNameNS("*", "worker-threads");
            return orDefault(workers.getLength() == 0 ? 0 : Integer.parseInt(workers.item(0).getTextContent()
                .strip()));
        } catch (ParserConfigurationException | SAXException | NumberFormatException e) {
            throw new IOException("Unreadable OpenFlow connection settings", e);
        }
    }

    private static int orDefault(final int configured) {
        return configured <= 0 ? NETTY_DEFAULT : configured;
    }

    private static Map<String, Integer> readFiles(final Path initialConfig) {
        final Map<String, Integer> threads = new HashMap<>();
        LISTENER_FILES.forEach((listener, fileName) -> {
            final Path file = initialConfig.resolve(fileName);
            if (!Files.isRegularFile(file)) {
                // the plugin then uses the defaults its bundle carries, without threads
                threads.put(listener, NETTY_DEFAULT);
                return;
            }
            try {
                threads.put(listener, workerThreads(Files.readString(file)));
            } catch (IOException e) {
                LOG.warn("Cannot read {}: assuming netty's default of {} network threads", file, NETTY_DEFAULT, e);
                threads.put(listener, NETTY_DEFAULT);
            }
        });
        return threads;
    }

    @Override
    public void close() {
        registration.close();
    }

    /** Clustered: the settings are read on whichever member runs the control loop. */
    private final class Listener implements ClusteredDataTreeChangeListener<SwitchConnectionConfig> {
        @Override
        public void onDataTreeChanged(final Collection<DataTreeModification<SwitchConnectionConfig>> changes) {
            for (DataTreeModification<SwitchConnectionConfig> change : changes) {
                final SwitchConnectionConfig before = change.getRootNode().getDataBefore();
                final SwitchConnectionConfig after = change.getRootNode().getDataAfter();
                if (after != null) {
                    fromDatastore.put(after.getInstanceName(), workerThreads(after));
                } else if (before != null) {
                    fromDatastore.remove(before.getInstanceName());
                }
            }
            LOG.info("OpenFlow network threads per listener in the datastore: {}, judged with {}", fromDatastore,
                count());
        }
    }
}
