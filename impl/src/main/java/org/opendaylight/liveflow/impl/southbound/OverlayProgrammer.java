/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.southbound;

import com.google.common.util.concurrent.ListenableFuture;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.compiler.ActivationPlanner;
import org.opendaylight.liveflow.impl.compiler.ChassisCompiles;
import org.opendaylight.liveflow.impl.compiler.FlowDelta;
import org.opendaylight.liveflow.impl.compiler.OverlayCompiler;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.compiler.SwitchFlows;
import org.opendaylight.liveflow.impl.gate.SwitchWriters;
import org.opendaylight.liveflow.impl.migration.MigrationEvent.FlowsWritten;
import org.opendaylight.liveflow.impl.migration.MigrationView;
import org.opendaylight.liveflow.impl.migration.Placements;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchInventoryService;
import org.opendaylight.liveflow.impl.topology.SwitchView;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the data plane: whenever the configuration or the switch inventory changes, it compiles the desired
 * flows of every connected chassis and hands them to the {@link FlowReconciler}. Bursts of changes coalesce
 * into one pass on a single thread, so passes never overlap.
 *
 * <p>After the controller starts, it waits until the configuration is loaded and the {@link StartupHold} lets
 * it go (every configured chassis' switch has reconnected and reported its ports, or a grace period has passed
 * since the first did) before it changes any switch.
 */
