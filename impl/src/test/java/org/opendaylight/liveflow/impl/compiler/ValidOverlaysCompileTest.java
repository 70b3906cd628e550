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
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.RandomChanges;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.liveflow.impl.validation.OverlayValidator;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * Whatever the validator accepts, the compiler compiles: over random changes to a valid overlay (clashing ids,
 * addresses, MACs, routers sharing subnets, floating IPs, trunks), every accepted overlay compiles on every chassis,
 * with and without migrations, and every prepared migration can be planned. Why: a compile that throws ("two flows
 * with one match") is a configuration the validator should have refused with a 4xx; found here, it is found before
 * an operator writes it.
 */
class ValidOverlaysCompileTest {
    private static final List<String> CHASSIS = List.of("c1", "c2", "c3");

    private final OverlayValidator validator = new OverlayValidator();
    private final OverlayCompiler compiler = new OverlayCompiler();
    private final ActivationPlanner planner = new ActivationPlanner(compiler);
    /** Every chassis' switch, with a port for each VM port and tunnel the random overlays can name. */
    private final SwitchInventory inventory = inventory();

    @Test
    void everyAcceptedOverlayCompilesOnEveryChassis() {
        int accepted = 0;
        int compiledFlows = 0;
        int planned = 0;
        for (long seed = 1; seed <= 100; seed++) {
            final RandomChanges changes = new RandomChanges(seed);
            final Random migrations = new Random(seed);
            TestOverlay state = TestOverlay.base()
                .withExternalNetwork("ext", 4000, "203.0.113.0/24", "203.0.113.1", "fa:16:3e:ff:00:01")
                .withRouter("r1", List.of("s1", "ext-s"));
            for (int step = 0; step < 200; step++) {
                final TestOverlay next = state.copy();
                final String what = changes.apply(next);
                if (!validator.validate(state.snapshot(), next.snapshot()).isEmpty()) {
                    continue;
                }
                accepted++;
                state = next;
                final ConfigSnapshot config = withDatapathIds(state).snapshot();
                final Map<String, PortMigration> migrating = randomMigrations(config, migrations);
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

    /** Gives every chassis of the overlay its switch (the random changes put chassis without one). */
    private static TestOverlay withDatapathIds(final TestOverlay overlay) {
        final TestOverlay copy = overlay.copy();
        for (String chassis : overlay.snapshot().chassis().keySet()) {
            copy.withDatapathId(chassis, CHASSIS.indexOf(chassis) + 1);
        }
        return copy;
    }

    /** Moves about half of the bound ports to another chassis, prepared or switched, dual delivery written or not. */
    private static Map<String, PortMigration> randomMigrations(final ConfigSnapshot config, final Random random) {
        final Map<String, PortMigration> out = new HashMap<>();
        for (Port port : config.ports().values()) {
            if (port.getBindingChassis() == null || !random.nextBoolean()) {
                continue;
            }
            final String source = port.getBindingChassis().getValue();
            final String destination = CHASSIS.get((CHASSIS.indexOf(source) + 1 + random.nextInt(2)) % 3);
            final String id = port.getId().getValue();
            out.put(id, new PortMigration(id, random.nextBoolean() ? PortMigration.Phase.PREPARED
                : PortMigration.Phase.SWITCHED, source, destination, 1 + random.nextInt(3), random.nextBoolean()));
        }
        return out;
    }

    private static SwitchInventory inventory() {
        final Map<String, SwitchView> switches = new HashMap<>();
        for (int i = 0; i < CHASSIS.size(); i++) {
            final Map<String, Long> ports = new HashMap<>();
            for (int p = 1; p <= 8; p++) {
                ports.put("p" + p, (long) p);
            }
            for (String other : CHASSIS) {
                if (!other.equals(CHASSIS.get(i))) {
                    ports.put("tun-" + other, 100L + CHASSIS.indexOf(other));
                }
            }
            final String nodeId = "openflow:" + (i + 1);
            switches.put(nodeId, new SwitchView(nodeId, ports, true));
        }
        return new SwitchInventory(switches);
    }
}
