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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.admission.AdmissionControl;
import org.opendaylight.liveflow.impl.admission.WriteGate;
import org.opendaylight.liveflow.impl.compiler.Owner;
import org.opendaylight.liveflow.impl.compiler.PortMigration;
import org.opendaylight.liveflow.impl.liveness.ChassisLiveness;
import org.opendaylight.liveflow.impl.liveness.LivenessSnapshot;
import org.opendaylight.liveflow.impl.topology.Subscribers;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.liveflow.impl.topology.SwitchInventoryService;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.opendaylight.mdsal.binding.api.NotificationService;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ChassisReason;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.PacketReceived;
import org.opendaylight.yangtools.concepts.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the migration protocol (docs/design.md section 5) for every port: it turns what the switches report (interfaces
 * plugged and unplugged, switches disconnecting, RARP/GARP packet-ins of the trap flows), configuration changes
 * (binding moves), RPCs and timers into {@link MigrationEvent}s, feeds them one at a time, on one thread, to the
 * {@link MigrationStateMachine}, and acts on what changed: new placements for the programmer, the operational
 * state and a notification per transition, the journal, and, after a completed migration, the check that the
 * source switch holds nothing of the port.
 */
public final class MigrationEngine implements MigrationView, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationEngine.class);
    /** How long an announcement from a port the inventory does not list yet waits for it: 10 x 500 ms. */
    private static final int INVENTORY_RETRIES = 10;
    private static final long INVENTORY_RETRY_MILLIS = 500;

    /** A measurement or check waiting for the programmer to write a placements version. */
    private record Pending(long version, long generation) {
    }

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
    private final Map<String, MigrationRecord> records;
    private final Map<String, Pending> awaitingConvergence = new HashMap<>();
    private final Map<String, Pending> awaitingCleanup = new HashMap<>();
    private final Map<String, Pending> awaitingDualDelivery = new HashMap<>();
    /** Prepared or switched ports whose dual delivery is on every chassis (see PortMigration). */
    private final Set<String> dualDelivered = new HashSet<>();
    /** Ports whose binding the engine writes itself after the timeout, until the configuration says so. */
    private final Set<String> bindingWrites = new HashSet<>();
    private final AutoCloseable configSubscription;
    private final AutoCloseable inventorySubscription;
    private final AutoCloseable livenessSubscription;
    private final ChassisLiveness liveness;
    private final Registration packetIns;

    private volatile Placements placements = Placements.NONE;
    private Map<String, Set<String>> presence = Map.of();
    private Set<String> connected = Set.of();
    private Map<String, String> bindings = Map.of();
    private boolean started;

    public MigrationEngine(final ConfigIndex config, final SwitchInventoryService inventory,
            final DataBroker broker, final NotificationService notifications,
            final NotificationPublishService publisher, final RpcConsumerRegistry rpcs,
            final AdmissionControl admission, final ChassisLiveness liveness) {
        this(config, inventory, liveness, broker, notifications, publisher, rpcs, admission.writes(),
            new MigrationJournalStore(broker));
    }

    MigrationEngine(final ConfigIndex config, final SwitchInventoryService inventory, final ChassisLiveness liveness,
            final DataBroker broker,
            final NotificationService notifications, final NotificationPublishService publisher,
            final RpcConsumerRegistry rpcs, final WriteGate configWrites, final MigrationJournalStore journal) {
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
                .forEach(record -> {
                    // switched before the restart: its dual delivery was written then
                    dualDelivered.add(record.port());
                    scheduleBindingTimeout(record);
                });
        }
        republishPlacements();
        records.values().stream().filter(record -> record.phase() == MigrationPhase.PREPARED).forEach(record -> {
            awaitingDualDelivery.put(record.port(), new Pending(placements.version(), record.generation()));
            resumedPrepared.add(record.port());
        });
        configSubscription = config.subscribe(snapshot -> executor.execute(this::configChanged));
        inventorySubscription = inventory.subscribe(snapshot -> executor.execute(this::inventoryChanged));
        livenessSubscription = liveness.subscribe(snapshot -> executor.execute(this::inventoryChanged));
        packetIns = notifications.registerListener(PacketReceived.class, this::packetReceived, executor);
    }

    @Override
    public void close() throws Exception {
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
    public void programmed(final long version) {
        executor.execute(() -> programmedOnEngine(version));
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

    /**
     * Why a request was refused.
     *
     * @param conflict true when the request is valid but the state forbids it (409), false when it is wrong
     *     (400)
     * @param reason what to tell the operator
     */
    public record Refusal(boolean conflict, String reason) {
    }

    /** What abort-migration did: the record after it, or a refusal. */
    public record AbortOutcome(@Nullable MigrationRecord record, @Nullable Refusal refusal) {
    }

    private <T> ListenableFuture<T> onEngine(final Callable<T> work) {
        final ListenableFutureTask<T> task = ListenableFutureTask.create(work);
        executor.execute(task);
        return task;
    }

    private Optional<Refusal> refusal(final String portId, final String destination) {
        final ConfigSnapshot snapshot = config.current();
        final Optional<Port> port = snapshot.port(portId);
        if (port.isEmpty()) {
            return Optional.of(new Refusal(false, "port " + portId + " does not exist"));
        }
        final String vnicType = port.orElseThrow().getVnicType() == null ? null
            : port.orElseThrow().getVnicType().getName();
        if (vnicType != null && MigrationStateMachine.UNMIGRATABLE_VNIC_TYPES.contains(vnicType)) {
            return Optional.of(new Refusal(false, "port " + portId + " has vnic-type " + vnicType
                + " (SR-IOV / PCI passthrough): its VM cannot live-migrate with its network"));
        }
        if (port.orElseThrow().getBindingChassis() == null) {
            return Optional.of(new Refusal(false, "port " + portId + " is not bound to a chassis"));
        }
        final String binding = port.orElseThrow().getBindingChassis().getValue();
        final Chassis target = snapshot.chassis().get(destination);
        if (target == null) {
            return Optional.of(new Refusal(false, "chassis " + destination + " does not exist"));
        }
        if (destination.equals(binding)) {
            return Optional.of(new Refusal(false, "port " + portId + " is already bound to " + destination));
        }
        final ChassisReason health = liveness.current().reasonOf(destination);
        if (health == ChassisReason.AdminDown) {
            return Optional.of(new Refusal(true, "chassis " + destination
                + " is administratively down (admin-state-up false, drained): it takes no new VM"));
        }
        if (health != ChassisReason.Alive) {
            return Optional.of(new Refusal(true, "chassis " + destination + " is not alive (" + health.getName()
                + "): traffic could not follow the VM there"));
        }
        final MigrationRecord record = records.get(portId);
        if (record != null && record.inProgress()) {
            return Optional.of(new Refusal(true, "port " + portId + " is already migrating ("
                + record.phase().yangName() + " from " + record.source() + " to " + record.destination() + ")"));
        }
        return Optional.empty();
    }

    private void configChanged() {
        if (!config.loaded()) {
            return;
        }
        final ConfigSnapshot snapshot = config.current();
        final Map<String, String> now = new HashMap<>();
        snapshot.ports().values().stream().filter(port -> port.getBindingChassis() != null)
            .forEach(port -> now.put(idOf(port.getId()), port.getBindingChassis().getValue()));
        for (String port : Set.copyOf(records.keySet())) {
            if (snapshot.port(port).isEmpty()) {
                LOG.info("port {} deleted: its migration record goes too", port);
                records.remove(port);
                awaitingConvergence.remove(port);
                awaitingCleanup.remove(port);
                awaitingDualDelivery.remove(port);
                dualDelivered.remove(port);
                bindingWrites.remove(port);
                status.remove(port);
                journal.remove(port);
            }
        }
        final Map<String, String> before = bindings;
        bindings = now;
        if (started) {
            now.forEach((port, chassis) -> {
                if (before.containsKey(port) && !chassis.equals(before.get(port))) {
                    final MigrationRecord record = records.get(port);
                    if (bindingWrites.remove(port) && record != null && chassis.equals(record.destination())) {
                        LOG.info("port {}: the binding liveflow wrote to {} is in the configuration", port, chassis);
                    } else {
                        handle(new MigrationEvent.BindingMoved(port, chassis));
                    }
                }
            });
        }
        started = true;
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
        if (!started) {
            return;
        }
        final ConfigSnapshot snapshot = config.current();
        final SwitchInventory switches = inventory.current();
        final Map<String, Set<String>> nowPresent = PlugDetector.presence(snapshot, switches);
        // a chassis counts as there while its switch is connected (the inventory, at once) and answers (the
        // liveness probes): a dead one's migrations roll forward or abort as soon as either says so. Only a
        // not-answering verdict removes a connected chassis: the monitor judges on its own thread, and a chassis it
        // has not judged yet (just after a start) must not look dead
        final Set<String> nowConnected = PlugDetector.connected(snapshot, switches);
        final LivenessSnapshot verdicts = liveness.current();
        nowConnected.removeIf(chassis -> verdicts.reasonOf(chassis) == ChassisReason.NotAnswering);
        final List<MigrationEvent> events = PlugDetector.events(snapshot, presence, connected, nowPresent,
            nowConnected, records);
        presence = nowPresent;
        connected = nowConnected;
        for (MigrationEvent event : events) {
            handle(event instanceof MigrationEvent.ChassisDown down
                && liveness.current().reasonOf(down.chassis()) == ChassisReason.NotAnswering
                ? new MigrationEvent.ChassisDown(down.port(), down.chassis(), MigrationEvent.ChassisDown.NOT_ANSWERING)
                : event);
        }
    }

    private void packetReceived(final PacketReceived packet) {
        MigrationTrap.of(packet).ifPresent(trap -> announcementTrapped(trap.cookie(), trap.payload(), trap.nodeId(),
            trap.connectorId(), 0));
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
        if (!MigrationTrap.isMigrationCookie(cookie)) {
            return;
        }
        final Optional<AnnouncementFrame> frame = AnnouncementFrame.parse(payload);
        if (frame.isEmpty()) {
            LOG.debug("packet-in with a migration cookie but no announcement from {}", connectorId);
            return;
        }
        final long ofport;
        try {
            ofport = Long.parseLong(connectorId.substring(connectorId.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            LOG.debug("migration trap's packet-in from {}: not an OpenFlow port number", connectorId);
            return;
        }
        final ConfigSnapshot snapshot = config.current();
        final Optional<Chassis> chassis = snapshot.chassis().values().stream()
            .filter(candidate -> SwitchInventory.nodeIdOf(candidate).map(nodeId::equals).orElse(false)).findFirst();
        if (chassis.isEmpty()) {
            return;
        }
        final Map<String, Long> ports = inventory.current().switchOf(chassis.orElseThrow())
            .map(view -> view.portsByName()).orElse(Map.of());
        for (Port port : snapshot.ports().values()) {
            final String id = idOf(port.getId());
            if (Owner.isMigrationCookieOf(cookie, id)
                    && announcingMacs(snapshot, port).contains(frame.orElseThrow().sourceMac())) {
                final Long portOfport = ports.get(ConfigSnapshot.interfaceNameOf(port));
                if (portOfport == null && attempt < INVENTORY_RETRIES) {
                    // the switch's ports are not in the inventory this engine sees yet: after a cluster member
                    // took the control loop over, the OpenFlowPlugin's new master writes the switch again
                    // (seen: a RARP 6 s after a mastership change, its port missing for that moment)
                    LOG.info("{} for port {} came in on {} port {}, which the inventory does not list yet: "
                        + "checked again in {} ms", frame.orElseThrow().kind(), id, nodeId, ofport,
                        INVENTORY_RETRY_MILLIS);
                    executor.schedule(() -> announcementTrapped(cookie, payload, nodeId, connectorId, attempt + 1),
                        INVENTORY_RETRY_MILLIS, TimeUnit.MILLISECONDS);
                    return;
                }
                if (portOfport == null || portOfport != ofport) {
                    LOG.info("{} for port {} came in on {} port {}, not its interface: ignored",
                        frame.orElseThrow().kind(), id, nodeId, ofport);
                    return;
                }
                handle(new MigrationEvent.Announced(id, idOf(chassis.orElseThrow().getName()),
                    Owner.generationOf(cookie), frame.orElseThrow().kind()));
                return;
            }
        }
    }

    /**
     * Returns the MACs whose announcement activates a port's migration: its own, and those of its trunk's
     * sub-ports, which migrate with it (lower case).
     */
    private static Set<String> announcingMacs(final ConfigSnapshot snapshot, final Port port) {
        final Set<String> out = new HashSet<>();
        out.add(port.getMacAddress().getValue().toLowerCase(Locale.ROOT));
        snapshot.trunkOfParent(idOf(port.getId())).ifPresent(trunk -> trunk.nonnullSubPort().values()
            .forEach(sub -> snapshot.port(idOf(sub.getPort()))
                .ifPresent(subPort -> out.add(subPort.getMacAddress().getValue().toLowerCase(Locale.ROOT)))));
        return out;
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
        final MigrationRecord next = MigrationStateMachine.apply(current, event, facts, Instant.now());
        if (next.equals(current)) {
            return;
        }
        if (next.ignoredTotal() > current.ignoredTotal()) {
            LOG.info("port {}: event ignored: {}", event.port(), next.lastIgnored());
        } else {
            LOG.info("port {}: {} -> {} ({}), generation {}", event.port(), current.phase().yangName(),
                next.phase().yangName(), next.transitions().isEmpty() ? "" : next.transitions()
                    .get(next.transitions().size() - 1).cause(), next.generation());
        }
        records.put(event.port(), next);
        actOn(current, next, event);
        status.publish(before, next);
        journal.save(next);
    }

    private void actOn(final MigrationRecord before, final MigrationRecord after, final MigrationEvent event) {
        if (after.generation() != before.generation() || !after.inProgress()) {
            dualDelivered.remove(after.port());
            awaitingDualDelivery.remove(after.port());
        }
        final long version = republishPlacements();
        if (after.phase() == MigrationPhase.PREPARED && before.phase() != MigrationPhase.PREPARED) {
            awaitingDualDelivery.put(after.port(), new Pending(version, after.generation()));
        }
        if (after.activatedAt() != null && before.activatedAt() == null) {
            awaitingConvergence.put(after.port(), new Pending(version, after.generation()));
            if (after.phase() == MigrationPhase.SWITCHED) {
                scheduleBindingTimeout(after);
            }
        }
        final boolean completed = before.inProgress() && after.phase() == MigrationPhase.BOUND
            && after.abortReason() == null && after.activatedAt() != null;
        if (completed) {
            awaitingCleanup.put(after.port(), new Pending(version, after.generation()));
        }
    }

    private void scheduleBindingTimeout(final MigrationRecord record) {
        final Duration timeout = config.current().bindingTimeout();
        final long generation = record.generation();
        executor.schedule(() -> bindingTimedOut(record.port(), generation), timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    }

    /**
     * The binding timeout of a switched migration: liveflow writes the binding Nova did not, and reports the
     * migration bound only once that write is stored, so that whoever reads "bound" reads the new binding too. A
     * write that fails (the port deleted, the configuration overloaded) is tried again after another timeout.
     */
    private void bindingTimedOut(final String port, final long generation) {
        final MigrationRecord record = records.get(port);
        if (record == null || record.generation() != generation || record.phase() != MigrationPhase.SWITCHED) {
            // nothing to write: the state machine records why the timeout is ignored
            handle(new MigrationEvent.BindingTimeout(port, generation));
            return;
        }
        bindingWrites.add(port);
        bindingWriter.moveBinding(port, record.destination()).whenCompleteAsync((stored, failure) -> {
            if (failure == null) {
                handle(new MigrationEvent.BindingTimeout(port, generation));
            } else {
                bindingWrites.remove(port);
                final MigrationRecord now = records.get(port);
                if (now != null && now.generation() == generation && now.phase() == MigrationPhase.SWITCHED) {
                    LOG.warn("port {}: binding-chassis not moved ({}); trying again after the binding timeout",
                        port, failure.getMessage());
                    scheduleBindingTimeout(now);
                }
            }
        }, executor);
    }

    /**
     * Recomputes the placements; publishes them when they changed. Returns the current version.
     */
    private long republishPlacements() {
        final Map<String, PortMigration> ports = new TreeMap<>();
        for (MigrationRecord record : records.values()) {
            final PortMigration.Phase phase = switch (record.phase()) {
                case PREPARED -> PortMigration.Phase.PREPARED;
                case SWITCHED -> PortMigration.Phase.SWITCHED;
                default -> bindingWrites.contains(record.port()) ? PortMigration.Phase.SWITCHED : null;
            };
            if (phase != null) {
                ports.put(record.port(), new PortMigration(record.port(), phase, record.source(),
                    record.destination(), record.generation(), dualDelivered.contains(record.port())));
            }
        }
        if (!ports.equals(placements.ports())) {
            placements = new Placements(placements.version() + 1, ports);
            subscribers.publish(placements);
        }
        return placements.version();
    }

    private void programmedOnEngine(final long version) {
        final Instant now = Instant.now();
        boolean dualDeliveryWritten = false;
        for (Map.Entry<String, Pending> entry : Map.copyOf(awaitingDualDelivery).entrySet()) {
            final MigrationRecord record = records.get(entry.getKey());
            if (entry.getValue().version() <= version && record != null
                    && record.generation() == entry.getValue().generation() && record.inProgress()) {
                awaitingDualDelivery.remove(entry.getKey());
                dualDelivered.add(entry.getKey());
                dualDeliveryWritten = true;
            }
        }
        if (dualDeliveryWritten) {
            republishPlacements();
        }
        for (Map.Entry<String, Pending> entry : Map.copyOf(awaitingConvergence).entrySet()) {
            final MigrationRecord record = records.get(entry.getKey());
            if (entry.getValue().version() > version) {
                continue;
            }
            awaitingConvergence.remove(entry.getKey());
            if (record != null && record.generation() == entry.getValue().generation()
                    && record.activatedAt() != null) {
                final long micros = Duration.between(record.activatedAt(), now).toNanos() / 1000;
                LOG.info("port {}: every chassis' flows written {} us after activation", record.port(), micros);
                update(record, record.converged(micros));
            }
        }
        for (Map.Entry<String, Pending> entry : Map.copyOf(awaitingCleanup).entrySet()) {
            if (entry.getValue().version() > version) {
                continue;
            }
            awaitingCleanup.remove(entry.getKey());
            final MigrationRecord record = records.get(entry.getKey());
            if (record != null && record.generation() == entry.getValue().generation()) {
                verifySource(record);
            }
        }
    }

    private void verifySource(final MigrationRecord record) {
        final Chassis source = config.current().chassis().get(record.source());
        final Optional<String> nodeId = source == null ? Optional.empty()
            : inventory.current().connectedSwitchOf(source).map(view -> view.nodeId());
        if (nodeId.isEmpty()) {
            update(record, record.cleaned(SourceCleanup.UNVERIFIABLE));
            return;
        }
        Futures.addCallback(cleanupCheck.check(nodeId.orElseThrow(), movingWith(config.current(), record.port())),
            new FutureCallback<SourceCleanup>() {
                @Override
                public void onSuccess(final SourceCleanup result) {
                    final MigrationRecord now = records.get(record.port());
                    if (now != null && now.generation() == record.generation()) {
                        update(now, now.cleaned(result));
                    }
                }

                @Override
                public void onFailure(final Throwable cause) {
                    LOG.debug("source check of {} abandoned", record.port(), cause);
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

    private void update(final MigrationRecord before, final MigrationRecord after) {
        records.put(after.port(), after);
        status.publish(before, after);
        journal.save(after);
    }
}
