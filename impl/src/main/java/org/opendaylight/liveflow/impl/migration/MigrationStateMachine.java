/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.AbortRequested;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.Announced;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.BindingMoved;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.BindingTimeout;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.BindingWriteFailed;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.ChassisDown;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.DestinationPlugged;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.DestinationUnplugged;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.FlowsWritten;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.Prepared;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.SourceChecked;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.SourceUnplugged;

/**
 * The migration protocol of docs/design.md section 5 as a pure function: a port's record and an event give the next
 * record. An event that does not apply leaves the state alone and is counted as stale (older generation),
 * duplicate (it already happened) or out of order, so applying any event twice, or late, changes nothing.
 *
 * <pre>
 * BOUND(S)  -- interface plugged on D != S ----------------------------&gt; PREPARED(S, D), or ERROR
 * PREPARED  -- RARP/GARP from the port on D, interface left S, S down -&gt; SWITCHED
 * SWITCHED  -- binding-chassis := D (liveflow writes it after the timeout) -&gt; BOUND(D)
 * PREPARED  -- interface left D, abort-migration, D down --------------&gt; ABORTED -&gt; BOUND(S)
 * </pre>
 */
public final class MigrationStateMachine {
    /** vnic-types whose VM cannot live-migrate with its network: SR-IOV and PCI passthrough. */
    public static final Set<String> UNMIGRATABLE_VNIC_TYPES = Set.of("direct", "direct-physical");
    private static final long COOKIE_GENERATION_MODULO = 1 << 16;
    private static final String BINDING_WRITE = "no binding update in time: liveflow writes binding-chassis := ";

    /**
     * What the machine needs to know about the port besides its record.
     *
     * @param binding the port's binding-chassis in the configuration
     * @param vnicType the port's vnic-type, if configured
     */
    public record PortFacts(String binding, @Nullable String vnicType) {
    }

    private MigrationStateMachine() {
        // pure functions
    }

    /**
     * What a decision yields: the record after the event, and what the engine must do about it.
     */
    public record Decision(MigrationRecord record, List<MigrationEffect> effects) {
        public Decision {
            effects = List.copyOf(effects);
        }
    }

    /**
     * Returns the record after the event and the effects it calls for.
     */
    public static Decision decide(final MigrationRecord record, final MigrationEvent event, final PortFacts facts,
            final Instant now) {
        if (event instanceof BindingTimeout timeout && timeout.generation() == record.generation()
                && record.phase() == MigrationPhase.SWITCHED && record.destination().equals(facts.binding())) {
            // the configuration already says where the port is (written while no member ran the control loop)
            return decide(record, new BindingMoved(record.port(), facts.binding()), facts, now);
        }
        final MigrationRecord next = apply(record, event, facts, now);
        final List<MigrationEffect> effects = new ArrayList<>();
        if (next.activatedAt() != null && record.activatedAt() == null && next.phase() == MigrationPhase.SWITCHED) {
            effects.add(new MigrationEffect.ScheduleBindingTimeout(next.port(), next.generation()));
        }
        if (event instanceof BindingTimeout && next.phase() == MigrationPhase.SWITCHED
                && bindingWriteRequested(next)) {
            effects.add(new MigrationEffect.WriteBinding(next.port(), next.generation(), next.destination()));
        }
        if (event instanceof BindingWriteFailed failed && failed.generation() == next.generation()
                && next.phase() == MigrationPhase.SWITCHED) {
            effects.add(new MigrationEffect.ScheduleBindingTimeout(next.port(), next.generation()));
        }
        if (event instanceof FlowsWritten written && written.stage() == MigrationEvent.WrittenStage.ENDED
                && written.generation() == next.generation() && next.completed()
                && next.cleanup() == SourceCleanup.NOT_STARTED) {
            effects.add(new MigrationEffect.CheckSource(next.port(), next.generation(), next.source()));
        }
        return new Decision(next, effects);
    }

