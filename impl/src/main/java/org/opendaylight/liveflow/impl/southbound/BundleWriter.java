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
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatistics;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.AddBundleMessages;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.AddBundleMessagesInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.ControlBundle;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.ControlBundleInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.add.bundle.messages.input.MessagesBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.add.bundle.messages.input.messages.Message;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.rev170124.BundleControlType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.rev170124.BundleFlags;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.rev170124.BundleId;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Changes one switch atomically with an OpenFlow bundle (the ONF extension Open vSwitch implements on OpenFlow
 * 1.3, through the OpenFlowPlugin's bundle service): open, add the messages in order, commit. The switch applies
 * all of them or none, so a packet never sees half a change and a refused change leaves the switch as it was.
 *
 * <p>The commit goes out only once the switch has accepted every message: a message the switch refused while it
 * was being added would otherwise be missing from a commit that succeeds. On any failure the bundle is discarded
 * and the returned future fails with what went wrong.
 *
 * <p>Why a receipt: the OpenFlowPlugin 0.17.3 cannot read the switch's answers to bundle messages (the bundle
 * replies, and the ONF experimenter error a switch sends when it refuses a commit, are logged as "Message
 * deserialization failed"), so it completes a commit when the barrier after it returns, whether the switch applied
 * the bundle or refused it. Every bundle therefore ends with a receipt flow: the same match and priority in a table
 * no packet ever reaches, with a cookie that names this bundle, replacing the previous receipt. After the commit
 * the switch is asked (a flow statistics request filtered by that cookie) whether it holds the receipt; since a
 * bundle is applied whole or not at all, it holds the receipt exactly when it applied everything before it.
 *
 * <p>Why a thread of its own for the messages, and a window ({@link BundleWindow}): the plugin converts each
 * bundle message on the thread that hands it over, and before, that was the netty thread which completed the open,
 * one of the four that also read and answer every switch's echoes; and it queues whatever it is handed. So the
 * messages are handed over on {@code adds}, and at most {@link #MESSAGES_IN_FLIGHT} are in bundles not yet ended.
 *
 * <p>Where the switch gate writes to a switch, the bundle goes that way instead ({@link GateBundleWriter}).
 */
final class BundleWriter {
    /** Messages a single add RPC carries; each still goes to the switch as its own bundle-add message. */
    static final int MESSAGES_PER_CALL = 2_000;
    /**
     * Bundle messages handed to the plugin whose bundles have not ended, at most: the lab benchmark's whole overlay
     * (20 bundles of 2,500) goes out at once, thirteen switches of a hundred-chassis overlay's 5,000 each.
     */
    static final int MESSAGES_IN_FLIGHT = 64_000;
    private static final BundleFlags ATOMIC_ORDERED = new BundleFlags(true, true);

    private final RpcConsumerRegistry rpcs;
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private final Executor adds;
    private final BundleWindow window;
    /** Bundle ids are per connection; a random start keeps a restarted controller off ids a switch may hold. */
    private final AtomicLong nextId = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 30));

    /**
     * A writer handing bundle messages over on {@code adds}, within the window's bound of messages in bundles not
     * ended.
     */
    BundleWriter(final RpcConsumerRegistry rpcs, final ScheduledExecutorService timer, final Executor adds,
            final Duration timeout, final BundleWindow window) {
        this.rpcs = rpcs;
        this.timer = timer;
        this.adds = adds;
        this.timeout = timeout;
        this.window = window;
    }

    /**
     * Sends the messages to the switch in one bundle, with a receipt after them. The future succeeds once the switch
     * holds the receipt, so it has applied the bundle. Waits first for room in the window ({@link
     * BundleWindow#enter}).
     */
    ListenableFuture<Void> write(final String nodeId, final List<Message> messages) {
        final NodeRef node = new NodeRef(FlowReconciler.nodePath(nodeId).firstIdentifierOf(Node.class));
        final long number = nextId.getAndIncrement() & 0xFFFF_FFFFL;
        final BundleId id = new BundleId(Uint32.valueOf(number));
        final List<Message> withReceipt = new ArrayList<>(messages);
        withReceipt.add(BundleMessages.addFlow(node, BundleReceipt.flow(number)));
        final SettableFuture<Void> done = SettableFuture.create();
        done.addListener(window.enter(nodeId, withReceipt.size()), MoreExecutors.directExecutor());
        final ListenableFuture<Void> written = Futures.transformAsync(control(node, id, BundleControlType
            .ONFBCTOPENREQUEST, "open"), opened -> add(node, id, withReceipt), adds);
        Futures.addCallback(written, new FutureCallback<Void>() {
            @Override
            public void onSuccess(final Void result) {
                done.setFuture(Futures.transformAsync(control(node, id, BundleControlType.ONFBCTCOMMITREQUEST,
                    "commit"), committed -> receiptHeld(node, number), MoreExecutors.directExecutor()));
            }

            @Override
            public void onFailure(final Throwable cause) {
                // the switch drops an uncommitted bundle when the connection closes; while it is up, say so now
                control(node, id, BundleControlType.ONFBCTDISCARDREQUEST, "discard");
                done.setException(cause);
            }
        }, MoreExecutors.directExecutor());
        return done;
    }

    private ListenableFuture<Void> control(final NodeRef node, final BundleId id, final BundleControlType type,
            final String what) {
        return checked(rpcs.getRpc(ControlBundle.class).invoke(new ControlBundleInputBuilder().setNode(node)
            .setBundleId(id).setType(type).setFlags(ATOMIC_ORDERED).build()), what + " of bundle " + id.getValue());
    }

    private ListenableFuture<Void> add(final NodeRef node, final BundleId id, final List<Message> messages) {
        final AddBundleMessages add = rpcs.getRpc(AddBundleMessages.class);
        final List<ListenableFuture<Void>> calls = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += MESSAGES_PER_CALL) {
            final List<Message> part = messages.subList(from, Math.min(messages.size(), from + MESSAGES_PER_CALL));
            calls.add(checked(add.invoke(new AddBundleMessagesInputBuilder().setNode(node).setBundleId(id)
                .setFlags(ATOMIC_ORDERED).setMessages(new MessagesBuilder().setMessage(part).build()).build()),
                "adding messages " + from + "-" + (from + part.size() - 1) + " to bundle " + id.getValue()));
        }
        return Futures.transform(Futures.allAsList(calls), all -> null, MoreExecutors.directExecutor());
    }

    private ListenableFuture<Void> receiptHeld(final NodeRef node, final long number) {
        final ListenableFuture<RpcResult<GetFlowStatisticsOutput>> request = rpcs.getRpc(GetFlowStatistics.class)
            .invoke(BundleReceipt.request(node, number));
        return Futures.transform(Futures.withTimeout(request, timeout.toMillis(), TimeUnit.MILLISECONDS, timer),
            result -> {
                if (!result.isSuccessful()) {
                    throw new IllegalStateException("asking for the receipt of bundle " + number + " refused: "
                        + result.getErrors());
                }
                if (!BundleReceipt.isIn(result.getResult(), number)) {
                    throw new IllegalStateException("the switch refused bundle " + number + " (it holds no receipt)");
                }
                return null;
            }, MoreExecutors.directExecutor());
    }

    private <T> ListenableFuture<Void> checked(final ListenableFuture<RpcResult<T>> call, final String what) {
        return Futures.transform(Futures.withTimeout(call, timeout.toMillis(), TimeUnit.MILLISECONDS, timer),
            result -> {
                if (!result.isSuccessful()) {
                    throw new IllegalStateException(what + " refused: " + result.getErrors());
                }
                return null;
            }, MoreExecutors.directExecutor());
    }
}
