/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import com.google.common.util.concurrent.ListenableFuture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.opendaylight.liveflow.impl.gate.SwitchWriters;

/**
 * A switch gate that writes to no switch: for tests whose subject is not the gate, every bundle takes the plugin's
 * way.
 */
final class NoGate implements GateBundleWriter.Gate {
    static final NoGate INSTANCE = new NoGate();

    private NoGate() {
        // one is enough
    }

    @Override
    public boolean writesTo(final long datapathId) {
        return false;
    }

    @Override
    public Map<Long, ListenableFuture<SwitchWriters.Receipt>> write(final Map<Long, List<byte[]>> messages,
            final Duration timeout) {
        return Map.of();
    }
}
