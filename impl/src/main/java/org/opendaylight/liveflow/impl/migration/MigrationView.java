/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the overlay programmer needs from the migration engine: the current placements and a callback when they
 * change; and where it reports what the switches now hold (a migration's switched or ended flows written), facts
 * the engine takes as events like any other. The engine never waits for them to publish placements.
 */
public interface MigrationView {
    Placements current();

    AutoCloseable subscribe(Consumer<Placements> subscriber);

    /**
     * Called by the programmer after a pass that committed every connected chassis' changes, with the stages of
     * migrations that pass wrote first.
     */
    void flowsWritten(List<MigrationEvent.FlowsWritten> facts);
}
