/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.FlowsWritten;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.WrittenStage;
import org.opendaylight.liveflow.impl.migration.Placements;

/**
 * What the switches hold of each migration, as far as the programmer wrote it: the one place that knows when a
 * prepared migration's dual delivery is on every chassis, and which stages of a migration have been written.
 *
 * <p>The engine publishes placements and never waits for them: the programmer decides from here whether a
 * switched migration's source may drop what it receives through tunnels, when the activation may be armed, and
 * it reports to the engine, as facts, that a migration's switched or ended flows were written (the engine
 * measures convergence and checks the source from those).
 *
 * <p>Every publication is recorded with its version, so that a pass that compiled an older one does not count a
 * newer migration as ended.
 */
final class WrittenMigrations {
    /** The last placement published for a port, and the version of the publication. */
    private record Seen(PortMigration migration, long version) {
    }

    /** Ports whose dual delivery was written, with the generation it was written for. */
    private final Map<String, Long> dualDelivery = new HashMap<>();
    private final Map<String, Seen> seen = new HashMap<>();
    /** Ports whose switched flows were reported written, with the generation reported. */
    private final Map<String, Long> switchedReported = new HashMap<>();

    /**
     * Records a publication of the engine (on the engine's thread).
     */
    synchronized void published(final Placements placements) {
        placements.ports().values().forEach(migration -> remember(migration, placements.version()));
    }

    /**
     * Takes the switched migrations present when the control loop starts as dual-delivered: their prepared flows
     * were written before, by this controller's previous run or by the member that ran the loop.
     */
    synchronized void assumeWrittenBeforeStart(final Placements placements) {
        placements.ports().values().stream().filter(migration -> migration.phase() == PortMigration.Phase.SWITCHED)
            .forEach(migration -> dualDelivery.put(migration.port(), migration.generation()));
    }

    /**
     * Returns the placements as the compiler needs them: each one says whether its dual delivery was written.
     */
    synchronized Map<String, PortMigration> compilerView(final Placements placements) {
        final Map<String, PortMigration> out = new TreeMap<>();
        placements.ports().forEach((port, migration) -> out.put(port, new PortMigration(port, migration.phase(),
            migration.source(), migration.destination(), migration.generation(),
            Long.valueOf(migration.generation()).equals(dualDelivery.get(port)))));
        return out;
    }

    /**
     * Records that a pass wrote every connected chassis' flows for these placements; returns the stages this
     * pass wrote first: a migration switched, or ended (no longer placed by the engine when the pass compiled).
     */
    synchronized List<FlowsWritten> passWritten(final Placements placements, final Instant at) {
        final List<FlowsWritten> facts = new ArrayList<>();
        for (PortMigration migration : placements.ports().values()) {
            remember(migration, placements.version());
            if (migration.phase() == PortMigration.Phase.PREPARED) {
                dualDelivery.put(migration.port(), migration.generation());
            } else if (!Long.valueOf(migration.generation()).equals(
                    switchedReported.put(migration.port(), migration.generation()))) {
                facts.add(new FlowsWritten(migration.port(), migration.generation(), WrittenStage.SWITCHED, at));
            }
        }
        dualDelivery.entrySet().removeIf(entry -> {
            final PortMigration written = placements.ports().get(entry.getKey());
            return written == null || written.generation() != entry.getValue();
        });
        for (Iterator<Seen> it = seen.values().iterator(); it.hasNext();) {
            final Seen last = it.next();
            final String port = last.migration().port();
            if (last.version() <= placements.version() && !placements.ports().containsKey(port)) {
                facts.add(new FlowsWritten(port, last.migration().generation(), WrittenStage.ENDED, at));
                switchedReported.remove(port);
                it.remove();
            }
        }
        return facts;
    }

    private void remember(final PortMigration migration, final long version) {
        final Seen last = seen.get(migration.port());
        if (last == null || last.version() <= version) {
            seen.put(migration.port(), new Seen(migration, version));
        }
    }
}
