/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A port in the middle of a live migration, as the compiler needs to know it (docs/design.md section 5).
 *
 * <ul>
 *   <li>{@link Phase#PREPARED}: the port is up on the source and on the destination; both copies receive its
 *       traffic (every other chassis sends it to both through an ALL group), and the destination traps the
 *       port's RARP/GARP for the engine.</li>
 *   <li>{@link Phase#SWITCHED}: the port is up on the destination only; every chassis, the source included,
 *       sends its traffic to the destination. What reaches the source through a tunnel was sent there while
 *       the sender delivered to both copies, so the destination has its twin: once every chassis' dual delivery
 *       was written ({@code dualDeliveryWritten}), the source drops it rather than forward a duplicate; before,
 *       it forwards it, as the sender may not have duplicated it yet.</li>
 * </ul>
 *
 * @param port the port id
 * @param phase where the migration is
 * @param source the chassis the port is bound to
 * @param destination the chassis it moves to
 * @param generation the migration's generation, carried by the cookie of the destination's trap flows
 * @param dualDeliveryWritten whether every chassis' prepared flows were written
 */
public record PortMigration(String port, Phase phase, String source, String destination, long generation,
        boolean dualDeliveryWritten) {
    /** The phases in which flows differ from a plain binding. */
    public enum Phase {
        PREPARED,
        SWITCHED
    }

    public PortMigration {
        requireNonNull(port);
        requireNonNull(phase);
        requireNonNull(source);
        requireNonNull(destination);
    }

    /**
     * Returns this migration once activated: same chassis, generation and dual delivery, phase switched.
     */
    public PortMigration switched() {
        return new PortMigration(port, Phase.SWITCHED, source, destination, generation, dualDeliveryWritten);
    }

    /**
     * Returns the chassis the port is up on, in this phase, in the order source, destination.
     */
    List<String> hosts() {
        return phase == Phase.PREPARED ? List.of(source, destination) : List.of(destination);
    }
}
