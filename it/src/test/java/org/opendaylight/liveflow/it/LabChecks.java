/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendaylight.liveflow.it.lab.OvsChassis;
import org.opendaylight.liveflow.it.lab.OvsLab;
import org.opendaylight.liveflow.it.lab.PcapFile;

/**
 * What the lab tests wait for and read back on the switches: a flow appearing or going, a flow's packet counter,
 * the frames a VM port delivered, and every probe stream reaching a VM port.
 */
final class LabChecks {
    private static final Duration COUNTER_PATIENCE = Duration.ofSeconds(5);

    private LabChecks() {
        // utility class
    }

    /**
     * Waits until the chassis has (or no longer has) a flow containing every fragment.
     */
    static void awaitFlow(final OvsLab lab, final String chassis, final boolean present, final Duration patience,
            final String... fragments) throws Exception {
        final Instant deadline = Instant.now().plus(patience);
        while (lab.chassis(chassis).flows().stream()
                .anyMatch(flow -> List.of(fragments).stream().allMatch(flow::contains)) != present) {
            assertTrue(Instant.now().isBefore(deadline), chassis + (present ? " never got " : " kept ")
                + "a flow with " + List.of(fragments) + ": " + lab.chassis(chassis).flows());
            Thread.sleep(200);
        }
    }

    /**
     * Waits until the chassis delivers to the OpenFlow port: the egress flow (table 60) of a port that is configured
     * there and plugged.
     */
    static void awaitDelivery(final OvsLab lab, final String chassis, final int ofport, final Duration patience)
            throws Exception {
        final Instant deadline = Instant.now().plus(patience);
        while (lab.chassis(chassis).flows().stream().noneMatch(flow -> flow.contains("table=60")
                && flow.endsWith("actions=output:" + ofport))) {
            assertTrue(Instant.now().isBefore(deadline), chassis + " never delivered to port " + ofport);
            Thread.sleep(20);
        }
    }

    /**
     * Waits until the flows containing every fragment have matched at least {@code packets} packets: the proof that
     * a packet was sent, for a check that nothing arrived.
     */
    static void awaitFlowPackets(final OvsLab lab, final String chassis, final long packets,
            final String... fragments) throws Exception {
        final Instant deadline = Instant.now().plus(COUNTER_PATIENCE);
        while (lab.chassis(chassis).packetsOfFlows(fragments) < packets) {
            assertTrue(Instant.now().isBefore(deadline), "the packet never matched " + List.of(fragments));
            Thread.sleep(100);
        }
    }

    /**
     * Returns how many frames each VM port delivered, by "chassis/port".
     */
    static Map<String, Long> counts(final OvsLab lab, final List<String> chassisAndPorts) throws IOException {
        final Map<String, Long> out = new HashMap<>();
        for (String vm : chassisAndPorts) {
            final String[] parts = vm.split("/");
            out.put(vm, lab.chassis(parts[0]).deliveredFrames(parts[1]));
        }
        return out;
    }

    static byte[] lastFrame(final OvsLab lab, final String chassis, final String vm) throws IOException {
        final List<PcapFile.Frame> frames = lab.chassis(chassis).deliveredFramesWithTimes(vm);
        return frames.get(frames.size() - 1).bytes();
    }

    static String mac(final byte[] frame, final int offset) {
        return HexFormat.ofDelimiter(":").formatHex(frame, offset, offset + 6);
    }

    static String ip(final byte[] frame, final int offset) {
        return (frame[offset] & 0xff) + "." + (frame[offset + 1] & 0xff) + "." + (frame[offset + 2] & 0xff) + "."
            + (frame[offset + 3] & 0xff);
    }

