/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.index;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.CONFIGURATION;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.Subscribers;
import org.opendaylight.mdsal.binding.dom.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.mdsal.dom.api.ClusteredDOMDataTreeChangeListener;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMDataTreeChangeService;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link ConfigIndex} equal to the committed overlay: the data listener only swaps in a new
 * immutable snapshot, it decides nothing. Each snapshot is derived from the one before by the entries the commit
 * changed ({@link OverlayCandidates}), so keeping up costs what the writes touch, not what the overlay holds; for a
 * commit validated on this member it is the commit cohort's snapshot ({@link ValidatedOverlays}). The
 * listener is a clustered one: every member of a cluster keeps its index, whichever member leads the shard.
 */
@Component(service = ConfigIndex.class)
public final class ConfigIndexService implements ConfigIndex, ClusteredDOMDataTreeChangeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigIndexService.class);

    private final Registration registration;
    private final OverlayCandidates reader;
    private final ValidatedOverlays overlays;
    private final YangInstanceIdentifier path;
    private final Subscribers<ConfigSnapshot> subscribers = new Subscribers<>();
    private final ChangeHistory history = new ChangeHistory();
    private volatile ConfigSnapshot current = ConfigSnapshot.empty();
    private volatile boolean loaded;

    @Activate
    public ConfigIndexService(@Reference final DOMDataBroker broker,
            @Reference final BindingNormalizedNodeSerializer codec, @Reference final ValidatedOverlays overlays) {
        this.overlays = overlays;
        reader = new OverlayCandidates(codec);
        path = codec.toYangInstanceIdentifier(InstanceIdentifier.create(Overlay.class));
        final var changes = broker.getExtensions().getInstance(DOMDataTreeChangeService.class);
        if (changes == null) {
            throw new IllegalStateException("The data broker does not support data tree change listeners");
        }
        registration = changes.registerDataTreeChangeListener(new DOMDataTreeIdentifier(CONFIGURATION, path), this);
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

    @Override
    public Optional<ConfigChange> changeBetween(final ConfigSnapshot older, final ConfigSnapshot newer) {
        return history.between(older.version(), newer.version());
    }

    @Override
    public void onDataTreeChanged(final List<DataTreeCandidate> changes) {
        ConfigSnapshot next = current;
        for (DataTreeCandidate change : changes) {
            next = apply(next, change);
        }
        current = next;
        loaded = true;
        LOG.debug("liveflow configuration index now holds {}", next);
        subscribers.publish(next);
    }

    @Override
    public void onInitialData() {
        // no overlay is stored: the empty snapshot is the configuration
        loaded = true;
        subscribers.publish(current);
    }

    /**
     * The snapshot after a commit: the one the commit cohort derived when it validated the commit, when it derived
     * it from this index's snapshot before (so the overlay is held once); otherwise derived here.
     */
    private ConfigSnapshot apply(final ConfigSnapshot before, final DataTreeCandidate change) {
        final NormalizedNode tree = change.getRootNode().dataAfter();
        final OverlayCandidates.Derived after = (tree == null ? Optional.<OverlayCandidates.Derived>empty()
            : overlays.validatedFrom(before, tree)).orElseGet(() -> reader.derive(before, path, change.getRootNode()));
        history.add(before.version(), after.snapshot().version(), after.change());
        if (tree != null) {
            overlays.remember(tree, after.snapshot());
        }
        return after.snapshot();
    }
}
