/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.AbortRequested;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.Announced;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.BindingMoved;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.BindingTimeout;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.ChassisDown;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.DestinationPlugged;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.DestinationUnplugged;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.Prepared;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.SourceUnplugged;
import org.opendaylight.liveflow.impl.migration.MigrationStateMachine.PortFacts;

/**
 * Every transition of docs/design.md section 5, and the events that must change nothing but a counter.
 */
class MigrationStateMachineTest {
    private static final PortFacts ON_S = new PortFacts("s", "normal");
    private static final PortFacts ON_D = new PortFacts("d", "normal");
    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    private MigrationRecord run(final PortFacts facts, final MigrationEvent... events) {
        MigrationRecord record = MigrationRecord.bound("p", facts.binding());
        for (MigrationEvent event : events) {
            record = MigrationStateMachine.apply(record, event, facts, now);
        }
        return record;
    }

    private static List<String> steps(final MigrationRecord record) {
        return record.transitions().stream().map(step -> step.from().yangName() + "->" + step.to().yangName())
            .toList();
    }

    @Test
    void destinationPlugPreparesTheNextGeneration() {
        final MigrationRecord record = run(ON_S, new DestinationPlugged("p", "d"));
        assertEquals(MigrationPhase.PREPARED, record.phase());
        assertEquals("s", record.source());
        assertEquals("d", record.destination());
        assertEquals(1, record.generation());
        assertEquals("interface plugged on d", record.transitions().get(0).cause());
    }

    @Test
    void announcementFromTheDestinationActivates() {
        final MigrationRecord record = run(ON_S, new DestinationPlugged("p", "d"), new Announced("p", "d", 1, "RARP"));
        assertEquals(MigrationPhase.SWITCHED, record.phase());
        assertEquals(now, record.activatedAt());
        assertEquals("RARP from the port on d", record.transitions().get(1).cause());
    }

    @Test
    void sourceUnplugActivatesToo() {
        assertEquals(MigrationPhase.SWITCHED, run(ON_S, new DestinationPlugged("p", "d"),
            new SourceUnplugged("p", "s")).phase());
    }

    @Test
    void bindingMoveCompletesAndTheTimeoutDoesTheSame() {
        final MigrationRecord moved = run(ON_S, new DestinationPlugged("p", "d"), new Announced("p", "d", 1, "GARP"),
            new BindingMoved("p", "d"));
        assertEquals(List.of("bound->prepared", "prepared->switched", "switched->bound"), steps(moved));
        assertNull(moved.abortReason());
        final MigrationRecord timedOut = run(ON_S, new DestinationPlugged("p", "d"), new Announced("p", "d", 1, "GARP"),
            new BindingTimeout("p", 1));
        // liveflow is about to write the binding: switched until the configuration says so
        assertEquals(MigrationPhase.SWITCHED, timedOut.phase());
        assertEquals(List.of("bound->prepared", "prepared->switched", "switched->switched"), steps(timedOut));
        assertEquals("no binding update in time: liveflow writes binding-chassis := d",
            timedOut.transitions().get(2).cause());
        final MigrationRecord written = MigrationStateMachine.apply(timedOut, new BindingMoved("p", "d"), ON_D, now);
        assertEquals(MigrationPhase.BOUND, written.phase());
        assertEquals("no binding update in time: liveflow moved the binding to d",
            written.transitions().get(3).cause());
        assertTrue(written.completed());
    }

    @Test
    void aTimeoutAfterAFailedBindingWriteChangesNothingAndTheEchoOfAWrittenBindingNothingMore() {
        final MigrationRecord timedOut = run(ON_S, new DestinationPlugged("p", "d"), new Announced("p", "d", 1, "GARP"),
            new BindingTimeout("p", 1));
        assertEquals(timedOut, MigrationStateMachine.apply(timedOut, new BindingTimeout("p", 1), ON_S, now));
        final MigrationRecord bound = MigrationStateMachine.apply(timedOut, new BindingMoved("p", "d"), ON_D, now);
        assertEquals(bound, MigrationStateMachine.apply(bound, new BindingMoved("p", "d"), ON_D, now));
        assertEquals(0, bound.ignoredTotal());
    }