    /**
     * Waits until, for each of the streams 0 to {@code streams - 1}, at least {@code count} probes sent since
     * {@code sinceMicros} were delivered by the VM port {@code vm} of the chassis.
     */
    static void awaitEveryStream(final ProbeStream probes, final OvsChassis chassis, final String vm,
            final int streams, final long sinceMicros, final String what, final int count, final Duration patience)
            throws Exception {
        final Instant deadline = Instant.now().plus(patience);
        while (true) {
            final Map<Integer, Long> perStream = new HashMap<>();
            ProbeStream.probesIn(chassis.deliveredFramesWithTimes(vm)).stream().distinct()
                .filter(probe -> probes.sentAt(probe) >= sinceMicros)
                .forEach(probe -> perStream.merge(probe.sender(), 1L, Long::sum));
            boolean all = true;
            for (int stream = 0; stream < streams; stream++) {
                all &= perStream.getOrDefault(stream, 0L) >= count;
            }
            if (all) {
                return;
            }
            assertTrue(Instant.now().isBefore(deadline), "probes " + what + " per stream: " + perStream);
            Thread.sleep(100);
        }
    }

    /** flow-diff's summary line: desired, missing and unexpected flows. */
    private static final Pattern FLOW_DIFF = Pattern.compile("(\\d+) desired, \\d+ installed, (\\d+) missing, "
        + "(\\d+) unexpected");

    /** What a switch holds, read from the switch itself. */
    interface HeldFlows {
        int count() throws IOException;
    }

    /**
     * Waits until liveflow's reconciler has converged on a switch (flow-diff: nothing missing, nothing unexpected)
     * and the switch holds as many flows as liveflow wants there: nothing still on its way. Returns that count.
     */
    static int awaitSwitchSettled(final KarafShell shell, final String name, final HeldFlows held,
            final Instant deadline) throws Exception {
        while (true) {
            final String diff = shell.execute("liveflow:flow-diff " + name);
            final Matcher counts = FLOW_DIFF.matcher(diff);
            final int holds = held.count();
            if (counts.find() && "0".equals(counts.group(2)) && "0".equals(counts.group(3))
                    && Integer.parseInt(counts.group(1)) == holds) {
                return holds;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " never settled: " + diff + ", switch holds " + holds + " flows");
            }
            Thread.sleep(200);
        }
    }

    /** flow-diff's record line: how many changes the switches committed are not in the record yet. */
    private static final Pattern UNRECORDED = Pattern.compile("(\\d+) changes of all switches not written yet");

    /**
     * Waits until the record (the config inventory a restarted controller starts from) holds every change the
     * switches committed: flow-diff of {@code chassis} (any configured one) says none is waiting. The switches are
     * written first and the record after, minutes after at a thousand switches.
     */
    static void awaitRecordWritten(final KarafShell shell, final String chassis, final Instant deadline)
            throws Exception {
        while (true) {
            final String diff = shell.execute("liveflow:flow-diff --summary " + chassis);
            final Matcher waiting = UNRECORDED.matcher(diff);
            if (waiting.find() && "0".equals(waiting.group(1))) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the record never caught up with the switches: " + diff);
            }
            Thread.sleep(200);
        }
    }

    /** How long a probe may still be on its way once its stream stopped: the lab forwards one in milliseconds. */
    static final Duration IN_FLIGHT = Duration.ofSeconds(2);

    /**
     * After a stream stopped, waits until every probe it sent since {@code sinceMicros} was delivered by the VM
     * port {@code vm}, or {@link #IN_FLIGHT} passed, and returns what the port delivered then. The last probes
     * were sent a moment before the stream stopped; counting them before they could arrive took them for lost
     * (seen once in RoutingIT: the last probe of the last sender, delivered 48 ms after the one before it).
     */
    static List<PcapFile.Frame> deliveredAfterDrain(final ProbeStream probes, final OvsChassis chassis,
            final String vm, final long sinceMicros) throws Exception {
        final Set<ProbeStream.Probe> expected = Set.copyOf(probes.sentSince(sinceMicros));
        final Instant deadline = Instant.now().plus(IN_FLIGHT);
        while (true) {
            final List<PcapFile.Frame> frames = chassis.deliveredFramesWithTimes(vm);
            if (Instant.now().isAfter(deadline) || ProbeStream.probesIn(frames).containsAll(expected)) {
                return frames;
            }
            Thread.sleep(50);
        }
    }
}
