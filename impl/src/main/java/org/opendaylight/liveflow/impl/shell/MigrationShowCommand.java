/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import static org.opendaylight.liveflow.impl.shell.Texts.orNone;

import java.io.PrintStream;
import java.util.Comparator;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migration.entry.Transition;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.Migration;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.migration.SubPort;

@Service
@Command(scope = "liveflow", name = "migration-show",
    description = "Show a port's migration: timeline, convergence, source cleanup, ignored events")
public final class MigrationShowCommand extends OverlayStateCommand {
    @Argument(index = 0, name = "port", required = true, description = "Port id")
    @Completion(PortIdCompleter.class)
    private String portId;

    @Override
    void print(final ConfigSnapshot snapshot, final OperationalView state, final PrintStream out) {
        final Migration migration = state.migration(portId).orElseThrow(() -> new IllegalArgumentException(
            "Port '" + portId + "' has no migration record (it never migrated)"));
        out.println("Migration of     " + portId);
        out.println("  State          " + orNone(migration.getState()) + " (generation "
            + orNone(migration.getGeneration()) + ", since " + MigrationTexts.age(migration) + ")");
        out.println("  Source         " + orNone(migration.getSourceChassis()));
        out.println("  Destination    " + orNone(migration.getDestinationChassis()));
        if (migration.getAnnouncedDestination() != null) {
            out.println("  Announced      " + migration.getAnnouncedDestination().getValue());
        }
        out.println("  Convergence    " + MigrationTexts.convergence(migration)
            + " (activation until every chassis' flows were written)");
        out.println("  Source cleanup " + orNone(migration.getSourceCleanup()));
        if (migration.getAbortReason() != null) {
            out.println("  Abort reason   " + migration.getAbortReason());
        }
        out.println("  Ignored events " + orNone(migration.getIgnoredEvents()) + " (stale "
            + orNone(migration.getIgnoredStale()) + ", duplicate " + orNone(migration.getIgnoredDuplicate())
            + ", out of order " + orNone(migration.getIgnoredOutOfOrder()) + ")");
        if (migration.getLastIgnored() != null) {
            out.println("  Last ignored   " + migration.getLastIgnored());
        }
        for (SubPort sub : migration.nonnullSubPort().values().stream()
                .sorted(Comparator.comparing(each -> each.getVlanId().toJava())).toList()) {
            out.println("  Sub-port       " + sub.getPort().getValue() + " (VLAN " + sub.getVlanId() + ", network "
                + orNone(sub.getNetwork()) + "): " + orNone(migration.getState()) + " with the port");
        }
        out.println("  Timeline");
        for (Transition step : migration.nonnullTransition().values().stream()
                .sorted(Comparator.comparing(Transition::getSequence)).toList()) {
            out.println("    " + step.getSequence() + "  " + orNone(step.getTime()) + "  " + orNone(step.getFromState())
                + " -> " + orNone(step.getToState()) + "  " + orNone(step.getCause()));
        }
    }
}