    @Test
    void writtenSwitchedFlowsMeasureConvergenceOncePerGeneration() {
        final MigrationRecord switched = run(ON_S, new DestinationPlugged("p", "d"),
            new Announced("p", "d", 1, "RARP"));
        final MigrationRecord converged = MigrationStateMachine.apply(switched, new MigrationEvent.FlowsWritten("p", 1,
            MigrationEvent.WrittenStage.SWITCHED, now.plusMillis(7)), ON_S, now);
        assertEquals(7000L, converged.convergenceMicros());
        assertEquals(converged, MigrationStateMachine.apply(converged, new MigrationEvent.FlowsWritten("p", 1,
            MigrationEvent.WrittenStage.ENDED, now.plusMillis(90)), ON_S, now));
        assertEquals(switched, MigrationStateMachine.apply(switched, new MigrationEvent.FlowsWritten("p", 0,
            MigrationEvent.WrittenStage.ENDED, now.plusMillis(7)), ON_S, now), "another generation's flows");
        final MigrationRecord prepared = run(ON_S, new DestinationPlugged("p", "d"));
        assertEquals(prepared, MigrationStateMachine.apply(prepared, new MigrationEvent.FlowsWritten("p", 1,
            MigrationEvent.WrittenStage.ENDED, now), ON_S, now), "never activated: nothing to measure");
        assertEquals(0, converged.ignoredTotal());
    }

    @Test
    void theSourceCheckIsRecordedForItsGenerationOnly() {
        final MigrationRecord bound = run(ON_S, new DestinationPlugged("p", "d"), new Announced("p", "d", 1, "RARP"),
            new BindingMoved("p", "d"));
        final MigrationRecord checked = MigrationStateMachine.apply(bound,
            new MigrationEvent.SourceChecked("p", 1, SourceCleanup.VERIFIED), ON_D, now);
        assertEquals(SourceCleanup.VERIFIED, checked.cleanup());
        assertEquals(checked, MigrationStateMachine.apply(checked,
            new MigrationEvent.SourceChecked("p", 1, SourceCleanup.FLOWS_LEFT), ON_D, now), "checked once");
        assertEquals(bound, MigrationStateMachine.apply(bound,
            new MigrationEvent.SourceChecked("p", 2, SourceCleanup.VERIFIED), ON_D, now), "another generation");
    }

    @Test
    void activationSchedulesTheBindingTimeoutAndTheTimeoutWritesTheBinding() {
        final MigrationRecord prepared = run(ON_S, new DestinationPlugged("p", "d"));
        final MigrationStateMachine.Decision activated = MigrationStateMachine.decide(prepared,
            new Announced("p", "d", 1, "RARP"), ON_S, now);
        assertEquals(List.of(new MigrationEffect.ScheduleBindingTimeout("p", 1)), activated.effects());
        final MigrationStateMachine.Decision timedOut = MigrationStateMachine.decide(activated.record(),
            new BindingTimeout("p", 1), ON_S, now);
        assertEquals(List.of(new MigrationEffect.WriteBinding("p", 1, "d")), timedOut.effects());
        final MigrationStateMachine.Decision failed = MigrationStateMachine.decide(timedOut.record(),
            new MigrationEvent.BindingWriteFailed("p", 1, "overloaded"), ON_S, now);
        assertEquals(timedOut.record(), failed.record());
        assertEquals(List.of(new MigrationEffect.ScheduleBindingTimeout("p", 1)), failed.effects(), "tried again");
        assertEquals(List.of(new MigrationEffect.WriteBinding("p", 1, "d")), MigrationStateMachine.decide(
            failed.record(), new BindingTimeout("p", 1), ON_S, now).effects());
        assertEquals(List.of(), MigrationStateMachine.decide(timedOut.record(),
            new MigrationEvent.BindingWriteFailed("p", 0, "late"), ON_S, now).effects(), "another generation's");
    }

