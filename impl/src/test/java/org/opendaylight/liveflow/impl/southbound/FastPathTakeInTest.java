/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.compiler.SwitchFlows;
import org.opendaylight.liveflow.impl.gate.SwitchWriters;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadTransaction;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yangtools.util.concurrent.FluentFutures;

/**
 * What a pass does with the flow-mods the activation fast path wrote and the switch confirmed: a pass compiled from
 * the placements that switched the migration takes them in and sends nothing of them again; a pass compiled before
 * (it was compiling when the migration switched) leaves them out, and so does not write back the flows they
 * replaced. The switch is c1, the source of a migration from c1 to c2, written through a gate that commits every
 * bundle at once and counts them.
 */
class FastPathTakeInTest {
    private static final String NODE = LabFlows.NODE;
    /** The placements' version before the activation, and the one that switched the migration. */
    private static final long BEFORE = 4;
    private static final long SWITCHED_AT = 5;

    /** A gate to every switch that takes every write and answers it at once, refusing nothing. */
    private static final class CommittingGate implements GateBundleWriter.Gate {
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public boolean writesTo(final long datapathId) {
            return true;
        }

        @Override
        public Map<Long, ListenableFuture<SwitchWriters.Receipt>> write(final Map<Long, List<byte[]>> messages,
                final Duration timeout) {
            writes.incrementAndGet();
            final Map<Long, ListenableFuture<SwitchWriters.Receipt>> answers = new HashMap<>();
            messages.forEach((datapathId, sent) -> answers.put(datapathId,
                Futures.immediateFuture(new SwitchWriters.Receipt(sent.size(), List.of()))));
            return answers;
        }
    }

    private final DataBroker broker = mock(DataBroker.class);
    private final CommittingGate gate = new CommittingGate();
    private final FlowReconciler reconciler = new FlowReconciler(broker, mock(RpcConsumerRegistry.class), gate,
        () -> { });
    private final SwitchFlows prepared = LabFlows.compile("c1", PortMigration.Phase.PREPARED);
    private final SwitchFlows switched = LabFlows.compile("c1", PortMigration.Phase.SWITCHED);

    @BeforeEach
    void knowTheSwitchHoldingThePreparedFlows() {
        // the record is empty (a switch liveflow has not written yet), and every record write commits
        final ReadTransaction read = mock(ReadTransaction.class);
        when(broker.newReadOnlyTransaction()).thenReturn(read);
        doReturn(FluentFutures.immediateFluentFuture(Optional.empty())).when(read)
            .read(eq(LogicalDatastoreType.CONFIGURATION), any());
        final WriteTransaction record = mock(WriteTransaction.class);
        when(broker.newWriteOnlyTransaction()).thenReturn(record);
        doReturn(FluentFutures.immediateFluentFuture(CommitInfo.empty())).when(record).commit();

        final FlowReconciler.Changes first = reconciler.reconcileAll(Map.of(NODE, prepared), BEFORE).changes()
            .get(NODE);
        assertEquals(prepared.flows().size(), first.flowsWritten(), "the first pass writes every prepared flow");
        assertNotEquals(prepared.flows(), switched.flows(), "the activation changes c1's flows");
    }

    @AfterEach
    void close() throws InterruptedException {
        reconciler.close();
    }

    /** Tells the reconciler that the switch confirmed the activation's flow-mods on c1, fired for SWITCHED_AT. */
    private void fastPathConfirmed() {
        switched.flows().forEach((id, spec) -> {
            if (!spec.equals(prepared.flows().get(id))) {
                reconciler.appliedOutsideBundle(NODE, spec, false, SWITCHED_AT);
            }
        });
        prepared.flows().forEach((id, spec) -> {
            if (!switched.flows().containsKey(id)) {
                reconciler.appliedOutsideBundle(NODE, spec, true, SWITCHED_AT);
            }
        });
    }

    @Test
    void aPassCompiledBeforeTheActivationDoesNotWriteBackWhatItReplaced() {
        fastPathConfirmed();
        final int writesBefore = gate.writes.get();

        final FlowReconciler.Changes stale = reconciler.reconcileAll(Map.of(NODE, prepared), BEFORE).changes()
            .get(NODE);

        assertEquals(0, stale.flowsWritten(), "no prepared flow written back over the switched one");
        assertEquals(0, stale.flowsDeleted(), "no flow the activation added deleted");
        assertEquals(writesBefore, gate.writes.get(), "nothing sent to the switch");
    }

    @Test
    void aPassCompiledFromTheActivationTakesTheConfirmedFlowModsIn() {
        fastPathConfirmed();
        // first a pass compiled before it (the confirmations wait), then the activation's own
        reconciler.reconcileAll(Map.of(NODE, prepared), BEFORE);

        // (its bundle carries the groups the activation changed: the fast path writes flows only)
        final FlowReconciler.Changes own = reconciler.reconcileAll(Map.of(NODE, switched), SWITCHED_AT).changes()
            .get(NODE);

        assertEquals(0, own.flowsWritten(), "the switched flows the switch confirmed are not sent again");
        assertEquals(0, own.flowsDeleted(), "the flows the activation deleted are not deleted again");
        assertEquals(switched.flows().keySet(), reconciler.installedFlows(NODE).keySet(),
            "the switch is known to hold the switched flows");
        for (FlowSpec removed : prepared.flows().values()) {
            if (!switched.flows().containsKey(removed.id())) {
                assertFalse(reconciler.installedFlows(NODE).containsKey(removed.id()), removed.id());
            }
        }
    }
}
