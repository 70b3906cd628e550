/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.admission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How much work the RESTCONF server admits at once, read from the configuration PID
 * {@value #PID} ({@code etc/org.opendaylight.liveflow.admission.cfg}).
 *
 * @param maxRequests requests in progress at once (reads and writes, including writes waiting their turn); one
 *                    more is answered 503 at once. Must stay below Jetty's maxThreads so reads always find a thread.
 *                    Writes hold at most {@code maxWaitingWrites + 1} of them, so the rest stay for reads.
 * @param maxWaitingWrites writes waiting for the one running; one more is answered 503 at once
 * @param maxWriteWait how long a write waits for its turn before it is answered 503
 * @param retryAfter the Retry-After a 503 carries
 */
public record AdmissionSettings(int maxRequests, int maxWaitingWrites, Duration maxWriteWait, Duration retryAfter) {
    public static final String PID = "org.opendaylight.liveflow.admission";
    public static final AdmissionSettings DEFAULTS = new AdmissionSettings(96, 64, Duration.ofSeconds(5),
        Duration.ofSeconds(1));

    public AdmissionSettings {
        if (maxRequests < 2 || maxWaitingWrites < 0 || maxWaitingWrites >= maxRequests) {
            throw new IllegalArgumentException("max-requests must be at least 2 and above max-waiting-writes (got "
                + maxRequests + " and " + maxWaitingWrites + ")");
        }
        if (maxWriteWait.isNegative() || retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("max-write-wait-ms must be >= 0 and retry-after-seconds >= 1");
        }
    }

    /**
     * Reads the settings from configuration properties; absent keys keep their default. Returns the defaults and
     * the reasons when a value is not valid, so that a typo never leaves RESTCONF without admission control.
     */
    public static Parsed parse(final Map<String, ?> properties) {
        final List<String> errors = new ArrayList<>();
        final int maxRequests = intValue(properties, "max-requests", DEFAULTS.maxRequests, errors);
        final int maxWaiting = intValue(properties, "max-waiting-writes", DEFAULTS.maxWaitingWrites, errors);
        final int waitMillis = intValue(properties, "max-write-wait-ms", (int) DEFAULTS.maxWriteWait.toMillis(),
            errors);
        final int retrySeconds = intValue(properties, "retry-after-seconds", (int) DEFAULTS.retryAfter.toSeconds(),
            errors);
        if (errors.isEmpty()) {
            try {
                return new Parsed(new AdmissionSettings(maxRequests, maxWaiting, Duration.ofMillis(waitMillis),
                    Duration.ofSeconds(retrySeconds)), List.of());
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        return new Parsed(DEFAULTS, List.copyOf(errors));
    }

    private static int intValue(final Map<String, ?> properties, final String key, final int fallback,
            final List<String> errors) {
        final Object value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            errors.add(key + " is not an integer: " + value);
            return fallback;
        }
    }

    /**
     * Parsed settings and what was wrong with the configuration (empty when nothing).
     */
    public record Parsed(AdmissionSettings settings, List<String> errors) {
    }
}
