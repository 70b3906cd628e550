/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.opendaylight.yangtools.concepts.AbstractRegistration;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who takes the packet-ins switches send through the switch gate, and the hand-over to them. A component of its own,
 * apart from the gate: the gate is made again whenever its settings change, and what takes packet-ins (the
 * migration engine of a running control loop) must neither stop with it nor register again.
 */
@Component(service = PacketInTaps.class)
public final class PacketInTaps {
    private static final Logger LOG = LoggerFactory.getLogger(PacketInTaps.class);

    /** A consumer of packet-ins and the cookies it takes. */
    private record Tap(LongPredicate cookies, Consumer<GatePacketIn> consumer) {
    }

    private final List<Tap> taps = new CopyOnWriteArrayList<>();

    /**
     * Hands {@code consumer} every OpenFlow 1.3 PACKET_IN that a switch sends through the gate from now on, whose
     * cookie {@code cookies} accepts, as it passes: on the gate's network thread, before the OpenFlowPlugin (which
     * still receives it) has read it. The consumer must only queue it. Closing the registration stops it.
     */
    public Registration tap(final LongPredicate cookies, final Consumer<GatePacketIn> consumer) {
        final Tap tap = new Tap(cookies, consumer);
        taps.add(tap);
        return new AbstractRegistration() {
            @Override
            protected void removeRegistration() {
                taps.remove(tap);
            }
        };
    }

    /** Whether any consumer takes packet-ins: connections copy them out of their stream only then. */
    boolean any() {
        return !taps.isEmpty();
    }

    /**
     * Hands one whole PACKET_IN that the switch of {@code datapathId} sent to the consumers whose cookies it has.
     */
    // a consumer's failure must not break the relay of the switch's connection, on whose thread this runs
    @SuppressWarnings("checkstyle:IllegalCatch")
    void offer(final long datapathId, final ByteBuf message) {
        final Optional<Long> cookie = GatePacketIn.cookieOf(message);
        if (cookie.isEmpty()) {
            return;
        }
        GatePacketIn parsed = null;
        for (Tap tap : taps) {
            if (!tap.cookies().test(cookie.orElseThrow())) {
                continue;
            }
            if (parsed == null) {
                final Optional<GatePacketIn> read = GatePacketIn.parse(datapathId, message);
                if (read.isEmpty()) {
                    LOG.debug("Switch gate: a packet-in of datapath id {} with cookie {} names no in_port",
                        Long.toUnsignedString(datapathId), Long.toHexString(cookie.orElseThrow()));
                    return;
                }
                parsed = read.orElseThrow();
            }
            try {
                tap.consumer().accept(parsed);
            } catch (RuntimeException e) {
                LOG.warn("Switch gate: a packet-in consumer failed", e);
            }
        }
    }
}
