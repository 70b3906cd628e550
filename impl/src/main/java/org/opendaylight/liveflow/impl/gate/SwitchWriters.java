/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.service.component.annotations.Component;

/**
 * Writes OpenFlow messages of liveflow's own on the connections of the switches, through the gate, without the
 * OpenFlowPlugin converting and serializing them on its threads: the activation fast path's flow-mods, already
 * encoded when the activation was armed. Only on a connection on which this member's OpenFlowPlugin is the
 * switch's master: the gate watches the switch's ROLE_REPLY, and forgets the connection when the switch says
 * another role or the connection closes. Elsewhere (no gate, another member master, a switch that connected
 * before the gate was enabled) {@link #write} declines, and the caller takes the plugin's way.
 *
 * <p>A component of its own, apart from {@link SwitchGate}: the gate is made again whenever its settings change,
 * and a control loop that referenced it would be stopped and started again with it.
 */
@Component(service = SwitchWriters.class)
public final class SwitchWriters {
    /**
     * What a switch answered to a write.
     *
     * @param written the messages written, before the barrier
     * @param refused the ones the switch refused with an ERROR (the others it applied)
     */
    public record Receipt(int written, List<Refusal> refused) {
        public Receipt {
            refused = List.copyOf(refused);
        }
    }

    /**
     * A message the switch refused.
     *
     * @param index its place in the write, from 0
     * @param errorType the OpenFlow error type
     * @param errorCode the OpenFlow error code
     */
    public record Refusal(int index, int errorType, int errorCode) {
        private static final int BAD_REQUEST = 1;
        private static final int IS_SLAVE = 10;

        /**
         * Whether the switch refused because the connection is not its master: another controller took the master
         * role (an OpenFlow 1.3 switch does not tell the one it demotes), and the plugin of this member has not
         * said so yet. What was refused so is for the plugin's way.
         */
        public boolean notMaster() {
            return errorType == BAD_REQUEST && errorCode == IS_SLAVE;
        }
    }

    /** A write the gate could not make: nothing of it reached the switch. */
    public static final class NotWritten extends Exception {
        private static final long serialVersionUID = 1L;

        public NotWritten(final String message) {
            super(message);
        }
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Map<Long, SwitchConnection> masters = new ConcurrentHashMap<>();

    /**
     * Writes OpenFlow 1.3 messages (their xids are replaced) on the connections of these switches, by datapath id,
     * each switch's in their order and then a barrier. Each switch's future ends when it answers the barrier, with
     * what it refused, or fails: {@link NotWritten} if nothing was written (the connection closed or stopped being
     * master meanwhile), another exception if the switch did not answer within 10 seconds or the connection closed
     * first. The writes are handed to the gate's network threads one task per thread, not one per switch (at 100
     * switches, a task per switch made the fast path's hand-off 95 ms of wall time, one per thread 52 ms).
     *
     * @return a future for each switch taken; a switch left out has no connection through the gate on which this
     *     member's OpenFlowPlugin is its master
     */
    public Map<Long, ListenableFuture<Receipt>> write(final Map<Long, List<byte[]>> messages) {
        return write(messages, DEFAULT_TIMEOUT);
    }

    /**
     * As {@link #write(Map)}, with the time each switch has to answer: a bundle of thousands of messages, to a switch
     * process that applies the bundles of a hundred bridges one after the other, needs more than a few flow-mods.
     */
    public Map<Long, ListenableFuture<Receipt>> write(final Map<Long, List<byte[]>> messages,
            final Duration timeout) {
        final Map<Long, ListenableFuture<Receipt>> taken = new HashMap<>();
        final Map<EventLoop, List<OneWrite>> byThread = new HashMap<>();
        messages.forEach((datapathId, ofSwitch) -> {
            final SwitchConnection connection = masters.get(datapathId);
            if (connection != null) {
                final OneWrite write = new OneWrite(connection, ofSwitch, SettableFuture.create(), timeout);
                taken.put(datapathId, write.done());
                byThread.computeIfAbsent(connection.eventLoop(), thread -> new ArrayList<>()).add(write);
            }
        });
        byThread.forEach((thread, writes) -> {
            try {
                thread.execute(() -> {
                    writes.forEach(write -> write.connection().writeOwn(write.messages(), write.done(),
                        write.timeout()));
                    writes.forEach(write -> write.connection().flush());
                });
            } catch (RejectedExecutionException e) {
                writes.forEach(write -> write.done().setException(new NotWritten("the gate is closing")));
            }
        });
        return taken;
    }

    /** One switch's part of a write. */
    private record OneWrite(SwitchConnection connection, List<byte[]> messages, SettableFuture<Receipt> done,
            Duration timeout) {
    }

    /** Whether {@link #write} takes this switch now (the shell's {@code chassis-show} says so). */
    public boolean writesTo(final long datapathId) {
        return masters.containsKey(datapathId);
    }

    void master(final long datapathId, final SwitchConnection connection) {
        masters.put(datapathId, connection);
    }

    void notMaster(final long datapathId, final SwitchConnection connection) {
        masters.remove(datapathId, connection);
    }
}
