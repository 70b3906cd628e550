/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;

/**
 * Compiles a pass's chassis, keeping what the last pass compiled and from which inputs. The compiler is a pure
 * function of the configuration snapshot, the switch inventory and the migrations, and both snapshots are
 * immutable objects replaced on every change: a pass whose snapshots are the very objects of the last pass, with
 * equal migrations, takes every chassis' last compile as it is. Why: a pass is also asked for when a bundle ends
 * after the pass that sent it, and to retry a switch; at a thousand chassis each such pass compiled three million
 * flows again (27 to 31 s here) to find nothing changed. When the inputs did change, only the chassis the change
 * can alter ({@link AffectedChassis}: after a port write, those forwarding for its network) are compiled; the
 * others keep their last compile. A chassis that is compiled shares its unchanged specs with its last compile
 * ({@link SwitchFlows#sharingWith}).
 *
 * <p>A chassis whose compile fails (two flows with one match: a configuration the validator should have refused)
 * is left out of the pass and its failure kept, so that every other chassis is still programmed and the operator
 * is told which chassis is stuck and why. Used by one thread (the programmer's).
 */
public final class ChassisCompiles {
    /** The compile of one chassis (the {@link OverlayCompiler}'s). */
    @FunctionalInterface
    interface Compile {
        SwitchFlows of(ConfigSnapshot config, SwitchInventory inventory, Map<String, PortMigration> migrations,
            String chassis);
    }

    private final Compile compile;
    private Map<String, SwitchFlows> last = Map.of();
    private @Nullable ConfigSnapshot lastConfig;
    private @Nullable SwitchInventory lastInventory;
    private Map<String, PortMigration> lastMigrations = Map.of();
    /** Why the last pass could not compile a chassis, by chassis name; read by other threads (the shell). */
    private volatile Map<String, String> failures = Map.of();

    public ChassisCompiles(final OverlayCompiler compiler) {
        this(compiler::compile);
    }

    ChassisCompiles(final Compile compile) {
        this.compile = compile;
    }

    /**
     * Returns, by chassis name, what each of these chassis must hold for these inputs, leaving out those whose
     * compile failed ({@link #failures()}); remembers it for the next pass (forgetting chassis not asked for).
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    public Map<String, SwitchFlows> compile(final ConfigSnapshot config, final SwitchInventory inventory,
            final Map<String, PortMigration> migrations, final Collection<String> chassis) {
        final Set<String> affected = affectedSinceLastPass(config, inventory, migrations);
        final Map<String, SwitchFlows> compiled = new HashMap<>();
        final Map<String, String> failed = new HashMap<>();
        for (String name : chassis) {
            final SwitchFlows before = last.get(name);
            if (before != null && affected != null && !affected.contains(name)) {
                compiled.put(name, before);
                continue;
            }
            try {
                compiled.put(name, compile.of(config, inventory, migrations, name).sharingWith(before));
            } catch (RuntimeException e) {
                // one chassis' compile must not stop every other chassis' programming
                failed.put(name, String.valueOf(e.getMessage()));
            }
        }
        failures = Map.copyOf(failed);
        last = Map.copyOf(compiled);
        lastConfig = config;
        lastInventory = inventory;
        lastMigrations = Map.copyOf(migrations);
        return last;
    }

    /**
     * Returns the chassis these inputs may compile differently from the last pass's; null for every chassis.
     */
    private @Nullable Set<String> affectedSinceLastPass(final ConfigSnapshot config, final SwitchInventory inventory,
            final Map<String, PortMigration> migrations) {
        final ConfigSnapshot previousConfig = lastConfig;
        final SwitchInventory previousInventory = lastInventory;
        if (config == previousConfig && inventory == previousInventory && migrations.equals(lastMigrations)) {
            return Set.of();
        }
        if (previousConfig == null || previousInventory == null) {
            return null;
        }
        return AffectedChassis.between(new AffectedChassis.Inputs(previousConfig, previousInventory, lastMigrations),
            new AffectedChassis.Inputs(config, inventory, migrations)).orElse(null);
    }

    /**
     * Returns why the last pass could not compile a chassis, by chassis name (empty when every chassis compiled).
     */
    public Map<String, String> failures() {
        return failures;
    }
}
