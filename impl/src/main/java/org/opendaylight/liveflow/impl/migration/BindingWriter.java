/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.liveflow.impl.admission.WriteGate;
import org.opendaylight.liveflow.impl.datastore.StateWrites;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.Ports;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.PortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.PortKey;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a port's binding-chassis in the configuration, as Nova would have, after the binding timeout. The write
 * takes its turn in the {@link WriteGate} like a RESTCONF write (the commit cohort validates it like any other),
 * on a thread of its own so that the engine never waits for it; the engine learns from the returned future whether
 * the binding is stored, and only then reports the migration bound.
 */
final class BindingWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BindingWriter.class);
    /** Longer than a client's wait: this write has no client to retry it. */
    private static final Duration TURN_WAIT = Duration.ofSeconds(60);
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(60);

    private final StateWrites writes;
    private final WriteGate gate;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
        runnable -> new Thread(runnable, "liveflow-binding-writer"));

    BindingWriter(final DataBroker broker, final WriteGate gate) {
        writes = new StateWrites(broker);
        this.gate = gate;
    }

    /**
     * Writes the port's binding-chassis; the future completes once the write is committed, or with why it is not.
     */
    CompletableFuture<Void> moveBinding(final String port, final String chassis) {
        final CompletableFuture<Void> stored = new CompletableFuture<>();
        writer.execute(() -> write(port, chassis, stored));
        return stored;
    }

    private void write(final String port, final String chassis, final CompletableFuture<Void> stored) {
        try {
            final WriteGate.Entry entry = gate.enter(TURN_WAIT);
            if (entry instanceof WriteGate.Refused refused) {
                LOG.error("port {}: could not move binding-chassis to {}: {}", port, chassis, refused.reason());
                stored.completeExceptionally(new IllegalStateException(refused.reason()));
                return;
            }
            try (WriteGate.Turn turn = (WriteGate.Turn) entry) {
                writes.configuration("the binding of port " + port, tx -> tx.merge(InstanceIdentifier.create(
                    Overlay.class).child(Ports.class).child(Port.class, new PortKey(new ResourceId(port))),
                    new PortBuilder().setId(new ResourceId(port)).setBindingChassis(new ResourceId(chassis)).build()))
                    .get(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            LOG.info("port {}: binding-chassis moved to {} after the binding timeout", port, chassis);
            stored.complete(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stored.completeExceptionally(e);
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("port {}: could not move binding-chassis to {}", port, chassis, e);
            stored.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
