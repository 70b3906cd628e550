/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.validation.Routers;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * Tells which chassis' compile a change of the compiler's inputs can alter, so that a pass after a port write
 * compiles the few chassis that forward for the port's network instead of all of them (at a thousand chassis,
 * 10 to 30 s on this machine for one port).
 *
 * <p>A chassis' compile reads ports only of the networks it forwards for: those with a port placed on it (bound,
 * or one end of a migration) and every network of a router attached to one of those ({@link CompileContext}).
 * So a changed port (its entry, its migration) alters the chassis it is placed on, before and after, and every
 * chassis placed in its network or in a network a router joins to it. A changed switch alters its own chassis and
 * those that forward for the networks of the ports placed on it (they see whether the port is up there). A
 * floating IP's flows live only where its port is placed (and on a switched migration's source), so a port with
 * one is followed like any other. A trunk's sub-port lives on its parent's interface: it is placed where the parent
 * is, and a change of the parent (its entry, its migration, its interface) reaches its sub-ports' networks too.
 *
 * <p>Anything else (a chassis, network, subnet, router, trunk or floating IP entry) is not followed: every chassis
 * is compiled. Pure.
 */
final class AffectedChassis {
    /** The compiler's inputs of one pass. */
    record Inputs(ConfigSnapshot config, SwitchInventory inventory, Map<String, PortMigration> migrations) {
    }

    private AffectedChassis() {
    }

    /**
     * Returns the chassis whose compile may differ between the two inputs; empty when any chassis' may.
     */
    static Optional<Set<String>> between(final Inputs before, final Inputs after) {
        final ConfigSnapshot config = after.config();
        if (!sameApartFromPorts(before.config(), config)) {
            return Optional.empty();
        }
        final Set<String> changedPorts = new HashSet<>();
        addChangedKeys(before.config().ports(), config.ports(), changedPorts);
        addChangedKeys(before.migrations(), after.migrations(), changedPorts);
        final Set<String> hosts = new HashSet<>();
        final Set<String> networks = new HashSet<>();
        for (String port : changedPorts) {
            addPort(port, before, hosts, networks);
            addPort(port, after, hosts, networks);
        }
        final Map<String, String> chassisByNode = new HashMap<>();
        for (Chassis chassis : config.chassis().values()) {
            SwitchInventory.nodeIdOf(chassis).ifPresent(node -> chassisByNode.put(node, idOf(chassis.getName())));
        }
        final Set<String> nodes = new HashSet<>();
        addChangedKeys(before.inventory().switches(), after.inventory().switches(), nodes);
        for (String node : nodes) {
            final String chassis = chassisByNode.get(node);
            if (chassis != null) {
                hosts.add(chassis);
                addPlacedOn(chassis, before, networks);
                addPlacedOn(chassis, after, networks);
            }
        }
        final Set<String> reached = withRouterNeighbours(config, networks);
        addPlacedIn(reached, before, hosts);
        addPlacedIn(reached, after, hosts);
        return Optional.of(hosts);
    }

    /** Every input of the compile but the ports is the same (the same maps, or equal ones). */
    private static boolean sameApartFromPorts(final ConfigSnapshot before, final ConfigSnapshot after) {
        return same(before.chassis(), after.chassis()) && same(before.networks(), after.networks())
            && same(before.subnets(), after.subnets()) && same(before.routers(), after.routers())
            && same(before.trunks(), after.trunks()) && same(before.floatingIps(), after.floatingIps());
    }

    private static boolean same(final Map<?, ?> before, final Map<?, ?> after) {
        return before == after || before.equals(after);
    }

    private static <K, V> void addChangedKeys(final Map<K, V> before, final Map<K, V> after, final Set<K> out) {
        if (before == after) {
            return;
        }
        before.forEach((key, value) -> {
            final V now = after.get(key);
            if (now != value && !Objects.equals(now, value)) {
                out.add(key);
            }
        });
        after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(out::add);
    }

    /**
     * Adds where a port is placed and the networks it reaches, as one side of the change has them. A trunk's
     * sub-port is placed where its parent is (the parent's binding and migration); a parent carries its sub-ports,
     * so their networks are reached as well as its own.
     */
    private static void addPort(final String id, final Inputs inputs, final Set<String> hosts,
            final Set<String> networks) {
        final ConfigSnapshot config = inputs.config();
        config.port(id).ifPresent(port -> networks.add(idOf(port.getNetwork())));
        addCarried(id, config, networks);
        final String carrier = config.carrierIdOf(id);
        config.port(carrier).map(Port::getBindingChassis).ifPresent(chassis -> hosts.add(chassis.getValue()));
        // a migration keyed by the port itself: the carrier's for a parent or a plain port; one keyed by a
        // sub-port carries nothing, and its ends are added all the same (more compiles, never fewer)
        addEnds(inputs.migrations().get(id), hosts);
        if (!carrier.equals(id)) {
            addEnds(inputs.migrations().get(carrier), hosts);
        }
    }

    private static void addEnds(final @Nullable PortMigration migration, final Set<String> hosts) {
        if (migration != null) {
            hosts.add(migration.source());
            hosts.add(migration.destination());
        }
    }

    /** Adds the networks of a trunk parent's sub-ports; nothing for any other port. */
    private static void addCarried(final String portId, final ConfigSnapshot config, final Set<String> networks) {
        config.trunkOfParent(portId).ifPresent(trunk -> trunk.nonnullSubPort().values().forEach(subPort ->
            config.port(idOf(subPort.getPort())).ifPresent(port -> networks.add(idOf(port.getNetwork())))));
    }

    /**
     * Adds the networks of the ports placed on a chassis (and of the sub-ports they carry), as one side of the
     * change has them.
     */
    private static void addPlacedOn(final String chassis, final Inputs inputs, final Set<String> networks) {
        final ConfigSnapshot config = inputs.config();
        for (Port port : config.portsOnChassis(chassis)) {
            networks.add(idOf(port.getNetwork()));
            addCarried(idOf(port.getId()), config, networks);
        }
        for (PortMigration migration : inputs.migrations().values()) {
            if (migration.source().equals(chassis) || migration.destination().equals(chassis)) {
                config.port(migration.port()).ifPresent(port -> networks.add(idOf(port.getNetwork())));
                addCarried(migration.port(), config, networks);
            }
        }
    }

    /** The networks, and every network of a router attached to one of them. */
    private static Set<String> withRouterNeighbours(final ConfigSnapshot config, final Set<String> networks) {
        final Set<String> out = new HashSet<>(networks);
        for (var router : config.routers().values()) {
            final Set<String> joined = Routers.networksOf(config, router);
            if (joined.stream().anyMatch(networks::contains)) {
                out.addAll(joined);
            }
        }
        return out;
    }

    /** Adds every chassis a port of these networks is placed on, as one side of the change has them. */
    private static void addPlacedIn(final Set<String> networks, final Inputs inputs, final Set<String> hosts) {
        final ConfigSnapshot config = inputs.config();
        for (String network : networks) {
            for (Port port : config.portsOfNetwork(network)) {
                config.carrierOf(port).map(Port::getBindingChassis).ifPresent(chassis -> hosts.add(chassis.getValue()));
                final PortMigration migration = inputs.migrations().get(config.carrierIdOf(idOf(port.getId())));
                if (migration != null) {
                    hosts.add(migration.source());
                    hosts.add(migration.destination());
                }
            }
        }
    }
}
