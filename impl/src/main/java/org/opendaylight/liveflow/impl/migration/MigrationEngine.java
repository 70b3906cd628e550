/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListenableFutureTask;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.admission.AdmissionControl;
import org.opendaylight.liveflow.impl.admission.WriteGate;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.gate.GatePacketIn;
import org.opendaylight.liveflow.impl.gate.PacketInTaps;
import org.opendaylight.liveflow.impl.liveness.ChassisLiveness;
import org.opendaylight.liveflow.impl.migration.PrecheckRules.Refusal;
import org.opendaylight.liveflow.impl.topology.Subscribers;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchInventoryService;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.opendaylight.mdsal.binding.api.NotificationService;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.PacketReceived;
import org.opendaylight.yangtools.concepts.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the migration protocol (docs/design.md section 5) for every port: it turns what happens into
 * {@link MigrationEvent}s (interfaces plugged and unplugged, chassis gone and binding moves through
 * {@link ObservedChanges}, trapped RARP/GARP through {@link AnnouncementMatcher}, what the programmer wrote, RPCs,
 * timers), feeds them one at a time, on one thread, to the pure decider ({@link MigrationStateMachine#decide}),
 * stores and publishes what changed (placements for the programmer, the operational state and a notification per
 * transition, the journal) and carries out the effects the decider returns.
 */
public final class MigrationEngine implements MigrationView, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationEngine.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** How long an announcement from a port the inventory does not list yet waits for it: 10 x 500 ms. */
    private static final int INVENTORY_RETRIES = 10;
    private static final long INVENTORY_RETRY_MILLIS = 500;

    private final ConfigIndex config;
    private final SwitchInventoryService inventory;
    private final BindingWriter bindingWriter;
    private final MigrationStatusWriter status;
    private final MigrationJournalStore journal;
    private final SourceCleanupCheck cleanupCheck;
    private final TrapCounterCheck trapCounters;
    /** Migrations that were prepared when this engine started: their traps may have counted an announcement. */
    private final Set<String> resumedPrepared = new HashSet<>();

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
        runnable -> new Thread(runnable, "liveflow-migration"));
    private final Subscribers<Placements> subscribers = new Subscribers<>();
    /**
     * When the last announcement was matched and decided, and placements last published (the engine's thread only):
     * a trap's log line says how soon after its take each came, and how much of that was the engine's work.
     */
    private Moment matched = Moment.NEVER;
    private Moment decided = Moment.NEVER;
    private Moment published = Moment.NEVER;
    private final Map<String, MigrationRecord> records;
    private final AutoCloseable configSubscription;
    private final AutoCloseable inventorySubscription;
    private final AutoCloseable livenessSubscription;
    private final ChassisLiveness liveness;
    private final Registration packetIns;
    private final Registration gateTap;
    private final TappedTraps tapped = new TappedTraps();
    /**
     * Whether a rehearsal went the whole way (matched and decided): what it loads is loaded for the engine's life,
     * and fifty migrations prepared at once (a host evacuation) need not rehearse, nor log, fifty times.
     */
    private boolean activationRehearsed;

    private final ObservedChanges observed = new ObservedChanges();
    /** The configuration the observed bindings were last compared with. */
    private ConfigSnapshot observedConfig;

    private volatile Placements placements = Placements.NONE;

    public MigrationEngine(final ConfigIndex config, final SwitchInventoryService inventory,
            final DataBroker broker, final NotificationService notifications,
            final NotificationPublishService publisher, final RpcConsumerRegistry rpcs,
            final AdmissionControl admission, final ChassisLiveness liveness, final PacketInTaps gateTaps) {
        this(config, inventory, liveness, broker, notifications, publisher, rpcs, admission.writes(),
            new MigrationJournalStore(broker), gateTaps);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    MigrationEngine(final ConfigIndex config, final SwitchInventoryService inventory, final ChassisLiveness liveness,
            final DataBroker broker,
            final NotificationService notifications, final NotificationPublishService publisher,
            final RpcConsumerRegistry rpcs, final WriteGate configWrites, final MigrationJournalStore journal,
            final PacketInTaps gateTaps) {
        this.config = config;
        this.inventory = inventory;
        this.liveness = liveness;
        bindingWriter = new BindingWriter(broker, configWrites);
        this.journal = journal;
        // timers (chassis death, binding timeout) die with the engine
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        status = new MigrationStatusWriter(broker, publisher, config::current);
        cleanupCheck = new SourceCleanupCheck(rpcs);
        trapCounters = new TrapCounterCheck(rpcs);
        records = new TreeMap<>(journal.load());
        if (!records.isEmpty()) {
            LOG.info("Resuming {} port migration records from the journal", records.size());
            status.restore(records.values());
            records.values().stream().filter(record -> record.phase() == MigrationPhase.SWITCHED)
                .forEach(record -> scheduleBindingTimeout(record.port(), record.generation()));
        }
        republishPlacements();
        records.values().stream().filter(record -> record.phase() == MigrationPhase.PREPARED)
            .forEach(record -> resumedPrepared.add(record.port()));
        configSubscription = config.subscribe(snapshot -> executor.execute(this::configChanged));
        inventorySubscription = inventory.subscribe(snapshot -> executor.execute(this::inventoryChanged));
        livenessSubscription = liveness.subscribe(snapshot -> executor.execute(this::inventoryChanged));
        // a trap's packet-in is taken as it passes the switch gate, ahead of the OpenFlowPlugin's copy: the plugin
        // decodes packet-ins on the network thread it shares with other switches' flow-mods, and publishes them
        // through the MD-SAL's notifications (docs/design.md section 5)
        gateTap = gateTaps.tap(MigrationTrap::isMigrationCookie,
            packetIn -> executor.execute(() -> trapFromGate(packetIn)));
        packetIns = notifications.registerListener(PacketReceived.class, this::packetReceived, executor);
    }

    @Override
    public void close() throws Exception {
        gateTap.close();
        packetIns.close();
        configSubscription.close();
        inventorySubscription.close();
        livenessSubscription.close();
        cleanupCheck.close();
        trapCounters.close();
        bindingWriter.close();
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public Placements current() {
        return placements;
    }

    @Override
    public AutoCloseable subscribe(final Consumer<Placements> subscriber) {
        return subscribers.add(subscriber, placements);
    }

    @Override
    public void flowsWritten(final List<MigrationEvent.FlowsWritten> facts) {
        executor.execute(() -> facts.forEach(this::handle));
    }

    /**
     * Answers migration-precheck: empty when the port may migrate to the chassis, else why not.
     */
    public ListenableFuture<Optional<Refusal>> precheck(final String port, final String destination) {
        return onEngine(() -> refusal(port, destination));
    }

    /**
     * Answers prepare-migration: the precheck's refusal, or the announced destination recorded.
     */
    public ListenableFuture<Optional<Refusal>> prepare(final String port, final String destination) {
        return onEngine(() -> {
            final Optional<Refusal> refusal = refusal(port, destination);
            if (refusal.isEmpty()) {
                handle(new MigrationEvent.Prepared(port, destination));
            }
            return refusal;
        });
    }

    /**
     * Answers abort-migration: the record after the abort, or why nothing was aborted.
     */
    public ListenableFuture<AbortOutcome> abort(final String port, final @Nullable Long generation,
            final String reason) {
        return onEngine(() -> {
            if (config.current().port(port).isEmpty()) {
                return new AbortOutcome(null, new Refusal(false, "port " + port + " does not exist"));
            }
            final MigrationRecord before = records.get(port);
            handle(new MigrationEvent.AbortRequested(port, generation, reason));
            final MigrationRecord after = records.get(port);
            final long ignoredBefore = before == null ? 0 : before.ignoredTotal();
            if (after == null || after.equals(before) || after.ignoredTotal() > ignoredBefore) {
                return new AbortOutcome(after, new Refusal(true, after == null || after.lastIgnored() == null
                    ? "port " + port + " has no migration in progress" : after.lastIgnored()));
            }
            return new AbortOutcome(after, null);
        });
    }

    /** What abort-migration did: the record after it, or a refusal. */
    public record AbortOutcome(@Nullable MigrationRecord record, @Nullable Refusal refusal) {
    }

    private <T> ListenableFuture<T> onEngine(final Callable<T> work) {
        final ListenableFutureTask<T> task = ListenableFutureTask.create(work);
        executor.execute(task);
        return task;
    }

    private Optional<Refusal> refusal(final String port, final String destination) {
        return PrecheckRules.refusal(config.current(), liveness.current(), records.get(port), port, destination);
    }

    private void configChanged() {
        if (!config.loaded()) {
            return;
        }
        final ConfigSnapshot snapshot = config.current();
        for (String port : Set.copyOf(records.keySet())) {
            if (snapshot.port(port).isEmpty()) {
                LOG.info("port {} deleted: its migration record goes too", port);
                records.remove(port);
                status.remove(port);
                journal.remove(port);
            }
        }
        final Optional<ConfigChange> change = observedConfig == null ? Optional.empty()
            : config.changeBetween(observedConfig, snapshot);
        observedConfig = snapshot;
        observed.configChanged(snapshot, change).forEach(this::handle);
        inventoryChanged();
        republishPlacements();
        checkTrapsOfResumedMigrations();
    }

    /**
     * Asks the destination switch of every migration that was prepared when this engine started whether its traps
     * counted the VM's announcement meanwhile: a packet-in nobody took, while no member ran the control loop.
     */
    private void checkTrapsOfResumedMigrations() {
        for (String port : Set.copyOf(resumedPrepared)) {
            final MigrationRecord record = records.get(port);
            final Chassis destination = record == null || record.phase() != MigrationPhase.PREPARED ? null
                : config.current().chassis().get(record.destination());
            final Optional<String> nodeId = destination == null ? Optional.empty()
                : SwitchInventory.nodeIdOf(destination);
            if (nodeId.isEmpty()) {
                continue;
            }
            Futures.addCallback(trapCounters.counted(nodeId.orElseThrow(), port, record.generation()),
                new FutureCallback<Optional<String>>() {
                    @Override
                    public void onSuccess(final Optional<String> counted) {
                        counted.ifPresent(frame -> {
                            LOG.info("port {}: its trap on {} counted a {} while no controller took it", port,
                                record.destination(), frame);
                            handle(new MigrationEvent.Announced(port, record.destination(), record.generation(),
                                frame + " (counted by its trap)"));
                        });
                    }

                    @Override
                    public void onFailure(final Throwable cause) {
                        LOG.warn("port {}: could not read its traps' counters on {}: dual delivery lasts until the "
                            + "next announcement or the binding update", port, record.destination(), cause);
                    }
                }, executor);
        }
        resumedPrepared.clear();
    }

    private void inventoryChanged() {
        observed.switchesChanged(config.current(), inventory.current(), liveness.current(), records)
            .forEach(this::handle);
    }

    private void packetReceived(final PacketReceived packet) {
        MigrationTrap.of(packet).ifPresent(trap -> {
            if (tapped.isCopy(trap, Instant.now())) {
                LOG.info("{}: the OpenFlowPlugin's copy of a trap's packet-in taken at the switch gate, dropped",
                    trap.connectorId());
                return;
            }
            announcementTrapped(trap.cookie(), trap.payload(), trap.nodeId(), trap.connectorId(), 0);
        });
    }

    private void trapFromGate(final GatePacketIn packetIn) {
        final MigrationTrap trap = new MigrationTrap(packetIn.cookie(), packetIn.frame(), packetIn.nodeId(),
            packetIn.connectorId());
        final Moment take = Moment.now();
        final Instant takenAt = Instant.now();
        announcementTrapped(trap.cookie(), trap.payload(), trap.nodeId(), trap.connectorId(), 0);
        final Moment done = Moment.now();
        // noted once handled: the plugin's copy comes on this same thread, so it cannot be checked before; noted
        // first, the note's first use (its map, its record's hashing) was in the activation's way: from the take to
        // the match's end took 1.4 to 7 ms at 100 chassis, 0.3 ms once noted after
        tapped.taken(trap, takenAt);
        // logged once handled (see handle), with what it took: the engine's wait for it, and its handling (an
        // activation's fast path fires when the placements are published); the thread's CPU beside the wall time
        // tells work from a wait for a core
        LOG.info("{}: a migration trap's packet-in, taken at the switch gate {} us after the gate read it, handled "
            + "in {}; matched {}, decided {}, placements published {}", trap.connectorId(),
            (take.nanos() - packetIn.readNanos()) / 1000, done.since(take, "of the engine's CPU"),
            matched.sinceTake(take), decided.sinceTake(take), published.sinceTake(take));
    }

    /**
     * Takes the packet-in of a migration trap that another cluster member received (the switch's master there):
     * checked and handled on the engine's thread exactly as a packet-in received here.
     */
    public void announcementRelayed(final long cookie, final byte[] payload, final String nodeId,
            final String connectorId) {
        executor.execute(() -> announcementTrapped(cookie, payload, nodeId, connectorId, 0));
    }

    private void announcementTrapped(final long cookie, final byte[] payload, final String nodeId,
            final String connectorId, final int attempt) {
        final AnnouncementMatcher.Match match = AnnouncementMatcher.match(config.current(), inventory.current(),
            cookie, payload, nodeId, connectorId, placements.ports().keySet());
        matched = Moment.now();
        if (match instanceof AnnouncementMatcher.Found found) {
            handle(found.event());
        } else if (match instanceof AnnouncementMatcher.PortNotListed notListed && attempt < INVENTORY_RETRIES) {
            // the switch's ports are not in the inventory this engine sees yet: after a cluster member took the
            // control loop over, the OpenFlowPlugin's new master writes the switch again (seen: a RARP 6 s after
            // a mastership change, its port missing for that moment)
            LOG.info("{} yet: checked again in {} ms", notListed.why(), INVENTORY_RETRY_MILLIS);
            executor.schedule(() -> announcementTrapped(cookie, payload, nodeId, connectorId, attempt + 1),
                INVENTORY_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } else if (match instanceof AnnouncementMatcher.PortNotListed notListed) {
            LOG.info("{}: ignored", notListed.why());
        } else if (match instanceof AnnouncementMatcher.Ignored ignored && ignored.notable()) {
            LOG.info("{}: ignored", ignored.why());
        } else if (match instanceof AnnouncementMatcher.Ignored ignored) {
            LOG.debug("{}: ignored", ignored.why());
        }
    }

    private void handle(final MigrationEvent event) {
        final Optional<Port> port = config.current().port(event.port());
        if (port.isEmpty() || port.orElseThrow().getBindingChassis() == null) {
            LOG.debug("{}: the port is not configured or not bound", event);
            return;
        }
        final Port configured = port.orElseThrow();
        final MigrationStateMachine.PortFacts facts = new MigrationStateMachine.PortFacts(
            configured.getBindingChassis().getValue(),
            configured.getVnicType() == null ? null : configured.getVnicType().getName());
        final MigrationRecord before = records.get(event.port());
        final MigrationRecord current = before != null ? before : MigrationRecord.bound(event.port(), facts.binding());
        final MigrationStateMachine.Decision decision = MigrationStateMachine.decide(current, event, facts,
            Instant.now());
        decided = Moment.now();
        final MigrationRecord next = decision.record();
        if (!next.equals(current)) {
            records.put(event.port(), next);
            // published (an activation's fast path fires here) before anything is logged: a write to karaf.log
            // waits for the disk and for other threads' writes (10 ms seen at 100 chassis), and the activation
            // waited behind two of them
            republishPlacements();
            logChange(current, next);
            status.publish(before, next);
            journal.save(next);
        }
        decision.effects().forEach(this::execute);
        if (!activationRehearsed && next.phase() == MigrationPhase.PREPARED
                && (current.phase() != MigrationPhase.PREPARED || current.generation() != next.generation())) {
            rehearseActivation(next, facts);
        }
    }

    /** See {@link AnnouncementRehearsal}: what it comes to is logged, and nothing else is done with it. */
    private void rehearseActivation(final MigrationRecord prepared, final MigrationStateMachine.PortFacts facts) {
        final long began = System.nanoTime();
        final AnnouncementRehearsal.Outcome outcome = AnnouncementRehearsal.rehearse(config.current(),
            inventory.current(), prepared, facts, Instant.now());
        activationRehearsed = outcome.decision().isPresent();
        final boolean wouldPublish = outcome.decision()
            .map(decision -> AnnouncementRehearsal.wouldPublish(records, placements, prepared, decision.record()))
            .orElse(false);
        LOG.info("port {}: its activation rehearsed in {} us: {}", prepared.port(),
            (System.nanoTime() - began) / 1000, outcome.decision()
                .map(decision -> "its RARP from " + prepared.destination() + " would make it "
                    + decision.record().phase().yangName() + (wouldPublish ? ", published" : ", not published"))
                .orElse("its RARP would not match yet (" + outcome.match() + ")"));
    }

    private static void logChange(final MigrationRecord current, final MigrationRecord next) {
        if (next.ignoredTotal() > current.ignoredTotal()) {
            LOG.info("port {}: event ignored: {}", next.port(), next.lastIgnored());
        } else if (!next.transitions().equals(current.transitions())) {
            LOG.info("port {}: {} -> {} ({}), generation {}", next.port(), current.phase().yangName(),
                next.phase().yangName(), next.transitions().get(next.transitions().size() - 1).cause(),
                next.generation());
        }
        if (next.convergenceMicros() != null && current.convergenceMicros() == null) {
            LOG.info("port {}: every chassis' flows written {} us after activation", next.port(),
                next.convergenceMicros());
        }
    }

    private void execute(final MigrationEffect effect) {
        if (effect instanceof MigrationEffect.ScheduleBindingTimeout timeout) {
            scheduleBindingTimeout(timeout.port(), timeout.generation());
        } else if (effect instanceof MigrationEffect.WriteBinding write) {
            // the configuration change this write causes completes the migration, as any binding update does
            bindingWriter.moveBinding(write.port(), write.chassis()).whenCompleteAsync((stored, failure) -> {
                if (failure != null) {
                    LOG.warn("port {}: binding-chassis not moved ({}); trying again after the binding timeout",
                        write.port(), failure.getMessage());
                    handle(new MigrationEvent.BindingWriteFailed(write.port(), write.generation(),
                        String.valueOf(failure.getMessage())));
                }
            }, executor);
        } else if (effect instanceof MigrationEffect.CheckSource check) {
            checkSource(check);
        }
    }

    private void scheduleBindingTimeout(final String port, final long generation) {
        final Duration timeout = config.current().bindingTimeout();
        executor.schedule(() -> handle(new MigrationEvent.BindingTimeout(port, generation)), timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    }

    /**
     * Recomputes the placements; publishes them when they changed.
     */
    private void republishPlacements() {
        final Map<String, PortMigration> ports = Placements.portsOf(records.values());
        if (!ports.equals(placements.ports())) {
            placements = new Placements(placements.version() + 1, ports);
            published = Moment.now();
            subscribers.publish(placements);
        }
    }

    private void checkSource(final MigrationEffect.CheckSource check) {
        final Chassis source = config.current().chassis().get(check.source());
        final Optional<String> nodeId = source == null ? Optional.empty()
            : inventory.current().connectedSwitchOf(source).map(view -> view.nodeId());
        if (nodeId.isEmpty()) {
            handle(new MigrationEvent.SourceChecked(check.port(), check.generation(), SourceCleanup.UNVERIFIABLE));
            return;
        }
        Futures.addCallback(cleanupCheck.check(nodeId.orElseThrow(), movingWith(config.current(), check.port())),
            new FutureCallback<SourceCleanup>() {
                @Override
                public void onSuccess(final SourceCleanup result) {
                    handle(new MigrationEvent.SourceChecked(check.port(), check.generation(), result));
                }

                @Override
                public void onFailure(final Throwable cause) {
                    LOG.debug("source check of {} abandoned", check.port(), cause);
                }
            }, executor);
    }

    /**
     * Returns a port and the sub-ports of its trunk: what one migration moves.
     */
    static List<String> movingWith(final ConfigSnapshot snapshot, final String port) {
        final List<String> out = new ArrayList<>(List.of(port));
        snapshot.trunkOfParent(port).ifPresent(trunk -> trunk.nonnullSubPort().values()
            .forEach(sub -> out.add(idOf(sub.getPort()))));
        return out;
    }

    /** A moment on the engine's thread: the wall clock, and the thread's CPU time then. */
    private record Moment(long nanos, long cpuNanos) {
        static final Moment NEVER = new Moment(Long.MIN_VALUE, 0);

        static Moment now() {
            return new Moment(System.nanoTime(), THREADS.getCurrentThreadCpuTime());
        }

        // formatted, not concatenated: a concatenation's first run links method handles, on the engine's thread
        // while the switches switch
        String since(final Moment start, final String cpu) {
            return String.format(Locale.ROOT, "%d us (%d us %s)", (nanos - start.nanos) / 1000,
                (cpuNanos - start.cpuNanos) / 1000, cpu);
        }

        /** How long after a trap's take this came, or that it did not come while the trap was handled. */
        String sinceTake(final Moment take) {
            return nanos < take.nanos ? "not at all" : String.format(Locale.ROOT, "%s after the take",
                since(take, "of CPU"));
        }
    }
}
