/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.RandomChanges;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.testing.ThreeChassis;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.validation.OverlayValidator;

/**
 * Whatever the validator accepts, the compiler compiles: over random changes to a valid overlay (clashing ids,
 * addresses, MACs, routers sharing subnets, floating IPs, trunks), every accepted overlay compiles on every chassis,
 * with and without migrations, and every prepared migration can be planned. Why: a compile that throws ("two flows
 * with one match") is a configuration the validator should have refused with a 4xx; found here, it is found before
 * an operator writes it.
 */
class ValidOverlaysCompileTest {
    private final OverlayValidator validator = new OverlayValidator();
    private final OverlayCompiler compiler = new OverlayCompiler();
    private final ActivationPlanner planner = new ActivationPlanner(compiler);
    /** Every chassis' switch, with a port for each VM port and tunnel the random overlays can name. */
    private final SwitchInventory inventory = ThreeChassis.everyPortEverywhere();

    @Test
    void everyAcceptedOverlayCompilesOnEveryChassis() {
        int accepted = 0;
        int compiledFlows = 0;
        int planned = 0;
        for (long seed = 1; seed <= 100; seed++) {
            final RandomChanges changes = new RandomChanges(seed);
            final Random migrations = new Random(seed);
            TestOverlay state = RandomChanges.start();
            for (int step = 0; step < 200; step++) {
                final TestOverlay next = state.copy();
                final String what = changes.apply(next);
                if (!validator.validate(state.snapshot(), next.snapshot()).isEmpty()) {
                    continue;
                }
                accepted++;
                state = next;
                final ConfigSnapshot config = ThreeChassis.withDatapathIds(state).snapshot();
                final Map<String, PortMigration> migrating = ThreeChassis.randomMigrations(config, migrations);
                final String context = "seed " + seed + " step " + step + " (" + what + "), migrations "
                    + migrating.values();
                final Outcome outcome = assertDoesNotThrow(() -> compileAll(config, migrating),
                    () -> "an accepted overlay did not compile, " + context);
                compiledFlows += outcome.flows();
                planned += outcome.plans();
            }
        }
        // the walk must reach many overlays, with flows and plans, or it proves little
        assertTrue(accepted > 1000, "accepted " + accepted);
        assertTrue(compiledFlows > 100_000, "flows " + compiledFlows);
        assertTrue(planned > 300, "planned " + planned);
    }

    private record Outcome(int flows, int plans) {
    }

    /** Compiles every chassis with and without the migrations, and plans every armed one. */
    private Outcome compileAll(final ConfigSnapshot config, final Map<String, PortMigration> migrating) {
        int flows = 0;
        int plans = 0;
        final Map<String, SwitchFlows> current = new HashMap<>();
        for (String chassis : config.chassis().keySet()) {
            compiler.compile(config, inventory, chassis);
            current.put(chassis, compiler.compile(config, inventory, migrating, chassis));
            flows += current.get(chassis).flows().size();
        }
        for (PortMigration migration : migrating.values()) {
            if (migration.phase() == PortMigration.Phase.PREPARED && migration.dualDeliveryWritten()) {
                planner.plan(config, inventory, migrating, migration, current);
                plans++;
            }
        }
        return new Outcome(flows, plans);
    }
}
