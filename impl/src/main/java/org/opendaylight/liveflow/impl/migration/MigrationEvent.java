/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What can happen to a port's migration. Events observed on the switches (plugs, unplugs, chassis going down)
 * belong to the generation current when the engine saw them; an announcement carries the generation of the trap
 * flow that caught it (its cookie), an abort or a timeout the generation it was meant for. The state machine
 * ignores, and counts, any event that is stale, repeated or out of place.
 */
public sealed interface MigrationEvent {
    String port();

    /** The port's interface appeared on a chassis other than its binding. */
    record DestinationPlugged(String port, String chassis) implements MigrationEvent {
    }

    /** The port's interface left the destination. */
    record DestinationUnplugged(String port, String chassis) implements MigrationEvent {
    }

    /** The port's interface left the source. */
    record SourceUnplugged(String port, String chassis) implements MigrationEvent {
    }

    /** The port sent a RARP or gratuitous ARP from its interface on a chassis (a packet-in of the trap flow). */
    record Announced(String port, String chassis, long generation, String frame) implements MigrationEvent {
    }

    /** The port's binding-chassis was changed in the configuration. */
    record BindingMoved(String port, String chassis) implements MigrationEvent {
    }

    /** abort-migration was called, for one generation or (null) whatever is current. */
    record AbortRequested(String port, @Nullable Long generation, String reason) implements MigrationEvent {
    }

    /**
     * A chassis died: its switch disconnected or stopped answering probes ({@code why} says which, for the
     * operator).
     */
    record ChassisDown(String port, String chassis, String why) implements MigrationEvent {
        static final String DISCONNECTED = "disconnected";
        static final String NOT_ANSWERING = "not answering";
    }

    /** No binding update came within the configured time after activation. */
    record BindingTimeout(String port, long generation) implements MigrationEvent {
    }

    /** The binding liveflow wrote after the timeout was not stored (the port deleted, the configuration overloaded). */
    record BindingWriteFailed(String port, long generation, String why) implements MigrationEvent {
    }

    /** prepare-migration announced a destination. */
    record Prepared(String port, String chassis) implements MigrationEvent {
    }

    /**
     * The programmer wrote every connected chassis' flows for a migration at a stage: switched, or ended (the port
     * placed by its binding again). Reported by the southbound, never by the engine about its own writes.
     */
    record FlowsWritten(String port, long generation, WrittenStage stage, Instant at) implements MigrationEvent {
        public FlowsWritten {
            requireNonNull(port);
            requireNonNull(stage);
            requireNonNull(at);
        }
    }

    /** The stages of a migration whose writing the engine waits for. */
    enum WrittenStage {
        SWITCHED,
        ENDED
    }

    /** The check of the source switch after a completed migration found this. */
    record SourceChecked(String port, long generation, SourceCleanup result) implements MigrationEvent {
    }
}
