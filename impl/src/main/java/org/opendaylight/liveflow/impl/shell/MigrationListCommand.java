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
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.Migration;

@Service
@Command(scope = "liveflow", name = "migration-list",
    description = "List port migrations: state, source, destination, age, ignored events")
public final class MigrationListCommand extends OverlayStateCommand {
    @Override
    void print(final ConfigSnapshot snapshot, final OperationalView state, final PrintStream out) {
        final ShellTable table = new ShellTable();
        table.column("PORT");
        table.column("STATE");
        table.column("SOURCE");
        table.column("DESTINATION");
        table.column("GEN");
        table.column("AGE");
        table.column("CONVERGENCE");
        table.column("IGNORED");
        for (Migration migration : state.migrations()) {
            table.addRow().addContent(migration.getPort().getValue(), orNone(migration.getState()),
                orNone(migration.getSourceChassis()), orNone(migration.getDestinationChassis()),
                orNone(migration.getGeneration()), MigrationTexts.age(migration),
                MigrationTexts.convergence(migration), orNone(migration.getIgnoredEvents()));
        }
        table.print(out);
    }
}
