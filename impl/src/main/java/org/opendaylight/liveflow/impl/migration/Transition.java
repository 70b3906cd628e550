/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One step of a migration's timeline.
 */
public record Transition(int sequence, MigrationPhase from, MigrationPhase to, Instant time, String cause) {
    public Transition {
        requireNonNull(from);
        requireNonNull(to);
        requireNonNull(time);
        requireNonNull(cause);
    }
}
