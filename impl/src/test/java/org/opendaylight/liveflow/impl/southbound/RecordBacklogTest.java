/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.common.util.concurrent.FluentFuture;
import com.google.common.util.concurrent.SettableFuture;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadTransaction;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yangtools.util.concurrent.FluentFutures;

/**
 * The record's backlog, as the shell shows it: a change the switches committed counts until the transaction that
 * carries it is committed, and no longer after.
 */
class RecordBacklogTest {
    private static final String NODE = "openflow:1";

    private final DataBroker broker = mock(DataBroker.class);
    private final WriteTransaction record = mock(WriteTransaction.class);
    private final SettableFuture<CommitInfo> committed = SettableFuture.create();
    private final FlowReconciler reconciler = new FlowReconciler(broker, mock(RpcConsumerRegistry.class),
        NoGate.INSTANCE, () -> { });

    @AfterEach
    void close() throws InterruptedException {
        committed.set(CommitInfo.empty());
        reconciler.close();
    }

    @Test
    void aCommittedChangeCountsUntilItsTransactionIsCommitted() throws InterruptedException {
        final ReadTransaction read = mock(ReadTransaction.class);
        when(broker.newReadOnlyTransaction()).thenReturn(read);
        doReturn(FluentFutures.immediateFluentFuture(Optional.empty())).when(read)
            .read(eq(LogicalDatastoreType.CONFIGURATION), any());
        when(broker.newWriteOnlyTransaction()).thenReturn(record);
        doReturn(FluentFuture.from(committed)).when(record).commit();
        // the switch is known (its record read: empty), and confirms one flow-mod of the fast path's
        assertEquals(0, reconciler.installedFlowCount(NODE));
        final FlowSpec flow = LabFlows.compile("c1", null).flows().values().iterator().next();
        reconciler.appliedOutsideBundle(NODE, flow, false, 1);
        assertEquals(0, reconciler.unrecordedChanges(), "counted before a pass took it in");

        reconciler.reconcileAll(Map.of(), 1);

        verify(record, timeout(5_000)).commit();
        assertEquals(1, reconciler.unrecordedChanges(), "the flow's put, its transaction not committed yet");
        committed.set(CommitInfo.empty());
        // closing waits for the record writer to finish what it was given
        reconciler.close();
        assertEquals(0, reconciler.unrecordedChanges(), "still counted once its transaction committed");
        assertTrue(reconciler.installedFlows(NODE).containsKey(flow.id()), "the switch holds the flow now");
    }
}
