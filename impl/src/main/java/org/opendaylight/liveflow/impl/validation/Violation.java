/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static java.util.Objects.requireNonNull;

/**
 * One reason a configuration change is refused.
 *
 * @param kind whether the input is malformed ({@link Kind#INVALID}) or clashes with what is stored
 *             ({@link Kind#CONFLICT})
 * @param message what is wrong, naming the object and the value
 */
public record Violation(Kind kind, String message) {
    /**
     * How RESTCONF reports the violation: INVALID as 400 invalid-value, CONFLICT as 409 resource-denied.
     */
    public enum Kind {
        INVALID,
        CONFLICT
    }

    public Violation {
        requireNonNull(kind);
        requireNonNull(message);
    }

    static Violation invalid(final String message) {
        return new Violation(Kind.INVALID, message);
    }

    static Violation conflict(final String message) {
        return new Violation(Kind.CONFLICT, message);
    }
}
