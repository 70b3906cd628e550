/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.cluster;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.singleton.common.api.ClusterSingletonService;
import org.opendaylight.mdsal.singleton.common.api.ClusterSingletonServiceProvider;
import org.opendaylight.mdsal.singleton.common.api.ServiceGroupIdentifier;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Competes, on every cluster member, for liveflow's control loop as a cluster singleton service, and holds the
 * {@link ControlLoopLease} while this member has it. The entity ownership service behind the singleton moves it
 * when its member dies or leaves; the new owner's components start from the replicated datastores (the
 * configuration, the switch inventory and the migration journal), the old owner's stop before it lets go.
 */
@Component(service = {}, immediate = true)
public final class ControlLoopOwnership implements ClusterSingletonService, AutoCloseable {
    static final ServiceGroupIdentifier IDENTIFIER = ServiceGroupIdentifier.create("liveflow-control-loop");
    private static final Logger LOG = LoggerFactory.getLogger(ControlLoopOwnership.class);

    private final BundleContext context;
    private final String member;
    private final Registration registration;
    private @Nullable ServiceRegistration<ControlLoopLease> lease;

    @Activate
    public ControlLoopOwnership(@Reference final ClusterSingletonServiceProvider singletons,
            final BundleContext context) {
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
    public synchronized void instantiateServiceInstance() {
        if (lease == null) {
            LOG.info("{} now runs liveflow's control loop", member);
            final String holder = member;
            lease = context.registerService(ControlLoopLease.class, () -> holder, null);
        }
    }

    /**
     * Stops this member's control loop: unregistering the lease deactivates every component that requires it
     * before this returns, so the next owner never overlaps with this one.
     */
    @Override
    public synchronized ListenableFuture<?> closeServiceInstance() {
        final ServiceRegistration<ControlLoopLease> held = lease;
        lease = null;
        if (held != null) {
            LOG.info("{} stops running liveflow's control loop", member);
            try {
                held.unregister();
            } catch (IllegalStateException e) {
                // the bundle is stopping and the framework unregistered it already
                LOG.debug("lease already unregistered", e);
            }
        }
        return Futures.immediateFuture(null);
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
        closeServiceInstance();
    }
}
