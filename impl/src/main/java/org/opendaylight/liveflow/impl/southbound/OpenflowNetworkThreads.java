/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.CONFIGURATION;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * How many network threads serve the switches' OpenFlow connections, as the OpenFlowPlugin's connection settings
 * (its {@code switch-connection-config} list, one entry per listener) configure them. The liveness judge needs
 * it: a network thread busy writing one switch's flow-mods reads none of its other switches' replies, so the size
 * of a thread's share of the switches is how many may fall silent together without any of them being dead.
 *
 * <p>A listener without {@code threads/worker-threads} gets netty's default, twice the cores. With several
 * listeners the smallest count is reported: the switches may use any of them, and fewer threads means larger
 * shares, the cautious side for the judge.
 */
public final class OpenflowNetworkThreads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenflowNetworkThreads.class);

    /** netty's default event loop size, which the plugin keeps when no worker-threads are configured. */
    public static final int NETTY_DEFAULT = 2 * Runtime.getRuntime().availableProcessors();

    private final Map<String, Integer> byListener = new ConcurrentHashMap<>();
    private final Registration registration;

    public OpenflowNetworkThreads(final DataBroker broker) {
        registration = broker.registerDataTreeChangeListener(DataTreeIdentifier.create(CONFIGURATION,
            InstanceIdentifier.create(SwitchConnectionConfig.class)), new Listener());
    }

    /**
     * Returns the network threads of the listener with the fewest; netty's default until the plugin's settings
     * have been read (or when there are none).
     */
    public int count() {
        return byListener.values().stream().mapToInt(Integer::intValue).min().orElse(NETTY_DEFAULT);
    }

    /** The worker threads one listener's settings give it (0 is netty's "default" as well). */
    static int workerThreads(final SwitchConnectionConfig config) {
        final Threads threads = config.getThreads();
        final int configured = threads == null || threads.getWorkerThreads() == null ? 0
            : threads.getWorkerThreads().intValue();
        return configured == 0 ? NETTY_DEFAULT : configured;
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
                    byListener.put(after.getInstanceName(), workerThreads(after));
                } else if (before != null) {
                    byListener.remove(before.getInstanceName());
                }
            }
            LOG.info("OpenFlow network threads per listener: {}, judged with {}", byListener, count());
        }
    }
}
