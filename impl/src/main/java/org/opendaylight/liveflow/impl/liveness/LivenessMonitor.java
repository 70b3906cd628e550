/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.liveness;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.southbound.OpenflowNetworkThreads;
import org.opendaylight.liveflow.impl.topology.Subscribers;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchInventoryService;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.echo.service.rev150305.SendEcho;
import org.opendaylight.yang.gen.v1.urn.opendaylight.echo.service.rev150305.SendEchoInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.echo.service.rev150305.SendEchoOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.NodeKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisStatusChangedBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every connected switch with an OpenFlow echo request each probe-interval, decides every chassis'
 * liveness ({@link LivenessJudge}) and publishes it: to subscribers (the migration engine), to the operational
 * chassis-status and port-status, and as a chassis-status-changed notification per change.
 *
 * <p>Probes are asynchronous and independent: a switch that does not answer holds one outstanding request (a new
 * one after dead-after), never a thread, so it delays no other switch's probe. The OpenFlowPlugin's own echo
 * only starts after its switch-idle-timeout and takes about 18 s to give up on a hung switch; this decides in
 * dead-after.
 */
public final class LivenessMonitor implements ChassisLiveness, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LivenessMonitor.class);
    private static final long MIN_TICK_MILLIS = 25;
    private static final long MAX_TICK_MILLIS = 250;
    /** Switches asked at once for a witness reply: more than one, as a witness may be slow itself. */
    private static final int WITNESSES = 3;

    private final ConfigIndex config;
    private final SwitchInventoryService inventory;
    private final RpcConsumerRegistry rpcs;
    private final NotificationPublishService publisher;
    private final ChassisStatusWriter chassisStatus;
    private final PortStatusWriter portStatus;
    /**
     * The network threads that serve the switches' OpenFlow connections, from the plugin's settings (16 in this
     * distribution; netty's default of twice the cores was assumed before, and at 20 chassis on 16 threads the
     * two switches of one busy thread were then judged dead).
     */
    private final OpenflowNetworkThreads networkThreads;
    private final Subscribers<LivenessSnapshot> subscribers = new Subscribers<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "liveflow-liveness"));
    /** The latest reply of each node (when it came, and when its request was sent), written by the RPC callbacks. */
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    /** The probe each node has outstanding, by the time it was sent; the callbacks remove theirs. */
    private final Map<String, Instant> outstanding = new ConcurrentHashMap<>();
    /** When each node's first request still unanswered was sent; a reply removes it. */
    private final Map<String, Instant> unanswered = new ConcurrentHashMap<>();
    private final AutoCloseable configSubscription;
    private final AutoCloseable inventorySubscription;

    // only on the scheduler's thread
    private final Map<String, SwitchProbe> probes = new HashMap<>();
    private final Map<String, Instant> lastSent = new HashMap<>();
    private final Set<String> connectedNodes = new HashSet<>();
    private final Map<String, Instant> lastSeenWritten = new HashMap<>();
    private Instant lastSeenRound = Instant.EPOCH;
    private ConfigSnapshot portStatusOf;
    private volatile LivenessSnapshot current = LivenessSnapshot.empty();

    /** A reply to an echo request: when it came, and when the request was sent. */
    private record Reply(Instant received, Instant sent) {
    }

    public LivenessMonitor(final ConfigIndex config, final SwitchInventoryService inventory,
            final DataBroker broker, final RpcConsumerRegistry rpcs,
            final NotificationPublishService publisher) {
        this.config = config;
        this.inventory = inventory;
        this.rpcs = rpcs;
        this.publisher = publisher;
        chassisStatus = new ChassisStatusWriter(broker);
        portStatus = new PortStatusWriter(broker);
        networkThreads = new OpenflowNetworkThreads(broker);
        // a connect, a disconnect or a configuration change is judged at once, not at the next tick
        configSubscription = config.subscribe(snapshot -> scheduler.execute(this::judge));
        inventorySubscription = inventory.subscribe(snapshot -> scheduler.execute(this::judge));
        scheduler.execute(this::tick);
    }

    @Override
    public void close() throws Exception {
        configSubscription.close();
        inventorySubscription.close();
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        networkThreads.close();
    }

    @Override
    public LivenessSnapshot current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(final Consumer<LivenessSnapshot> subscriber) {
        return subscribers.add(subscriber, current);
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void tick() {
        try {
            probe();
            judge();
        } catch (RuntimeException e) {
            LOG.warn("Liveness round failed; the next one retries", e);
        } finally {
            final long tick = Math.max(MIN_TICK_MILLIS, Math.min(MAX_TICK_MILLIS,
                config.current().probeInterval().toMillis() / 4));
            if (!scheduler.isShutdown()) {
                scheduler.schedule(this::tick, tick, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Sends an echo request to every connected switch whose last one went out a probe-interval ago and has been
     * answered, or has gone unanswered for dead-after; and witnesses for a switch that has gone silent.
     */
    private void probe() {
        final ConfigSnapshot snapshot = config.current();
        final Instant now = Instant.now();
        final List<String> idle = new ArrayList<>();
        for (SwitchView view : inventory.current().switches().values()) {
            final String nodeId = view.nodeId();
            if (!view.connected() || !connectedNodes.contains(nodeId)) {
                continue;
            }
            final Instant sent = lastSent.get(nodeId);
            final Instant pending = outstanding.get(nodeId);
            if ((sent == null || !sent.plus(snapshot.probeInterval()).isAfter(now))
                    && (pending == null || !pending.plus(snapshot.deadAfter()).isAfter(now))) {
                send(nodeId, now);
            } else if (pending == null) {
                idle.add(nodeId);
            }
        }
        if (LivenessJudge.awaitsWitness(probes, connectedNodes, snapshot.probeInterval(),
                snapshot.deadAfter(), now)) {
            // the judge needs another switch's answer to a request sent after the silent one's deadline: ask a few
            // answering switches now rather than at their next probe, up to a probe-interval later (a healthy
            // controller hears them in milliseconds; a stalled one does not, and then nobody is declared dead)
            idle.stream().sorted(Comparator.comparing(lastSent::get)).limit(WITNESSES)
                .forEach(nodeId -> send(nodeId, now));
        }
    }

    private void send(final String nodeId, final Instant now) {
        lastSent.put(nodeId, now);
        outstanding.put(nodeId, now);
        unanswered.putIfAbsent(nodeId, now);
        final NodeRef node = new NodeRef(InstanceIdentifier.create(Nodes.class).child(Node.class,
            new NodeKey(new NodeId(nodeId))));
        final byte[] payload = ByteBuffer.allocate(Long.BYTES).putLong(now.toEpochMilli()).array();
        Futures.addCallback(rpcs.getRpc(SendEcho.class).invoke(new SendEchoInputBuilder().setNode(node)
            .setData(payload).build()), new FutureCallback<RpcResult<SendEchoOutput>>() {
                @Override
                public void onSuccess(final RpcResult<SendEchoOutput> result) {
                    outstanding.remove(nodeId, now);
                    if (result.isSuccessful()) {
                        unanswered.remove(nodeId);
                        replies.merge(nodeId, new Reply(Instant.now(), now), (a, b) -> a.sent().isAfter(b.sent()) ? a
                            : b);
                    } else {
                        LOG.debug("echo to {} refused: {}", nodeId, result.getErrors());
                    }
                }

                @Override
                public void onFailure(final Throwable cause) {
                    outstanding.remove(nodeId, now);
                    LOG.debug("echo to {} failed", nodeId, cause);
                }
            }, MoreExecutors.directExecutor());
    }

    /**
     * Takes in connections and replies, judges every chassis and publishes what changed.
     */
    private void judge() {
        if (!config.loaded()) {
            return;
        }
        final ConfigSnapshot snapshot = config.current();
        final SwitchInventory switches = inventory.current();
        final Instant now = Instant.now();
        trackConnections(switches, now);
        probes.replaceAll((nodeId, probe) -> {
            final Reply reply = replies.get(nodeId);
            final boolean newer = reply != null
                && (probe.lastReply() == null || reply.received().isAfter(probe.lastReply()));
            return new SwitchProbe(probe.connectedAt(), newer ? reply.received() : probe.lastReply(),
                newer ? reply.sent() : probe.answeredSent(), unanswered.get(nodeId));
        });
        final LivenessSnapshot before = current;
        final Set<String> alreadySilent = before.chassis().values().stream()
            .filter(health -> health.reason() == ChassisReason.NotAnswering && health.nodeId() != null)
            .map(ChassisHealth::nodeId).collect(Collectors.toSet());
        final Map<String, ChassisHealth> judged = LivenessJudge.judge(snapshot, switches, probes, alreadySilent,
            networkThreads.count(), now);
        final List<ChassisHealth> changed = new ArrayList<>();
        boolean reasonsChanged = false;
        for (ChassisHealth health : judged.values()) {
            final ChassisHealth was = before.chassis().get(health.chassis());
            final boolean reasonChanged = was == null || was.reason() != health.reason();
            if (reasonChanged || !Objects.equals(was.nodeId(), health.nodeId())
                    || !Objects.equals(was.connectedSince(), health.connectedSince())) {
                changed.add(health);
                lastSeenWritten.put(health.chassis(), health.lastSeen());
            }
            if (reasonChanged) {
                reasonsChanged = true;
                announce(health, was);
            }
        }
        final List<String> removed = before.chassis().keySet().stream().filter(name -> !judged.containsKey(name))
            .toList();
        removed.forEach(lastSeenWritten::remove);
        final LivenessSnapshot next = new LivenessSnapshot(judged);
        current = next;
        if (!changed.isEmpty() || !removed.isEmpty()) {
            chassisStatus.changed(changed, removed, now);
        }
        writeLastSeen(snapshot, judged, now);
        if (reasonsChanged || !removed.isEmpty() || snapshot != portStatusOf) {
            updatePortStatus(snapshot, next, reasonsChanged || !removed.isEmpty());
        }
        if (reasonsChanged || !removed.isEmpty()) {
            subscribers.publish(next);
        }
    }

    /**
     * Writes the ports' status: all of them when the verdicts changed or what changed in the configuration is not
     * known, else only the ports the configuration changed (and the sub-ports of those that are trunk parents).
     */
    private void updatePortStatus(final ConfigSnapshot snapshot, final LivenessSnapshot verdicts,
            final boolean verdictsChanged) {
        final Optional<ConfigChange> change = verdictsChanged || portStatusOf == null ? Optional.empty()
            : config.changeBetween(portStatusOf, snapshot);
        portStatusOf = snapshot;
        if (change.isEmpty() || change.orElseThrow().touches(ConfigKind.TRUNK)) {
            portStatus.update(PortStatus.of(snapshot, verdicts));
            return;
        }
        final Set<String> ports = new HashSet<>(change.orElseThrow().ids(ConfigKind.PORT));
        for (String port : Set.copyOf(ports)) {
            snapshot.trunkOfParent(port).ifPresent(trunk -> trunk.nonnullSubPort().values()
                .forEach(sub -> ports.add(ConfigSnapshot.idOf(sub.getPort()))));
        }
        portStatus.update(PortStatus.of(snapshot, verdicts, ports), ports);
    }

    private void trackConnections(final SwitchInventory switches, final Instant now) {
        for (SwitchView view : switches.switches().values()) {
            final String nodeId = view.nodeId();
            if (view.connected() && connectedNodes.add(nodeId)) {
                // a new session: what was outstanding on the old one will never be answered on this one
                final SwitchProbe before = probes.get(nodeId);
                probes.put(nodeId, before == null ? new SwitchProbe(now, null, null, null)
                    : new SwitchProbe(now, before.lastReply(), before.answeredSent(), null));
                outstanding.remove(nodeId);
                unanswered.remove(nodeId);
                lastSent.remove(nodeId);
            } else if (!view.connected()) {
                connectedNodes.remove(nodeId);
            }
        }
        connectedNodes.removeIf(nodeId -> !switches.switches().containsKey(nodeId));
    }

    /**
     * Writes last-seen once per probe interval, of the chassis whose switch answered since the last write.
     */
    private void writeLastSeen(final ConfigSnapshot snapshot, final Map<String, ChassisHealth> judged,
            final Instant now) {
        if (lastSeenRound.plus(snapshot.probeInterval()).isAfter(now)) {
            return;
        }
        lastSeenRound = now;
        final Map<String, Instant> seen = new HashMap<>();
        for (ChassisHealth health : judged.values()) {
            if (health.lastSeen() != null && !health.lastSeen().equals(lastSeenWritten.get(health.chassis()))) {
                seen.put(health.chassis(), health.lastSeen());
                lastSeenWritten.put(health.chassis(), health.lastSeen());
            }
        }
        if (!seen.isEmpty()) {
            chassisStatus.lastSeen(seen);
        }
    }

    private void announce(final ChassisHealth health, final ChassisHealth was) {
        final Duration silent = health.lastSeen() == null ? null : Duration.between(health.lastSeen(), Instant.now());
        LOG.info("chassis {}: {}{}", health.chassis(), health.reason().getName(),
            silent == null || health.alive() ? "" : " (last heard " + silent.toMillis() + " ms ago)");
        final var notification = new ChassisStatusChangedBuilder().setName(new ResourceId(health.chassis()))
            .setAlive(health.alive()).setReason(health.reason()).setPreviousReason(was == null ? null : was.reason())
            .build();
        if (publisher.offerNotification(notification) == NotificationPublishService.REJECTED) {
            LOG.warn("chassis-status-changed notification of {} rejected (queue full)", health.chassis());
        }
    }
}
