/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.liveness.LivenessSnapshot;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * Turns successive views of the configuration, the switches and the chassis' liveness into migration events:
 * a binding-chassis changed, a port's interface plugged or unplugged, a chassis gone. It keeps the last view it
 * was given; the first configuration only sets it (a binding found at start moved nowhere). Used on the engine's
 * thread only.
 */
final class ObservedChanges {
    private final Map<String, String> bindings = new HashMap<>();
    private Map<String, Set<String>> presence = Map.of();
    private Set<String> connected = Set.of();
    private boolean started;

    /**
     * Returns the binding changes since the last configuration: whoever wrote them, Nova or liveflow after the
     * binding timeout, each is one event. {@code change} is what changed since the last configuration when known:
     * then only those ports are looked at.
     */
    List<MigrationEvent> configChanged(final ConfigSnapshot snapshot, final Optional<ConfigChange> change) {
        final List<MigrationEvent> events = new ArrayList<>();
        if (change.isPresent() && started) {
            for (String port : new TreeSet<>(change.orElseThrow().ids(ConfigKind.PORT))) {
                final String now = snapshot.port(port).map(Port::getBindingChassis).map(ResourceId::getValue)
                    .orElse(null);
                final String before = now == null ? bindings.remove(port) : bindings.put(port, now);
                if (before != null && now != null && !now.equals(before)) {
                    events.add(new MigrationEvent.BindingMoved(port, now));
                }
            }
            return events;
        }
        final Map<String, String> now = new HashMap<>();
        snapshot.ports().values().stream().filter(port -> port.getBindingChassis() != null)
            .forEach(port -> now.put(idOf(port.getId()), port.getBindingChassis().getValue()));
        if (started) {
            now.forEach((port, chassis) -> {
                if (bindings.containsKey(port) && !chassis.equals(bindings.get(port))) {
                    events.add(new MigrationEvent.BindingMoved(port, chassis));
                }
            });
        }
        bindings.clear();
        bindings.putAll(now);
        started = true;
        return events;
    }

    /**
     * Returns what the switches and the liveness verdicts changed for the ports' migrations since the last call
     * (nothing before the first configuration).
     */
    List<MigrationEvent> switchesChanged(final ConfigSnapshot snapshot, final SwitchInventory switches,
            final LivenessSnapshot verdicts, final Map<String, MigrationRecord> records) {
        if (!started) {
            return List.of();
        }
        final Map<String, Set<String>> nowPresent = PlugDetector.presence(snapshot, switches);
        // a chassis counts as there while its switch is connected (the inventory, at once) and answers (the
        // liveness probes): a dead one's migrations roll forward or abort as soon as either says so. Only a
        // not-answering verdict removes a connected chassis: the monitor judges on its own thread, and a chassis it
        // has not judged yet (just after a start) must not look dead
        final Set<String> nowConnected = PlugDetector.connected(snapshot, switches);
        nowConnected.removeIf(chassis -> verdicts.reasonOf(chassis) == ChassisReason.NotAnswering);
        final List<MigrationEvent> events = PlugDetector.events(snapshot, presence, connected, nowPresent,
            nowConnected, records);
        presence = nowPresent;
        connected = nowConnected;
        return events.stream().map(event -> event instanceof MigrationEvent.ChassisDown down
            && verdicts.reasonOf(down.chassis()) == ChassisReason.NotAnswering
            ? new MigrationEvent.ChassisDown(down.port(), down.chassis(), MigrationEvent.ChassisDown.NOT_ANSWERING)
            : event).toList();
    }
}
