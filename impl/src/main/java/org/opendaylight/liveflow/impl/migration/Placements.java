/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.util.Map;
import org.opendaylight.liveflow.impl.compiler.PortMigration;

/**
 * The ports whose flows the migration engine wants placed other than by their binding, by port id; the version
 * grows with every change, so the programmer can tell the publications a pass compiled from later ones.
 */
public record Placements(long version, Map<String, PortMigration> ports) {
    public static final Placements NONE = new Placements(0, Map.of());

    public Placements {
        ports = Map.copyOf(ports);
    }
}
