/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.topology;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The connected switches and their ports, as the OpenFlowPlugin reports them.
 */
public interface SwitchInventoryService {
    SwitchInventory current();

    /**
     * Returns when the inventory last changed (a switch or a port came or went).
     */
    Instant lastChange();

    /**
     * Calls {@code subscriber} with the current inventory now and with every changed one after, until closed.
     */
    AutoCloseable subscribe(Consumer<SwitchInventory> subscriber);
}
