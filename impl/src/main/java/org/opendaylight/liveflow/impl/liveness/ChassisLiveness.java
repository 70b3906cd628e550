/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.liveness;

import java.util.function.Consumer;

/**
 * Tells which chassis are alive, and whoever subscribes whenever that changes.
 */
public interface ChassisLiveness {
    LivenessSnapshot current();

    /**
     * Subscribes to liveness changes; the subscriber gets the current snapshot at once. Calls come from one
     * thread, never two at a time; a subscriber must not block.
     */
    AutoCloseable subscribe(Consumer<LivenessSnapshot> subscriber);
}
