/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.util.Locale;

/**
 * The states of a port's migration (docs/design.md section 5), named as the YANG typedef migration-state names them.
 */
public enum MigrationPhase {
    BOUND,
    PREPARED,
    SWITCHED,
    ABORTED,
    ERROR;

    /**
     * Returns the name the YANG model uses.
     */
    public String yangName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
