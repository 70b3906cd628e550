/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write benchmark, not part of the test command (run: it/write-benchmark): the latency of single port writes over
 * RESTCONF, one after the other as a cloud's port service makes them, as the overlay grows from 1,000 to 100,000
 * ports. The overlay is loaded between the measurements by merges of 1,000 ports; at each size, {@code SAMPLES}
 * new ports are written one by one with PUT and timed from request to answer (the commit, its validation and the
 * answer). Also reports the controller's heap after a full collection, and per port what it grew by since the
 * overlay held no port. No switch is connected: this measures the configuration path, not flow programming.
 */
class WriteBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBenchmark.class);
    private static final List<Integer> SIZES = Arrays.stream(System.getProperty("liveflow.bench.sizes",
        "1000,2000,5000,10000,20000,50000,100000").split(",")).map(String::trim).map(Integer::valueOf).toList();
    private static final int SAMPLES = Integer.getInteger("liveflow.bench.samples", 200);
    private static final int PORTS_PER_NETWORK = 100;
    private static final int BULK = 1000;
    private static final int CHASSIS = 20;

    private int ports;
    private int networks;
    private final List<Integer> nextHost = new ArrayList<>();

    @Test
    void singlePortWritesAsTheOverlayGrows() throws Exception {
        System.setProperty("liveflow.it.quiet", "true");
        try (KarafInstance karaf = KarafInstance.start("write-benchmark", UnaryOperator.identity(), true)) {
            final Restconf restconf = karaf.restconf();
            final String chassis = IntStream.rangeClosed(1, CHASSIS).mapToObj(c -> String.format(Locale.ROOT,
                "{\"name\": \"c%d\", \"tunnel-ip\": \"192.0.2.%d\"}", c, c)).collect(Collectors.joining(","));
            final int created = restconf.put("/rests/data/liveflow:overlay", "{\"liveflow:overlay\": {"
                + "\"tenants\": {\"tenant\": [{\"id\": \"t1\"}]}, \"chassis-registry\": {\"chassis\": [" + chassis
                + "]}}}").status();
            assertTrue(created == 201 || created == 204, "overlay answered " + created);
            final long emptyHeapKib = karaf.heapUsedAfterGcKib();
            saveHistogram(karaf, 0);
            final List<String> rows = new ArrayList<>();
            rows.add("| ports | p50 ms | p90 ms | p99 ms | max ms | writes/s | CPU ms per write | heap after GC "
                + "| heap per port |");
            rows.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int size : SIZES) {
                while (ports < size) {
                    load(restconf, Math.min(BULK, size - ports));
                }
                final long[] micros = new long[SAMPLES];
                final long cpuBefore = karaf.cpuMillis();
                final long start = System.nanoTime();
                for (int i = 0; i < SAMPLES; i++) {
                    final int network = i % networks;
                    final String id = "w" + size + "-" + i;
                    final long sent = System.nanoTime();
                    final var answer = restconf.put("/rests/data/liveflow:overlay/ports/port=" + id,
                        "{\"liveflow:port\": [" + portJson(id, network, ports) + "]}");
                    micros[i] = (System.nanoTime() - sent) / 1000;
                    assertEquals(201, answer.status(), "port " + id + ": " + answer.body());
                    ports++;
                }
                final double seconds = (System.nanoTime() - start) / 1e9;
                // what the writes cost the controller, the work after each commit included (listeners, index),
                // less what it uses when idle (timers, probes)
                Thread.sleep(2000);
                final long cpuUsed = karaf.cpuMillis() - cpuBefore;
                final double cpuPerWrite = (cpuUsed - (seconds * 1000 + 2000) * idleCpuPerMilli(karaf)) / SAMPLES;
                Arrays.sort(micros);
                final long heapKib = karaf.heapUsedAfterGcKib();
                saveHistogram(karaf, ports);
                final String row = String.format(Locale.ROOT,
                    "| %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.1f | %d MiB | %.2f KiB |", size, pct(micros, 50),
                    pct(micros, 90), pct(micros, 99), micros[micros.length - 1] / 1000.0, SAMPLES / seconds,
                    cpuPerWrite, heapKib / 1024, (double) (heapKib - emptyHeapKib) / ports);
                LOG.info("write benchmark {}", row);
                rows.add(row);
            }
            LOG.info("write benchmark, {} single-port PUTs per size, one at a time:\n{}", SAMPLES,
                String.join("\n", rows));
        }
    }

    /**
     * Keeps the controller's class histogram at this size in target/heap-histogram-PORTS.txt: what a port costs,
     * class by class, is the difference between two of them.
     */
    private static void saveHistogram(final KarafInstance karaf, final int ports) throws Exception {
        Files.writeString(Path.of("target", "heap-histogram-" + ports + ".txt"), karaf.heapHistogram());
    }

    /**
     * Merges {@code count} more ports into the overlay in one request, with the networks and subnets they need.
     */
    private void load(final Restconf restconf, final int count) throws Exception {
        final List<String> newNetworks = new ArrayList<>();
        final List<String> newSubnets = new ArrayList<>();
        final List<String> newPorts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final int network = (ports + i) / PORTS_PER_NETWORK;
            while (networks <= network) {
                newNetworks.add(String.format(Locale.ROOT,
                    "{\"id\": \"net%d\", \"tenant\": \"t1\", \"segmentation-id\": %d}", networks, 5000 + networks));
                newSubnets.add(String.format(Locale.ROOT, "{\"id\": \"s%d\", \"tenant\": \"t1\", "
                    + "\"network\": \"net%d\", \"cidr\": \"%s.0/24\", \"gateway-ip\": \"%s.1\"}", networks, networks,
                    prefix(networks), prefix(networks)));
                nextHost.add(2);
                networks++;
            }
            newPorts.add(portJson("p" + (ports + i), network, ports + i));
        }
        final String body = "{\"liveflow:overlay\": {\"networks\": {\"network\": [" + String.join(",", newNetworks)
            + "]}, \"subnets\": {\"subnet\": [" + String.join(",", newSubnets) + "]}, \"ports\": {\"port\": ["
            + String.join(",", newPorts) + "]}}}";
        final var answer = restconf.sendAny("PATCH", "/rests/data/liveflow:overlay", "application/yang-data+json",
            body);
        assertTrue(answer.status() == 200 || answer.status() == 204, "bulk load answered " + answer.status() + ": "
            + answer.body());
        ports += count;
    }

    /**
     * Returns a port on {@code network} with the network's next free address and MAC number {@code serial}.
     */
    private String portJson(final String id, final int network, final int serial) {
        final int host = nextHost.get(network);
        nextHost.set(network, host + 1);
        final int mac = serial + 1;
        return String.format(Locale.ROOT, "{\"id\": \"%s\", \"tenant\": \"t1\", \"network\": \"net%d\", "
            + "\"mac-address\": \"fa:16:3e:%02x:%02x:%02x\", \"fixed-ip\": [{\"subnet\": \"s%d\", \"ip-address\": "
            + "\"%s.%d\"}], \"binding-chassis\": \"c%d\"}", id, network, (mac >> 16) & 0xff, (mac >> 8) & 0xff,
            mac & 0xff, network, prefix(network), host, 1 + network % CHASSIS);
    }

    /**
     * Returns the CPU the idle controller uses per millisecond (its timers and probes), measured over 2 s.
     */
    private static double idleCpuPerMilli(final KarafInstance karaf) throws Exception {
        final long before = karaf.cpuMillis();
        Thread.sleep(2000);
        return (karaf.cpuMillis() - before) / 2000.0;
    }

    private static String prefix(final int network) {
        return "10." + (network / 256) + "." + (network % 256);
    }

    private static double pct(final long[] sorted, final int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1000.0;
    }
}
