/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.cluster;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListeningScheduledExecutorService;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.impl.admission.AdmissionControl;
import org.opendaylight.liveflow.impl.gate.PacketInTaps;
import org.opendaylight.liveflow.impl.gate.SwitchWriters;
import org.opendaylight.liveflow.impl.topology.SwitchInventoryService;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.opendaylight.mdsal.binding.api.NotificationService;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.mdsal.binding.api.RpcProviderService;
import org.opendaylight.mdsal.singleton.common.api.ClusterSingletonService;
import org.opendaylight.mdsal.singleton.common.api.ClusterSingletonServiceProvider;
import org.opendaylight.mdsal.singleton.common.api.ServiceGroupIdentifier;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Competes, on every cluster member, for liveflow's control loop as a cluster singleton service, and runs it (a
 * {@link ControlLoop}) while this member owns it. The entity ownership service behind the singleton moves it when
 * its member dies or leaves; the new owner starts from the replicated datastores (the configuration, the switch
 * inventory and the migration journal), and an old owner that lets go stops its control loop first. A single
 * controller is a cluster of one and always owns it.
 */
@Component(service = {}, immediate = true)
public final class ControlLoopOwnership implements ClusterSingletonService, AutoCloseable {
    static final ServiceGroupIdentifier IDENTIFIER = ServiceGroupIdentifier.create("liveflow-control-loop");
    private static final Logger LOG = LoggerFactory.getLogger(ControlLoopOwnership.class);
    private static final long RETRY_SECONDS = 5;

    private final ControlLoop.Services services;
    private final BundleContext context;
    private final String member;
    // starts and stops one at a time, off the singleton service's (Akka) thread: a start reads the datastore
    private final ListeningScheduledExecutorService executor = MoreExecutors.listeningDecorator(
        Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "liveflow-control-loop-owner")));
    private final Registration registration;
    /** Whether this member owns the singleton (on the executor's thread, as the two fields below). */
    private boolean owned;
    private @Nullable ControlLoop running;

    @Activate
    @SuppressWarnings("checkstyle:ParameterNumber")
    public ControlLoopOwnership(@Reference final ClusterSingletonServiceProvider singletons,
            @Reference final ConfigIndex config, @Reference final SwitchInventoryService inventory,
            @Reference final DataBroker broker, @Reference final NotificationService notifications,
            @Reference final NotificationPublishService publisher, @Reference final RpcConsumerRegistry rpcs,
            @Reference final RpcProviderService rpcProvider, @Reference final AdmissionControl admission,
            @Reference final PacketInTaps gateTaps, @Reference final SwitchWriters gateWriters,
            final BundleContext context) {
        services = new ControlLoop.Services(config, inventory, broker, notifications, publisher, rpcs, rpcProvider,
            admission, gateTaps, gateWriters);
        this.context = context;
        member = ClusterMember.localName();
        registration = singletons.registerClusterSingletonService(this);
        LOG.info("{} competes for liveflow's control loop", member);
    }

    @Override
    public ServiceGroupIdentifier getIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public void instantiateServiceInstance() {
        executor.execute(() -> {
            owned = true;
            start();
        });
    }

    /**
     * Stops this member's control loop; the future completes once it stopped, so the next owner never overlaps
     * with this one.
     */
    @Override
    public ListenableFuture<?> closeServiceInstance() {
        return executor.submit(() -> {
            owned = false;
            stop();
        });
    }

    @Deactivate
    @Override
    public void close() throws InterruptedException {
        registration.close();
        executor.execute(() -> {
            owned = false;
            stop();
        });
        executor.shutdown();
        executor.awaitTermination(60, TimeUnit.SECONDS);
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void start() {
        if (!owned || running != null) {
            return;
        }
        LOG.info("{} now runs liveflow's control loop", member);
        try {
            running = new ControlLoop(services, context);
        } catch (Exception e) {
            // an owner without a control loop would leave the network unattended: try again while it owns it
            LOG.error("{} could not start liveflow's control loop; trying again in {} s", member, RETRY_SECONDS, e);
            executor.schedule(this::start, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void stop() {
        if (running != null) {
            LOG.info("{} stops running liveflow's control loop", member);
            running.close();
            running = null;
        }
    }
}