    /**
     * Returns the record after the event.
     */
    public static MigrationRecord apply(final MigrationRecord record, final MigrationEvent event,
            final PortFacts facts, final Instant now) {
        if (event instanceof DestinationPlugged plugged) {
            return destinationPlugged(record, plugged.chassis(), facts, now);
        } else if (event instanceof DestinationUnplugged unplugged) {
            return destinationUnplugged(record, unplugged.chassis(), now);
        } else if (event instanceof SourceUnplugged unplugged) {
            return activate(record, unplugged.chassis(), record.source(), "interface left " + unplugged.chassis(),
                now);
        } else if (event instanceof Announced announced) {
            if (!sameGeneration(announced.generation(), record.generation())) {
                return record.ignore(IgnoredKind.STALE, announced.frame() + " from " + announced.chassis()
                    + " caught for generation " + announced.generation() + ", now " + record.generation());
            }
            return activate(record, announced.chassis(), record.destination(),
                announced.frame() + " from the port on " + announced.chassis(), now);
        } else if (event instanceof BindingMoved moved) {
            return bindingMoved(record, moved.chassis(), now);
        } else if (event instanceof AbortRequested abort) {
            return abortRequested(record, abort, now);
        } else if (event instanceof ChassisDown down) {
            return chassisDown(record, down, now);
        } else if (event instanceof BindingTimeout timeout) {
            return bindingTimeout(record, timeout, now);
        } else if (event instanceof FlowsWritten written) {
            // a fact about the switches, not an operator's event: one that does not apply is not counted
            return written.generation() == record.generation() && record.activatedAt() != null
                && record.convergenceMicros() == null
                ? record.converged(Duration.between(record.activatedAt(), written.at()).toNanos() / 1000) : record;
        } else if (event instanceof BindingWriteFailed) {
            // the effect tells the engine to try again after another timeout; the record stays as it is
            return record;
        } else if (event instanceof SourceChecked checked) {
            return checked.generation() == record.generation() && record.cleanup() == SourceCleanup.NOT_STARTED
                ? record.cleaned(checked.result()) : record;
        } else if (event instanceof Prepared prepared) {
            if (record.inProgress()) {
                return record.ignore(IgnoredKind.OUT_OF_ORDER, "prepare-migration while "
                    + record.phase().yangName());
            }
            return record.announced(prepared.chassis());
        }
        throw new IllegalArgumentException("Unknown event " + event);
    }

    private static MigrationRecord destinationPlugged(final MigrationRecord record, final String chassis,
            final PortFacts facts, final Instant now) {
        if (record.inProgress() || record.phase() == MigrationPhase.ERROR) {
            return chassis.equals(record.destination())
                ? record.ignore(IgnoredKind.DUPLICATE, "interface plugged on " + chassis + " again")
                : record.ignore(IgnoredKind.OUT_OF_ORDER, "interface plugged on " + chassis + " while "
                    + record.phase().yangName() + " towards " + record.destination());
        }
        if (chassis.equals(facts.binding())) {
            return record.ignore(IgnoredKind.OUT_OF_ORDER, "interface plugged on its own binding " + chassis);
        }
        final String source = facts.binding();
        if (facts.vnicType() != null && UNMIGRATABLE_VNIC_TYPES.contains(facts.vnicType())) {
            final String reason = "vnic-type " + facts.vnicType()
                + " (SR-IOV / PCI passthrough) cannot live-migrate; traffic stays on " + source;
            return record.begin(source, chassis, MigrationPhase.ERROR, "interface plugged on " + chassis + ": "
                + reason, now).aborted(reason);
        }
        if (record.announcedDestination() != null && !record.announcedDestination().equals(chassis)) {
            final String reason = "interface plugged on " + chassis + " but prepare-migration announced "
                + record.announcedDestination() + "; traffic stays on " + source;
            return record.begin(source, chassis, MigrationPhase.ERROR, reason, now).aborted(reason);
        }
        return record.begin(source, chassis, MigrationPhase.PREPARED, "interface plugged on " + chassis, now);
    }

    private static MigrationRecord destinationUnplugged(final MigrationRecord record, final String chassis,
            final Instant now) {
        if (!chassis.equals(record.destination())) {
            return record.ignore(IgnoredKind.OUT_OF_ORDER, "interface left " + chassis + ", not the destination");
        }
        return switch (record.phase()) {
            case PREPARED -> abort(record, "interface removed from " + chassis + " before activation", now);
            case ERROR -> record.to(MigrationPhase.BOUND, "refused interface removed from " + chassis, now);
            case SWITCHED -> record.ignore(IgnoredKind.OUT_OF_ORDER, "interface left " + chassis
                + " after activation");
            default -> record.ignore(IgnoredKind.STALE, "interface left " + chassis + " after generation "
                + record.generation() + " ended");
        };
    }

    /**
     * Activation: the announcement from the destination, or the interface leaving the source.
     */
    private static MigrationRecord activate(final MigrationRecord record, final String chassis,
            final @Nullable String expected, final String cause, final Instant now) {
        if (record.phase() == MigrationPhase.PREPARED && chassis.equals(expected)) {
            return record.activated(now).to(MigrationPhase.SWITCHED, cause, now);
        }
        if (record.phase() == MigrationPhase.SWITCHED
                || record.phase() == MigrationPhase.BOUND && record.activatedAt() != null) {
            return record.ignore(IgnoredKind.DUPLICATE, cause + ": already activated");
        }
        return record.ignore(IgnoredKind.OUT_OF_ORDER, cause + " while " + record.phase().yangName());
    }

