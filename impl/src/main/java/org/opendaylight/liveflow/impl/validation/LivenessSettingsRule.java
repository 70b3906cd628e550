/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import java.util.List;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigSnapshot;

/**
 * The liveness settings must be able to tell a hang from a slow reply: dead-after has to be longer than the probe
 * interval, or a switch that answers every probe in time would still be declared dead between two probes. The
 * ranges are checked here rather than in YANG so that the error names the field (a YANG range violation reaches
 * the RESTCONF client without a message).
 */
final class LivenessSettingsRule implements ValidationRule {
    static final long MIN_PROBE_INTERVAL_MILLIS = 100;
    static final long MAX_PROBE_INTERVAL_MILLIS = 60_000;
    static final long MAX_DEAD_AFTER_MILLIS = 600_000;

    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final ConfigChange change,
            final List<Violation> out) {
        final long interval = after.probeInterval().toMillis();
        if (interval < MIN_PROBE_INTERVAL_MILLIS || interval > MAX_PROBE_INTERVAL_MILLIS) {
            out.add(Violation.invalid("liveness-settings: probe-interval " + interval + " ms is outside "
                + MIN_PROBE_INTERVAL_MILLIS + "-" + MAX_PROBE_INTERVAL_MILLIS + " ms"));
            return;
        }
        if (after.deadAfter().toMillis() > MAX_DEAD_AFTER_MILLIS) {
            out.add(Violation.invalid("liveness-settings: dead-after " + after.deadAfter().toMillis()
                + " ms is more than " + MAX_DEAD_AFTER_MILLIS + " ms"));
        }
        if (after.deadAfter().compareTo(after.probeInterval()) <= 0) {
            out.add(Violation.invalid("liveness-settings: dead-after (" + after.deadAfter().toMillis()
                + " ms) must be longer than probe-interval (" + after.probeInterval().toMillis() + " ms)"));
        }
    }
}
