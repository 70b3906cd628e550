/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

/**
 * What the engine found when it checked that the source switch holds no flow of a migrated port.
 */
public enum SourceCleanup {
    NOT_STARTED("not-started"),
    VERIFIED("verified"),
    FLOWS_LEFT("flows-left"),
    UNVERIFIABLE("unverifiable");

    private final String yangName;

    SourceCleanup(final String yangName) {
        this.yangName = yangName;
    }

    public String yangName() {
        return yangName;
    }
}
