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

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 200 clients writing at once, each as a well-behaved Neutron client would (on 503 it waits the Retry-After it
 * was given and retries), while others read: beyond what the controller admits it answers 503 with Retry-After
 * at once, never leaves a request unanswered, keeps answering reads, and in the end stores every write.
 */
class OverloadIT {
    private static final Logger LOG = LoggerFactory.getLogger(OverloadIT.class);
    private static final String OVERLAY = OverlayClient.OVERLAY;
    private static final int WRITERS = 200;
    /**
     * Ports each writer stores: 2 in the test command (200 writers overload the write path from the first request
     * on), 10 for the README's figures ({@code -Doverload.ports=10}).
     */
    private static final int PORTS_PER_WRITER = Integer.getInteger("overload.ports", 2);
    private static final int READERS = 4;
    private static final long READ_INTERVAL_MS = 20;
    /** max-write-wait-ms of the distribution plus room for the write itself. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(7);

    private static KarafInstance karaf;
    private static Restconf restconf;
    private static Burst client;

    @BeforeAll
    static void bootAndConfigure() throws Exception {
        karaf = KarafInstance.start("overload");
        restconf = karaf.restconf();
        client = new Burst(karaf.httpPort());
        final OverlayClient overlay = new OverlayClient(restconf);
        overlay.putTenantNetworkAndSubnet("10.1.0.0/16", "10.1.0.1");
        overlay.put("/ports/port=reader", "port", port("reader", 4095));
    }

    @AfterAll
    static void stop() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void twoHundredWritersAreAnsweredOrToldToRetryAndReadsStayAnswered() throws Exception {
        final List<Burst.Answer> writes = new CopyOnWriteArrayList<>();
        final List<Burst.Answer> reads = new CopyOnWriteArrayList<>();
        final Map<Integer, Integer> attemptsByPort = new ConcurrentHashMap<>();
        final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        // an operator's dashboards and Neutron's agents read steadily, not flat out: each reader every 20 ms
        final ScheduledExecutorService readers = Executors.newScheduledThreadPool(READERS);
        final long start = System.nanoTime();
        try {
            for (int r = 0; r < READERS; r++) {
                readers.scheduleWithFixedDelay(() -> {
                    try {
                        reads.add(client.sendOne(new Burst.Request("GET", OVERLAY + "/ports/port=reader", null)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, 0, READ_INTERVAL_MS, TimeUnit.MILLISECONDS);
            }
            final List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                final int writer = w;
                writers.add(pool.submit(() -> {
                    for (int k = 0; k < PORTS_PER_WRITER; k++) {
                        final int n = writer * PORTS_PER_WRITER + k;
                        attemptsByPort.put(n, writeUntilStored(n, writes));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(10, TimeUnit.MINUTES);
            }
            readers.shutdown();
            assertTrue(readers.awaitTermination(1, TimeUnit.MINUTES), "a read never finished");
        } finally {
            readers.shutdownNow();
            pool.shutdownNow();
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        final int stored = WRITERS * PORTS_PER_WRITER;
        final Map<Integer, Integer> writeStatus = Burst.countByStatus(writes);
        final Map<Integer, Integer> readStatus = Burst.countByStatus(reads);
        final List<Burst.Answer> refused = writes.stream().filter(a -> a.status() == 503).toList();
        LOG.info(String.format("overload: %d writers x %d ports stored in %.1f s (%.1f writes/s); %d write "
            + "requests answered %s; write latency %s; 503 latency %s", WRITERS, PORTS_PER_WRITER, seconds,
            stored / seconds, writes.size(), writeStatus, percentiles(writes), percentiles(refused)));
        LOG.info("overload: most attempts for one port {}", attemptsByPort.values().stream().mapToInt(i -> i).max()
            .orElse(0));
        LOG.info("overload: {} reads by {} readers answered {}; read latency {}", reads.size(), READERS, readStatus,
            percentiles(reads));

        assertEquals(0, writeStatus.getOrDefault(Burst.NO_ANSWER, 0) + readStatus.getOrDefault(Burst.NO_ANSWER, 0),
            "requests without an answer");
        assertEquals(stored, writeStatus.getOrDefault(201, 0), "every port created once");
        assertEquals(writes.size(), stored + refused.size(), () -> "only 201 and 503 expected, got " + writeStatus);
        assertTrue(!refused.isEmpty(), "200 writers never exceeded what the controller admits: 503 untested");
        for (Burst.Answer answer : refused) {
            assertEquals("1", answer.retryAfter(), answer::toString);
            assertTrue(answer.body().contains("The controller is busy"), answer::toString);
        }
        assertEquals(Map.of(200, reads.size()), readStatus, "every read answered 200");
        final Duration slowest = Burst.slowest(writes);
        assertTrue(slowest.compareTo(ANSWER_BOUND) <= 0, "a write waited " + slowest.toMillis() + " ms");
        assertEquals(stored + 1, storedPorts(), "ports in the datastore");
        assertEquals(0, karaf.logLinesContaining("has timed out"), "a shard transaction timed out");
    }

    /**
     * Writes port number, retrying after the Retry-After of every 503; returns how many attempts it took.
     */
    private static int writeUntilStored(final int number, final List<Burst.Answer> writes)
            throws InterruptedException {
        final String id = "load-" + number;
        final Burst.Request request = new Burst.Request("PUT", OVERLAY + "/ports/port=" + id,
            OverlayClient.wrap("port", port(id, number)));
        for (int attempt = 1; ; attempt++) {
            final Burst.Answer answer = client.sendOne(request);
            writes.add(answer);
            if (answer.status() != 503) {
                return attempt;
            }
            // what the client is told to do, and what this test checks the controller survives: not a guess
            TimeUnit.SECONDS.sleep(Long.parseLong(answer.retryAfter()));
        }
    }

    private static String percentiles(final List<Burst.Answer> answers) {
        if (answers.isEmpty()) {
            return "(none)";
        }
        final List<Long> millis = new ArrayList<>(answers.stream().map(a -> a.latency().toMillis()).toList());
        millis.sort(Long::compare);
        return String.format("p50 %d ms, p99 %d ms, max %d ms", millis.get(millis.size() / 2),
            millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1)),
            millis.get(millis.size() - 1));
    }

    private static long storedPorts() throws IOException {
        final Restconf.Response response = restconf.get(OVERLAY + "/ports?content=config");
        assertEquals(200, response.status(), response.body());
        return response.json().path("liveflow:ports").path("port").size();
    }

    private static String port(final String id, final int number) {
        return OverlayClient.unboundPort(id, String.format("fa:16:3e:77:%02x:%02x", number >> 8, number & 0xff),
            "10.1." + (number / 250) + "." + (number % 250 + 2));
    }
}