    @Test
    void aTimeoutFindingTheBindingAlreadyMovedCompletesWithoutAWrite() {
        final MigrationRecord switched = run(ON_S, new DestinationPlugged("p", "d"),
            new Announced("p", "d", 1, "RARP"));
        final MigrationStateMachine.Decision decision = MigrationStateMachine.decide(switched,
            new BindingTimeout("p", 1), ON_D, now);
        assertEquals(MigrationPhase.BOUND, decision.record().phase());
        assertEquals("binding-chassis moved to d", decision.record().transitions().get(2).cause());
        assertEquals(List.of(), decision.effects());
    }

    @Test
    void theSourceIsCheckedOnceTheEndOfACompletedMigrationIsWritten() {
        final MigrationRecord bound = run(ON_S, new DestinationPlugged("p", "d"), new Announced("p", "d", 1, "RARP"),
            new BindingMoved("p", "d"));
        final MigrationEvent ended = new MigrationEvent.FlowsWritten("p", 1, MigrationEvent.WrittenStage.ENDED, now);
        assertEquals(List.of(new MigrationEffect.CheckSource("p", 1, "s")),
            MigrationStateMachine.decide(bound, ended, ON_D, now).effects());
        final MigrationRecord aborted = run(ON_S, new DestinationPlugged("p", "d"), new AbortRequested("p", 1L, "x"));
        assertEquals(List.of(), MigrationStateMachine.decide(aborted, ended, ON_S, now).effects(),
            "an aborted migration left its source as it was");
        final MigrationRecord checked = MigrationStateMachine.apply(bound,
            new MigrationEvent.SourceChecked("p", 1, SourceCleanup.VERIFIED), ON_D, now);
        assertEquals(List.of(), MigrationStateMachine.decide(checked, ended, ON_D, now).effects(), "checked once");
    }

    @Test
    void abortsReturnToTheSource() {
        for (MigrationEvent abort : List.of(new DestinationUnplugged("p", "d"), new AbortRequested("p", null, "ops"),
                new AbortRequested("p", 1L, "ops"), new ChassisDown("p", "d", "disconnected"),
                new BindingMoved("p", "x"))) {
            final MigrationRecord record = run(ON_S, new DestinationPlugged("p", "d"), abort);
            assertEquals(List.of("bound->prepared", "prepared->aborted", "aborted->bound"), steps(record),
                abort.toString());
            assertEquals("s", record.source());
            assertTrue(record.abortReason() != null, abort.toString());
        }
    }

    @Test
    void aDestinationNotAnsweringLeavesTheMigrationPreparedAndItsRarpStillActivates() {
        final MigrationRecord record = run(ON_S, new DestinationPlugged("p", "d"),
            new ChassisDown("p", "d", ChassisDown.NOT_ANSWERING));
        assertEquals(MigrationPhase.PREPARED, record.phase(), "both copies keep receiving");
        assertEquals(1, record.ignoredTotal());
        assertTrue(record.lastIgnored().contains("destination d not answering while prepared"), record.lastIgnored());
        // the RARP that waited behind the same stall still switches the migration
        final MigrationRecord activated = MigrationStateMachine.apply(record,
            new MigrationEvent.Announced("p", "d", 1, "RARP"), ON_S, now);
        assertEquals(MigrationPhase.SWITCHED, activated.phase());
        // a closed session still aborts
        assertEquals(MigrationPhase.BOUND, MigrationStateMachine.apply(record,
            new ChassisDown("p", "d", ChassisDown.DISCONNECTED), ON_S, now).phase());
    }

    @Test
    void aSourceNotAnsweringLeavesTheMigrationPreparedAndAClosedSessionRollsItForward() {
        final MigrationRecord record = run(ON_S, new DestinationPlugged("p", "d"),
            new ChassisDown("p", "s", ChassisDown.NOT_ANSWERING));
        assertEquals(MigrationPhase.PREPARED, record.phase(), "both copies keep receiving");
        assertTrue(record.lastIgnored().contains("source s not answering while prepared"), record.lastIgnored());
        assertEquals(MigrationPhase.SWITCHED, MigrationStateMachine.apply(record,
            new ChassisDown("p", "s", ChassisDown.DISCONNECTED), ON_S, now).phase());
    }

