/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
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

    /** The ports these migration records place: each one prepared or switched, by port id. */
    static Map<String, PortMigration> portsOf(final Collection<MigrationRecord> records) {
        final Map<String, PortMigration> ports = new TreeMap<>();
        for (MigrationRecord record : records) {
            final PortMigration.Phase phase = switch (record.phase()) {
                case PREPARED -> PortMigration.Phase.PREPARED;
                case SWITCHED -> PortMigration.Phase.SWITCHED;
                default -> null;
            };
            if (phase != null) {
                // whether its dual delivery was written is the programmer's to know
                ports.put(record.port(), new PortMigration(record.port(), phase, record.source(),
                    record.destination(), record.generation(), false));
            }
        }
        return ports;
    }
}
