/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migration.entry.Transition;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.Migration;

/**
 * How the shell words a migration's age and convergence.
 */
final class MigrationTexts {
    private MigrationTexts() {
        // utility class
    }

    /**
     * Returns the time since the migration's last transition, as "12s" or "3m04s".
     */
    static String age(final Migration migration) {
        return migration.nonnullTransition().values().stream().map(Transition::getTime)
            .filter(time -> time != null).map(time -> OffsetDateTime.parse(time.getValue()).toInstant())
            .max(Instant::compareTo).map(last -> duration(Duration.between(last, Instant.now())))
            .orElse(Texts.NONE);
    }

    static String convergence(final Migration migration) {
        if (migration.getConvergenceMicros() == null) {
            return Texts.NONE;
        }
        return String.format("%.1f ms", migration.getConvergenceMicros().longValue() / 1000.0);
    }

    private static String duration(final Duration duration) {
        final long seconds = Math.max(0, duration.toSeconds());
        return seconds < 60 ? seconds + "s" : String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
}