    @Test
    void sourceDownRollsForward() {
        final MigrationRecord record = run(ON_S, new DestinationPlugged("p", "d"),
            new ChassisDown("p", "s", "disconnected"));
        assertEquals(MigrationPhase.SWITCHED, record.phase());
    }

    @Test
    void unmigratablePortRecordsAnErrorAndItsUnplugClearsIt() {
        final PortFacts sriov = new PortFacts("s", "direct");
        final MigrationRecord error = run(sriov, new DestinationPlugged("p", "d"));
        assertEquals(MigrationPhase.ERROR, error.phase());
        assertTrue(error.abortReason().contains("vnic-type direct"), error.abortReason());
        assertEquals(MigrationPhase.BOUND, MigrationStateMachine.apply(error, new DestinationUnplugged("p", "d"),
            sriov, now).phase());
    }

    @Test
    void plugElsewhereThanAnnouncedIsAnError() {
        final MigrationRecord record = run(ON_S, new Prepared("p", "d"), new DestinationPlugged("p", "x"));
        assertEquals(MigrationPhase.ERROR, record.phase());
        assertEquals(MigrationPhase.PREPARED, run(ON_S, new Prepared("p", "d"), new DestinationPlugged("p", "d"))
            .phase());
    }

    @Test
    void duplicatesAreIgnoredAndCounted() {
        final MigrationRecord record = run(ON_S, new DestinationPlugged("p", "d"), new DestinationPlugged("p", "d"),
            new Announced("p", "d", 1, "RARP"), new Announced("p", "d", 1, "RARP"), new SourceUnplugged("p", "s"));
        assertEquals(MigrationPhase.SWITCHED, record.phase());
        assertEquals(3L, record.ignored().get(IgnoredKind.DUPLICATE));
        assertEquals(List.of("bound->prepared", "prepared->switched"), steps(record));
    }

    @Test
    void staleEventsAreIgnoredAndCounted() {
        final MigrationRecord second = run(ON_S, new DestinationPlugged("p", "d"), new DestinationUnplugged("p", "d"),
            new DestinationPlugged("p", "d"));
        assertEquals(2, second.generation());
        final MigrationRecord after = run(ON_S, new DestinationPlugged("p", "d"), new DestinationUnplugged("p", "d"),
            new DestinationPlugged("p", "d"), new Announced("p", "d", 1, "RARP"), new AbortRequested("p", 1L, "late"),
            new BindingTimeout("p", 1));
        assertEquals(MigrationPhase.PREPARED, after.phase(), "generation 1's events must not touch generation 2");
        assertEquals(3L, after.ignored().get(IgnoredKind.STALE));
    }

    @Test
    void outOfOrderEventsAreIgnoredAndCounted() {
        final MigrationRecord record = run(ON_S, new Announced("p", "d", 0, "RARP"), new AbortRequested("p", null,
            "nothing"), new DestinationPlugged("p", "d"), new Announced("p", "d", 1, "RARP"),
            new AbortRequested("p", null, "too late"), new DestinationUnplugged("p", "d"));
        assertEquals(MigrationPhase.SWITCHED, record.phase());
        assertEquals(4L, record.ignored().get(IgnoredKind.OUT_OF_ORDER));
        assertEquals("interface left d after activation", record.lastIgnored());
    }

    @Test
    void aCompletedMigrationCanBeFollowedByTheNextOne() {
        MigrationRecord record = run(ON_S, new DestinationPlugged("p", "d"), new Announced("p", "d", 1, "RARP"),
            new BindingMoved("p", "d"));
        record = MigrationStateMachine.apply(record, new DestinationPlugged("p", "s"), ON_D, now);
        assertEquals(MigrationPhase.PREPARED, record.phase());
        assertEquals("d", record.source());
        assertEquals("s", record.destination());
        assertEquals(2, record.generation());
    }
}
