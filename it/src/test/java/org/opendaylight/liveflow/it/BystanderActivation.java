/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.opendaylight.liveflow.it.lab.BystanderSwitches;

/**
 * When each bystander switched a migrating VM from its source to its destination, from the switches' own clocks.
 * OVN's bystanders are read from a flow monitor ({@code OvnOverlay#bystanderActivation}); liveflow's here, from
 * the age of the flow that sends the VM's MAC into the tunnel to the destination, which Open vSwitch starts when
 * the flow is added (an identical replacement or a modification keeps it; a deletion and new addition would
 * restart it, which the check against the controller's own figure in the benchmark's note would show).
 *
 * <p>A reading places a flow's start by its age, which the switch gives as it answers, somewhere between the moment
 * the reading was asked for and the moment its answer was read. The figures take the latter (they err late, never
 * early); {@code earliestAfterResume} takes the former, so that together they bracket when each switch switched.
 * On this two-core machine a reading can take hundreds of milliseconds while the controller is busy.
 *
 * @param millisAfterResume per bystander that switched, ms from R (the VM's RARP) to its flow, sorted
 * @param neverSwitched bystanders holding no such flow
 * @param earliestAfterResume the same bystanders at the earliest their flow can have started, sorted; empty when
 *     the switches were not read this way (OVN's monitor)
 */
record BystanderActivation(List<Double> millisAfterResume, int neverSwitched, List<Double> earliestAfterResume) {

    /**
     * Reads every bystander's flows now; {@code resumedMicros} is R on the wall clock (µs since the epoch).
     */
    static BystanderActivation measure(final BystanderSwitches bystanders, final String vmMac,
            final long destinationTunnelOfport, final long resumedMicros) throws IOException {
        return read(bystanders, "dl_dst=" + vmMac, flow -> flow.contains("actions=")
            && flow.substring(flow.indexOf("actions=")).contains("output:" + destinationTunnelOfport), resumedMicros);
    }

    /**
     * Reads every bystander's flows that {@code match} selects (as ovs-ofctl's dump-flows takes it) and
     * {@code which} keeps, now: when the youngest of them started on each switch, in ms from {@code fromMicros}
     * (µs since the epoch).
     */
    static BystanderActivation read(final BystanderSwitches bystanders, final String match,
            final Predicate<String> which, final long fromMicros) throws IOException {
        final List<Double> out = new ArrayList<>();
        final List<Double> earliest = new ArrayList<>();
        int never = 0;
        for (BystanderSwitches.Bystander bystander : bystanders.all()) {
            final long askedMicros = ProbeStream.micros(Instant.now());
            final List<String> flows = bystanders.flowsMatching(bystander, match);
            // the flows' ages are measured when the switch answered, which is before this moment: the result errs
            // late by the time ovs-ofctl takes to return, never early
            final long readMicros = ProbeStream.micros(Instant.now());
            final double age = BystanderSwitches.youngest(flows.stream().filter(which).toList(), "");
            if (age < 0) {
                never++;
            } else {
                out.add((readMicros - age * 1_000_000 - fromMicros) / 1000.0);
                earliest.add((askedMicros - age * 1_000_000 - fromMicros) / 1000.0);
            }
        }
        out.sort(Double::compare);
        earliest.sort(Double::compare);
        return new BystanderActivation(List.copyOf(out), never, List.copyOf(earliest));
    }

    double percentile(final double fraction) {
        return percentile(millisAfterResume, fraction);
    }

    private static double percentile(final List<Double> sorted, final double fraction) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        final int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /**
     * Returns the same switches measured from {@code millis} after R instead (when the RARP reached a switch, say).
     */
    BystanderActivation from(final double millis) {
        return new BystanderActivation(millisAfterResume.stream().map(value -> value - millis).toList(),
            neverSwitched, earliestAfterResume.stream().map(value -> value - millis).toList());
    }

    String summary() {
        return summary("R");
    }

    /**
     * Returns the percentiles as the benchmarks print them, from {@code origin}.
     */
    String summary(final String origin) {
        return summary("switched (switch-side)", origin);
    }

    /**
     * As {@link #summary(String)}, saying what the bystanders did and how it was read ({@code done}: "switched
     * (switch-side)", say).
     */
    String summary(final String done, final String origin) {
        return String.format(
            "%d bystanders %s p50 %.0f ms, p99 %.0f ms, max %.0f ms after %s%s%s; ",
            millisAfterResume.size(), done, percentile(0.5), percentile(0.99), percentile(1.0), origin,
            neverSwitched > 0 ? ", " + neverSwitched + " never" : "",
            earliestAfterResume.isEmpty() ? "" : String.format(" (at the earliest, had each switch answered as it "
                + "was asked: p50 %.0f ms, p99 %.0f ms, max %.0f ms)", percentile(earliestAfterResume, 0.5),
                percentile(earliestAfterResume, 0.99), percentile(earliestAfterResume, 1.0)));
    }
}
