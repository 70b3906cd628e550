/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.compiler.Owner;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * Turns the packet-in of a migration trap into the announcement of a port, as a pure function of the configuration
 * and the switch inventory: the trap's cookie names the port and the generation, the frame's source MAC must be the
 * port's (or one of its trunk's sub-ports'), and the packet must have come in on the port's own interface.
 */
final class AnnouncementMatcher {
    /** What a trapped packet means. */
    sealed interface Match {
    }

    /** An announcement of a port's VM from its interface on a chassis. */
    record Found(MigrationEvent.Announced event) implements Match {
    }

    /** The packet matches a port whose interface the inventory does not list on that switch yet. */
    record PortNotListed(String port, String why) implements Match {
    }

    /** Nothing to act on, and why; {@code notable} when an operator should hear of it. */
    record Ignored(String why, boolean notable) implements Match {
    }

    private AnnouncementMatcher() {
        // pure functions
    }

    /**
     * Matches a trap's packet-in. The ports in {@code migrating} (those with a migration under way) are tried
     * first, and only then every port: the scan hashes each port's id for its cookie, on the activation's path, and
     * a large cloud has a hundred thousand ports. The outcome is the same either way.
     */
    static Match match(final ConfigSnapshot snapshot, final SwitchInventory switches, final long cookie,
            final byte[] payload, final String nodeId, final String connectorId, final Collection<String> migrating) {
        if (!MigrationTrap.isMigrationCookie(cookie)) {
            return new Ignored("not a migration trap's cookie", false);
        }
        final Optional<AnnouncementFrame> frame = AnnouncementFrame.parse(payload);
        if (frame.isEmpty()) {
            return new Ignored("packet-in with a migration cookie but no announcement from " + connectorId, false);
        }
        final long ofport;
        try {
            ofport = Long.parseLong(connectorId.substring(connectorId.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return new Ignored("migration trap's packet-in from " + connectorId + ": not an OpenFlow port number",
                false);
        }
        final Optional<Chassis> chassis = snapshot.chassis().values().stream()
            .filter(candidate -> SwitchInventory.nodeIdOf(candidate).map(nodeId::equals).orElse(false)).findFirst();
        if (chassis.isEmpty()) {
            return new Ignored("migration trap's packet-in from " + nodeId + ", which is no configured chassis", false);
        }
        final Announcement announcement = new Announcement(cookie, frame.orElseThrow(), nodeId, ofport,
            chassis.orElseThrow(), switches.switchOf(chassis.orElseThrow()).map(view -> view.portsByName())
                .orElse(Map.of()));
        for (String id : migrating) {
            final Optional<Port> port = snapshot.port(id);
            final Optional<Match> match = port.isEmpty() ? Optional.empty()
                : announcement.of(snapshot, port.orElseThrow());
            if (match.isPresent()) {
                return match.orElseThrow();
            }
        }
        for (Port port : snapshot.ports().values()) {
            final Optional<Match> match = announcement.of(snapshot, port);
            if (match.isPresent()) {
                return match.orElseThrow();
            }
        }
        return new Ignored(announcement.frame().kind() + " from " + announcement.frame().sourceMac() + " on "
            + nodeId + " matches no migrating port", false);
    }

    /** A trap's packet-in, parsed, with the chassis it came from and that chassis' interfaces. */
    private record Announcement(long cookie, AnnouncementFrame frame, String nodeId, long ofport, Chassis chassis,
            Map<String, Long> interfaces) {
        /** What the packet-in means for this port, if its trap sent it: its cookie and the frame's MAC say so. */
        Optional<Match> of(final ConfigSnapshot snapshot, final Port port) {
            final String id = idOf(port.getId());
            if (!Owner.isMigrationCookieOf(cookie, id) || !announcingMacs(snapshot, port).contains(frame.sourceMac())) {
                return Optional.empty();
            }
            final String kind = frame.kind();
            final Long portOfport = interfaces.get(ConfigSnapshot.interfaceNameOf(port));
            if (portOfport == null) {
                return Optional.of(new PortNotListed(id, kind + " for port " + id + " came in on " + nodeId + " port "
                    + ofport + ", which the inventory does not list"));
            }
            if (portOfport != ofport) {
                return Optional.of(new Ignored(kind + " for port " + id + " came in on " + nodeId + " port " + ofport
                    + ", not its interface", true));
            }
            return Optional.of(new Found(new MigrationEvent.Announced(id, idOf(chassis.getName()),
                Owner.generationOf(cookie), kind)));
        }
    }

    /**
     * Returns the MACs whose announcement activates a port's migration: its own, and those of its trunk's
     * sub-ports, which migrate with it (lower case).
     */
    private static Set<String> announcingMacs(final ConfigSnapshot snapshot, final Port port) {
        final Set<String> out = new HashSet<>();
        out.add(port.getMacAddress().getValue().toLowerCase(Locale.ROOT));
        snapshot.trunkOfParent(idOf(port.getId())).ifPresent(trunk -> trunk.nonnullSubPort().values()
            .forEach(sub -> snapshot.port(idOf(sub.getPort()))
                .ifPresent(subPort -> out.add(subPort.getMacAddress().getValue().toLowerCase(Locale.ROOT)))));
        return out;
    }
}
