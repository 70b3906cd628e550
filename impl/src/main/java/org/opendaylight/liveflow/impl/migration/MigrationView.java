/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.util.function.Consumer;

/**
 * What the overlay programmer needs from the migration engine: the current placements, a callback when they
 * change, and where it reports back which version it has written to the switches.
 */
public interface MigrationView {
    Placements current();

    AutoCloseable subscribe(Consumer<Placements> subscriber);

    /**
     * Called by the programmer after a pass that compiled {@code version} has committed every chassis' changes.
     */
    void programmed(long version);
}
