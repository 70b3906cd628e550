/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.cluster;

import java.util.ArrayDeque;
import java.util.Deque;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.impl.admission.AdmissionControl;
import org.opendaylight.liveflow.impl.gate.PacketInTaps;
import org.opendaylight.liveflow.impl.gate.SwitchWriters;
import org.opendaylight.liveflow.impl.liveness.ChassisLiveness;
import org.opendaylight.liveflow.impl.liveness.LivenessMonitor;
import org.opendaylight.liveflow.impl.migration.MigrationEngine;
import org.opendaylight.liveflow.impl.migration.MigrationView;
import org.opendaylight.liveflow.impl.rpc.LiveflowRpcRegistration;
import org.opendaylight.liveflow.impl.southbound.OverlayProgrammer;
import org.opendaylight.liveflow.impl.topology.SwitchInventoryService;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.opendaylight.mdsal.binding.api.NotificationService;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.mdsal.binding.api.RpcProviderService;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running control loop: the parts that act on the network, built in the order they depend on each other,
 * their services registered for the shell, and all of it closed in the reverse order. Built only on the member
 * that holds the cluster singleton. The parts are plain objects wired here rather than components the service
 * runtime starts on a lease: a component waiting for a lease makes the bundle "Waiting", and OpenDaylight's
 * system-ready check (which the OpenFlowPlugin waits for before it listens) never passes on the other members.
 */
final class ControlLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);

    /** What the control loop uses from the rest of the controller. */
    record Services(ConfigIndex config, SwitchInventoryService inventory, DataBroker broker,
            NotificationService notifications, NotificationPublishService publisher, RpcConsumerRegistry rpcs,
            RpcProviderService rpcProvider, AdmissionControl admission, PacketInTaps gateTaps,
            SwitchWriters gateWriters) {
    }

    /** What to close, latest first. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    @SuppressWarnings("checkstyle:IllegalCatch")
    ControlLoop(final Services services, final BundleContext context) throws Exception {
        try {
            final LivenessMonitor liveness = new LivenessMonitor(services.config(), services.inventory(),
                services.broker(), services.rpcs(), services.publisher());
            started.push(liveness);
            started.push(context.registerService(ChassisLiveness.class, liveness, null)::unregister);
            final MigrationEngine engine = new MigrationEngine(services.config(), services.inventory(),
                services.broker(), services.notifications(), services.publisher(), services.rpcs(),
                services.admission(), liveness, services.gateTaps());
            started.push(engine);
            started.push(context.registerService(new String[] { MigrationEngine.class.getName(),
                MigrationView.class.getName() }, engine, null)::unregister);
            final OverlayProgrammer programmer = new OverlayProgrammer(services.config(), services.inventory(),
                services.broker(), services.rpcs(), services.gateWriters(), engine);
            started.push(programmer);
            started.push(context.registerService(OverlayProgrammer.class, programmer, null)::unregister);
            started.push(new LiveflowRpcRegistration(services.rpcProvider(), services.config(), engine));
            started.push(context.registerService(ControlLoopLease.class, new ControlLoopLease() { }, null)::unregister);
        } catch (Exception | LinkageError e) {
            close();
            throw e;
        }
    }

    @Override
    @SuppressWarnings("checkstyle:IllegalCatch")
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("Could not stop a part of the control loop cleanly", e);
            }
        }
    }
}
