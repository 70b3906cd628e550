/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.topology;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of one stream of immutable snapshots; a failing subscriber is logged and does not stop the
 * others.
 *
 * @param <T> the snapshot type
 */
public final class Subscribers<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

    private final List<Consumer<T>> consumers = new CopyOnWriteArrayList<>();

    /**
     * Adds a subscriber and hands it the current snapshot at once.
     */
    public AutoCloseable add(final Consumer<T> consumer, final T current) {
        consumers.add(consumer);
        deliver(consumer, current);
        return () -> consumers.remove(consumer);
    }

    public void publish(final T snapshot) {
        for (Consumer<T> consumer : consumers) {
            deliver(consumer, snapshot);
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private static <T> void deliver(final Consumer<T> consumer, final T snapshot) {
        try {
            consumer.accept(snapshot);
        } catch (RuntimeException e) {
            LOG.error("A subscriber failed on a new snapshot", e);
        }
    }
}
