/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.impl.gate.BundleFraming;
import org.opendaylight.liveflow.impl.gate.SwitchWriters;

/**
 * Changes one switch atomically with an OpenFlow bundle written on the switch's own connection, through the switch
 * gate, already encoded ({@link FlowModEncoder}, {@link GroupModEncoder}): the OpenFlowPlugin neither converts nor
 * serializes its messages, which was half the controller's CPU of a large change through its bundle service
 * (benchmark/results/programming-benchmark.md).
 *
 * <p>Two writes, each ended by a barrier whose reply says which messages the switch refused: first the open and
 * every message (with a receipt flow last, as on the plugin's way, {@link BundleReceipt}), then, only if the switch
 * refused none, the commit. A message refused while it was being added would otherwise be missing from a commit
 * that succeeds. The switch applies a committed bundle whole or refuses the commit (an error with the commit's xid)
 * and keeps what it had; unlike the plugin, the gate reads those answers, so no statistics request is needed.
 *
 * <p>A bundle nothing of which reached the switch (the gate stopped writing to it meanwhile: a connection that
 * closed, another member that became master) goes the plugin's way instead, on {@code pluginWay}'s executor.
 */
final class GateBundleWriter {
    /** The switch gate, as the writer uses it ({@link SwitchWriters}). */
    interface Gate {
        boolean writesTo(long datapathId);

        Map<Long, ListenableFuture<SwitchWriters.Receipt>> write(Map<Long, List<byte[]>> messages, Duration timeout);
    }

    private final Gate gate;
    private final BundleWindow window;
    private final Duration timeout;
    private final Executor fallback;
    /** Bundle ids are per connection; a random start keeps a restarted controller off ids a switch may hold. */
    private final AtomicLong nextId = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 30));

    /**
     * A writer whose switches get {@code timeout} to answer each of its two writes, and whose bundles the gate could
     * not write go the plugin's way on {@code fallback}.
     */
    GateBundleWriter(final Gate gate, final BundleWindow window, final Duration timeout, final Executor fallback) {
        this.gate = gate;
        this.window = window;
        this.timeout = timeout;
        this.fallback = fallback;
    }

    /** Whether the gate writes to this switch now. */
    boolean writesTo(final @Nullable Long datapathId) {
        return datapathId != null && gate.writesTo(datapathId);
    }

    /**
     * Sends the messages to the switch in one bundle. The future succeeds once the switch committed it, and fails if
     * it refused a message or the commit, or did not answer in time; if nothing reached the switch, it is the
     * future of {@code pluginWay}, called then.
     */
    ListenableFuture<Void> write(final String nodeId, final long datapathId, final List<byte[]> messages,
            final Supplier<ListenableFuture<Void>> pluginWay) {
        final long id = nextId.getAndIncrement() & 0xFFFF_FFFFL;
        final List<byte[]> added = new ArrayList<>(messages.size() + 2);
        added.add(BundleFraming.open(id));
        messages.forEach(message -> added.add(BundleFraming.add(id, message)));
        added.add(BundleFraming.add(id, FlowModEncoder.addMatchAll(BundleReceipt.TABLE, BundleReceipt.cookie(id))));
        final Runnable leave = window.enter(nodeId, added.size());
        final SettableFuture<Void> done = SettableFuture.create();
        done.addListener(leave, MoreExecutors.directExecutor());
        Futures.addCallback(writeTo(datapathId, added), new FutureCallback<SwitchWriters.Receipt>() {
            @Override
            public void onSuccess(final SwitchWriters.Receipt receipt) {
                if (receipt.refused().isEmpty()) {
                    done.setFuture(commit(datapathId, id));
                } else {
                    writeTo(datapathId, List.of(BundleFraming.discard(id)));
                    done.setException(new IllegalStateException("the switch refused " + refusal(receipt, id)));
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                if (cause instanceof SwitchWriters.NotWritten) {
                    // nothing reached the switch: the plugin's way, on a thread that may wait for the window
                    leave.run();
                    try {
                        fallback.execute(() -> done.setFuture(pluginWay.get()));
                    } catch (RejectedExecutionException e) {
                        // the reconciler is closing
                        done.setException(cause);
                    }
                } else {
                    writeTo(datapathId, List.of(BundleFraming.discard(id)));
                    done.setException(cause);
                }
            }
        }, MoreExecutors.directExecutor());
        return done;
    }

    private ListenableFuture<Void> commit(final long datapathId, final long id) {
        return Futures.transform(writeTo(datapathId, List.of(BundleFraming.commit(id))), receipt -> {
            if (!receipt.refused().isEmpty()) {
                throw new IllegalStateException("the switch refused the commit of bundle " + id + " (OpenFlow error "
                    + receipt.refused().get(0).errorType() + "/" + receipt.refused().get(0).errorCode() + ")");
            }
            return null;
        }, MoreExecutors.directExecutor());
    }

    private ListenableFuture<SwitchWriters.Receipt> writeTo(final long datapathId, final List<byte[]> messages) {
        final ListenableFuture<SwitchWriters.Receipt> written = gate.write(Map.of(datapathId, messages), timeout)
            .get(datapathId);
        return written != null ? written : Futures.immediateFailedFuture(new SwitchWriters.NotWritten(
            "the gate no longer writes to the switch"));
    }

    private static String refusal(final SwitchWriters.Receipt receipt, final long id) {
        final SwitchWriters.Refusal first = receipt.refused().get(0);
        final String which = first.index() == 0 ? "the open" : "message " + first.index();
        return which + " of bundle " + id + " (OpenFlow error " + first.errorType() + "/" + first.errorCode() + ")"
            + (receipt.refused().size() > 1 ? " and " + (receipt.refused().size() - 1) + " more" : "");
    }
}
