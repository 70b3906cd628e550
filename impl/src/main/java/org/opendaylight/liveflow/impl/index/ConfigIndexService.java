/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.index;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.CONFIGURATION;

import java.util.function.Consumer;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.Subscribers;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeIdentifier;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link ConfigIndex} equal to the committed overlay: the data listener only swaps in a new
 * immutable snapshot, it decides nothing.
 */
@Component(service = ConfigIndex.class)
public final class ConfigIndexService implements ConfigIndex, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigIndexService.class);

    private final Registration registration;
    private final Subscribers<ConfigSnapshot> subscribers = new Subscribers<>();
    private volatile ConfigSnapshot current = ConfigSnapshot.empty();
    private volatile boolean loaded;

    @Activate
    public ConfigIndexService(@Reference final DataBroker broker) {
        registration = broker.registerDataListener(
            DataTreeIdentifier.create(CONFIGURATION, InstanceIdentifier.create(Overlay.class)), this::overlayChanged);
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }

    @Override
    public ConfigSnapshot current() {
        return current;
    }

    @Override
    public boolean loaded() {
        return loaded;
    }

    @Override
    public AutoCloseable subscribe(final Consumer<ConfigSnapshot> subscriber) {
        return subscribers.add(subscriber, current);
    }

    private void overlayChanged(final @Nullable Overlay overlay) {
        final ConfigSnapshot next = ConfigSnapshot.of(overlay);
        current = next;
        loaded = true;
        LOG.debug("liveflow configuration index now holds {}", next);
        subscribers.publish(next);
    }
}