    /**
     * The binding timeout of a switched migration: liveflow is about to write binding-chassis := destination
     * itself. The migration stays switched, the timeline says so, and the configuration change that write causes
     * completes it as any binding update would ({@link #bindingMoved}).
     */
    private static MigrationRecord bindingTimeout(final MigrationRecord record, final BindingTimeout timeout,
            final Instant now) {
        if (timeout.generation() != record.generation()) {
            return record.ignore(IgnoredKind.STALE, "binding timeout of generation " + timeout.generation());
        }
        if (record.phase() != MigrationPhase.SWITCHED) {
            return record.ignore(IgnoredKind.OUT_OF_ORDER, "binding timeout while " + record.phase().yangName());
        }
        // a timeout after a write that failed: the timeline already says liveflow writes the binding
        return bindingWriteRequested(record) ? record
            : record.to(MigrationPhase.SWITCHED, BINDING_WRITE + record.destination(), now);
    }

    /**
     * Tells whether liveflow wrote, or is writing, the binding of a switched migration after its timeout.
     */
    static boolean bindingWriteRequested(final MigrationRecord record) {
        final List<Transition> steps = record.transitions();
        final Transition last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        return record.phase() == MigrationPhase.SWITCHED && last != null && last.from() == MigrationPhase.SWITCHED
            && last.cause().startsWith(BINDING_WRITE);
    }

    private static MigrationRecord bindingMoved(final MigrationRecord record, final String chassis,
            final Instant now) {
        final boolean toDestination = chassis.equals(record.destination());
        return switch (record.phase()) {
            case SWITCHED -> toDestination ? record.rebound(bindingWriteRequested(record)
                ? "no binding update in time: liveflow moved the binding to " + chassis
                : "binding-chassis moved to " + chassis, now)
                : record.to(MigrationPhase.BOUND, "binding-chassis moved to " + chassis + ", not to "
                    + record.destination(), now);
            case PREPARED -> toDestination ? record.activated(now)
                .to(MigrationPhase.SWITCHED, "binding-chassis moved to " + chassis + " before activation", now)
                .rebound("binding-chassis moved to " + chassis, now)
                : abort(record, "binding-chassis moved to " + chassis, now);
            case ERROR -> record.to(MigrationPhase.BOUND, "binding-chassis moved to " + chassis, now);
            default -> record;
        };
    }

    private static MigrationRecord abortRequested(final MigrationRecord record, final AbortRequested abort,
            final Instant now) {
        if (abort.generation() != null && abort.generation() != record.generation()) {
            return record.ignore(IgnoredKind.STALE, "abort-migration for generation " + abort.generation()
                + ", now " + record.generation());
        }
        return switch (record.phase()) {
            case PREPARED -> abort(record, "abort-migration: " + abort.reason(), now);
            case ERROR -> record.to(MigrationPhase.BOUND, "abort-migration: " + abort.reason(), now);
            case SWITCHED -> record.ignore(IgnoredKind.OUT_OF_ORDER, "abort-migration after activation on "
                + record.destination());
            default -> record.ignore(IgnoredKind.OUT_OF_ORDER, "abort-migration with no migration in progress");
        };
    }

    private static MigrationRecord chassisDown(final MigrationRecord record, final ChassisDown down,
            final Instant now) {
        final String chassis = down.chassis();
        if (record.phase() == MigrationPhase.PREPARED && ChassisDown.NOT_ANSWERING.equals(down.why())
                && (chassis.equals(record.destination()) || chassis.equals(record.source()))) {
            // a verdict, not a closed session: under load a switch can leave the controller's probes unanswered
            // for seconds while it forwards (the busiest one, the source of a host evacuation, did), and a RARP it
            // received waits behind the same stall. Acting on it sends the VM's traffic to one copy alone: aborting
            // to the source, where the VM may no longer run (a host evacuation lost 51 to 113 probes on each of 4
            // VMs this way), or rolling forward to the destination, where it may not run yet. While prepared, both
            // copies keep receiving, whichever runs; the RARP, the binding update or a closed session decides
            final String role = chassis.equals(record.source()) ? "source " : "destination ";
            return record.ignore(IgnoredKind.OUT_OF_ORDER, role + chassis + " " + down.why()
                + " while prepared: both copies keep receiving");
        }
        if (record.phase() == MigrationPhase.PREPARED && chassis.equals(record.destination())) {
            return abort(record, "destination " + chassis + " " + down.why(), now);
        }
        if (record.phase() == MigrationPhase.PREPARED && chassis.equals(record.source())) {
            return record.activated(now).to(MigrationPhase.SWITCHED, "source " + chassis + " " + down.why()
                + ": rolled forward", now);
        }
        return record.ignore(IgnoredKind.OUT_OF_ORDER, chassis + " " + down.why() + " while "
            + record.phase().yangName());
    }

    private static MigrationRecord abort(final MigrationRecord record, final String reason, final Instant now) {
        return record.aborted(reason).to(MigrationPhase.ABORTED, reason, now)
            .to(MigrationPhase.BOUND, "traffic stays on " + record.source(), now);
    }

    private static boolean sameGeneration(final long cookieGeneration, final long generation) {
        return Objects.equals(cookieGeneration % COOKIE_GENERATION_MODULO, generation % COOKIE_GENERATION_MODULO);
    }
}
