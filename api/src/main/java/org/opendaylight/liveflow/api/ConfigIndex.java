/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.api;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The in-memory index of liveflow's configuration: always the last committed overlay, as an immutable
 * snapshot that a caller may keep and read without locking.
 */
public interface ConfigIndex {
    /**
     * Returns the current snapshot; never null (empty before the first configuration arrives).
     */
    ConfigSnapshot current();

    /**
     * Tells whether the index has received the datastore's content at least once; before that,
     * {@link #current()} is empty because nothing was read yet, not because nothing is configured.
     */
    boolean loaded();

    /**
     * Calls {@code subscriber} with the current snapshot now and with every new one after a commit, in order,
     * on the index's notification thread, until the returned registration is closed.
     */
    AutoCloseable subscribe(Consumer<ConfigSnapshot> subscriber);

    /**
     * Returns what changed from {@code older} to {@code newer}, two snapshots this index published, while it still
     * remembers every commit in between; empty when it does not (the caller then compares whole snapshots). A
     * subscriber that keeps the snapshot it last looked at uses this to look at what changed, not at everything.
     */
    Optional<ConfigChange> changeBetween(ConfigSnapshot older, ConfigSnapshot newer);
}