public final class OverlayProgrammer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OverlayProgrammer.class);
    private static final long SLOW_PASS_NANOS = 100_000_000L;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final ConfigIndex config;
    private final SwitchInventoryService inventory;
    private final MigrationView migrations;
    private final OverlayCompiler compiler = new OverlayCompiler();
    private final ActivationPlanner planner = new ActivationPlanner(compiler);
    private final FlowReconciler reconciler;
    private final ActivationFastPath fastPath;
    private final FloatingIpAnnouncer announcer;
    private final SwitchResync resync;
    private final WrittenMigrations migrationWrites = new WrittenMigrations();
    /** The connection number of every switch the last pass programmed. */
    private final Map<String, Long> connectedLastPass = new HashMap<>();
    /** Compiles each pass's chassis, keeping what the last pass compiled (the programmer's thread only). */
    private final ChassisCompiles compiles = new ChassisCompiles(compiler);
    /** The last pass's activation plans, by port: the next pass plans again only what changed. */
    private final Map<String, ActivationPlanner.Plan> lastPlans = new HashMap<>();
    /** The compile failures the log last told of, by chassis name (the programmer's thread only). */
    private final Map<String, String> reportedFailures = new HashMap<>();
    /** Only touched on the programmer's thread. */
    private Duration retryDelay = FIRST_RETRY;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "liveflow-programmer"));
    private final StartupHold startupHold = new StartupHold();
    private boolean startupComplete;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AutoCloseable configSubscription;
    private final AutoCloseable inventorySubscription;
    private final AutoCloseable migrationSubscription;

    public OverlayProgrammer(final ConfigIndex config, final SwitchInventoryService inventory,
            final DataBroker broker, final RpcConsumerRegistry rpcs, final SwitchWriters gateWriters,
            final MigrationView migrations) {
        this.config = config;
        this.inventory = inventory;
        this.migrations = migrations;
        reconciler = new FlowReconciler(broker, rpcs, new GateBundleWriter.Gate() {
            @Override
            public boolean writesTo(final long datapathId) {
                return gateWriters.writesTo(datapathId);
            }

            @Override
            public Map<Long, ListenableFuture<SwitchWriters.Receipt>> write(final Map<Long, List<byte[]>> messages,
                    final Duration timeout) {
                return gateWriters.write(messages, timeout);
            }
        }, this::schedule);
        resync = new SwitchResync(rpcs, reconciler, this::schedule);
        fastPath = new ActivationFastPath(rpcs, gateWriters::write, reconciler, this::schedule);
        configSubscription = config.subscribe(snapshot -> schedule());
        inventorySubscription = inventory.subscribe(snapshot -> schedule());
        announcer = new FloatingIpAnnouncer(rpcs, gateWriters::write, fastPath::onOwnThread);
        // on the engine's thread: an activation is queued for the switches (and the floating IPs' gratuitous ARPs
        // reach the external network) before anything else is done about it
        migrationSubscription = migrations.subscribe(placements -> {
            migrationWrites.published(placements);
            final boolean fired = fastPath.fire(placements);
            announcer.announce(placements, config.current(), inventory.current());
            // an activation's pass is asked for by the fast path, once its flow-mods are handed over
            if (!fired) {
                schedule();
            }
        });
    }

    @Override
    public void close() throws Exception {
        configSubscription.close();
        inventorySubscription.close();
        migrationSubscription.close();
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
        fastPath.close();
        resync.close();
        reconciler.close();
    }

    /**
     * Returns what liveflow wants on a chassis' switch right now (for the shell).
     */
    public SwitchFlows desired(final String chassis) {
        return compiler.compile(config.current(), inventory.current(),
            migrationWrites.compilerView(migrations.current()), chassis);
    }

    /**
     * Returns why the last pass could not compile a chassis' flows, if it could not (for the shell).
     */
    public Optional<String> compileFailure(final String chassis) {
        return Optional.ofNullable(compiles.failures().get(chassis));
    }

    public FlowReconciler reconciler() {
        return reconciler;
    }

    private void schedule() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(this::programAll);
        }
    }

    /**
     * Tells whether the switches may be changed now (see {@link StartupHold}); if not yet, schedules another
     * pass for when they may, unless the next inventory change is that moment.
     */
    private boolean switchesCaughtUp(final ConfigSnapshot snapshot, final SwitchInventory switches) {
        if (!config.loaded()) {
            // the configuration subscription schedules a pass once it arrives
            return false;
        }
        final long seen = snapshot.chassis().values().stream()
            .filter(chassis -> switches.switchOf(chassis).isPresent()).count();
        final long unseen = snapshot.chassis().values().stream()
            .filter(chassis -> chassis.getDatapathId() != null).count() - seen;
        final Instant now = Instant.now();
        final StartupHold.Decision decision = startupHold.decide(now, seen, unseen,
            inventory.lastChange().plus(OpenflowInventoryListener.SETTLE));
        if (decision.program()) {
            if (decision.unseen() > 0) {
                LOG.warn("Programming without {} configured switches that have not reconnected", decision.unseen());
            }
            return true;
        }
        if (decision.unseen() > 0) {
            LOG.info("Waiting for {} more switches to connect before programming ({})", decision.unseen(),
                decision.retryAt().map(at -> "at most " + Duration.between(now, at).toSeconds() + " s more")
                    .orElse("none is back yet"));
        }
        decision.retryAt().ifPresent(at -> executor.schedule(this::schedule,
            Duration.between(now, at).toMillis() + 1, TimeUnit.MILLISECONDS));
        return false;
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void programAll() {
        pending.set(false);
        final ConfigSnapshot snapshot = config.current();
        final SwitchInventory switches = inventory.current();
        final Placements placements = migrations.current();
        if (!startupComplete) {
            if (!switchesCaughtUp(snapshot, switches)) {
                return;
            }
            startupComplete = true;
            migrationWrites.assumeWrittenBeforeStart(placements);
        }
        final Map<String, PortMigration> placed = migrationWrites.compilerView(placements);
        final long began = System.nanoTime();
        final Map<String, Long> connected = new HashMap<>();
        final Map<String, String> nodeIds = new HashMap<>();
        for (Chassis chassis : snapshot.chassis().values()) {
            final Optional<SwitchView> view = switches.connectedSwitchOf(chassis);
            if (view.isEmpty()) {
                continue;
            }
            final String nodeId = SwitchInventory.nodeIdOf(chassis).orElseThrow();
            connected.put(nodeId, view.orElseThrow().connection());
            nodeIds.put(chassis.getName().getValue(), nodeId);
        }
        // the same flows as last pass are the same instance: the planner and the reconciler see at a glance
        // that a chassis did not change (and an unchanged flow of a changed chassis is the same spec)
        final Map<String, SwitchFlows> byChassis = compiles.compile(snapshot, switches, placed, nodeIds.keySet());
        final Map<String, String> failures = compiles.failures();
        reportCompileFailures(failures);
        // a chassis that did not compile keeps what its switch holds, and is not counted as programmed
        failures.keySet().forEach(name -> connected.remove(nodeIds.get(name)));
        final Map<String, SwitchFlows> desired = new HashMap<>();
        byChassis.forEach((name, flows) -> desired.put(nodeIds.get(name), flows));
        // a switch that comes (back) while liveflow's record holds its flows may or may not have them; one that
        // went and came back while the last pass ran has another connection number
        final Set<String> reconnected = new HashSet<>();
        connected.forEach((nodeId, connection) -> {
            if (!connection.equals(connectedLastPass.get(nodeId)) && reconciler.installedFlowCount(nodeId) > 0) {
                reconnected.add(nodeId);
            }
        });
        final long compiled = System.nanoTime();
        final long written;
        try {
            final FlowReconciler.Outcome outcome = reconciler.reconcileAll(desired, placements.version());
            written = System.nanoTime();
            if (!outcome.failed().isEmpty()) {
                // what this pass wrote elsewhere stays; nothing counts as written until every switch has it
                retryLater("switches " + outcome.failed() + " did not take their change");
                return;
            }
            if (!outcome.pending().isEmpty()) {
                // the end of those bundles asks for another pass, which counts what is written then
                return;
            }
        } catch (RuntimeException e) {
            retryLater("reading what the switches hold failed: " + e);
            return;
        }
        retryDelay = FIRST_RETRY;
        for (String nodeId : reconnected) {
            resync.switchReconnected(nodeId);
        }
        connectedLastPass.clear();
        connectedLastPass.putAll(connected);
        if (!failures.isEmpty()) {
            // not every chassis holds this pass's flows: no migration stage counts as written, and no activation
            // is armed (its plan would assume flows the failed chassis do not have); a new change runs a new pass
            lastPlans.clear();
            fastPath.arm(Map.of());
            return;
        }
        final List<FlowsWritten> facts = migrationWrites.passWritten(placements, Instant.now());
        armActivations(snapshot, switches, migrationWrites.compilerView(placements), byChassis, nodeIds);
        if (!facts.isEmpty()) {
            migrations.flowsWritten(facts);
        }
        final long armed = System.nanoTime();
        // a slow pass delays every change behind it (a migration's convergence among them): say where it went
        if (armed - began > SLOW_PASS_NANOS) {
            LOG.info("slow pass over {} switches: compiled in {} us, written in {} us, activations armed in {} us",
                desired.size(), (compiled - began) / 1000, (written - compiled) / 1000, (armed - written) / 1000);
        } else {
            LOG.debug("pass over {} switches: compiled in {} us, written in {} us, activations armed in {} us",
                desired.size(), (compiled - began) / 1000, (written - compiled) / 1000, (armed - written) / 1000);
        }
    }

    /**
     * Logs a chassis whose compile fails when it starts failing or fails differently, and when it compiles again:
     * the same configuration fails the same way on every pass.
     */
    private void reportCompileFailures(final Map<String, String> failures) {
        failures.forEach((chassis, why) -> {
            if (!why.equals(reportedFailures.get(chassis))) {
                LOG.error("Chassis {} is not programmed (its switch keeps the flows it holds) and migrations wait "
                    + "until its flows compile: {}", chassis, why);
            }
        });
        reportedFailures.keySet().stream().filter(chassis -> !failures.containsKey(chassis))
            .forEach(chassis -> LOG.info("Chassis {} compiles again", chassis));
        reportedFailures.clear();
        reportedFailures.putAll(failures);
    }

    /**
     * Runs another pass after a delay that doubles with each failure in a row (a switch that keeps refusing must
     * not take the programmer's whole time); a change in between runs one sooner.
     */
    private void retryLater(final String why) {
        LOG.error("Programming the switches failed, next attempt in {} ms: {}", retryDelay.toMillis(), why);
        executor.schedule(this::schedule, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
        retryDelay = retryDelay.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retryDelay.multipliedBy(2);
    }

    /**
     * Arms the fast path with the activation of every prepared port whose dual delivery this or an earlier pass
     * wrote: before that, switching at once could reach a chassis ahead of its dual delivery.
     */
    private void armActivations(final ConfigSnapshot snapshot, final SwitchInventory switches,
            final Map<String, PortMigration> placed, final Map<String, SwitchFlows> byChassis,
            final Map<String, String> nodeIds) {
        final Map<String, ActivationFastPath.Armed> activations = new HashMap<>();
        final Map<String, ActivationPlanner.Plan> plans = new HashMap<>();
        for (PortMigration migration : placed.values()) {
            if (migration.phase() == PortMigration.Phase.PREPARED && migration.dualDeliveryWritten()) {
                final ActivationPlanner.Plan plan = planner.replan(snapshot, switches, placed, migration, byChassis,
                    lastPlans.get(migration.port()));
                plans.put(migration.port(), plan);
                final Map<String, FlowDelta> deltas = new HashMap<>();
                plan.deltas().forEach((chassis, delta) -> deltas.put(nodeIds.get(chassis), delta));
                activations.put(migration.port(), new ActivationFastPath.Armed(migration.generation(),
                    nodeIds.get(migration.source()), deltas));
            }
        }
        lastPlans.clear();
        lastPlans.putAll(plans);
        fastPath.arm(activations);
    }
}
