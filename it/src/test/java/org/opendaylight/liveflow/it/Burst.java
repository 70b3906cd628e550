/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends many RESTCONF requests at the same moment, as many clients would, and collects every answer with its
 * latency from that moment. A request without an answer within {@link #NO_ANSWER_AFTER} is recorded as status
 * {@link #NO_ANSWER}, never waited for longer.
 */
final class Burst {
    static final int NO_ANSWER = -1;
    static final Duration NO_ANSWER_AFTER = Duration.ofSeconds(30);
    private static final String AUTH = "Basic "
        + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    /**
     * One client's request.
     */
    record Request(String method, String path, String json) {
    }

    /**
     * What one client got: the status (or {@link #NO_ANSWER}), the body (or why there was none), its
     * Retry-After header (empty when absent) and how long after the burst started it came.
     */
    record Answer(Request request, int status, String body, String retryAfter, Duration latency) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Burst(final int httpPort) {
        base = "http://127.0.0.1:" + httpPort;
    }

    /**
     * Sends every request at once and returns the answers in the order of the requests.
     */
    List<Answer> send(final List<Request> requests) throws InterruptedException {
        final List<HttpRequest> built = requests.stream().map(this::build).toList();
        final long start = System.nanoTime();
        final List<CompletableFuture<Answer>> pending = new ArrayList<>(requests.size());
        for (int i = 0; i < built.size(); i++) {
            final Request request = requests.get(i);
            pending.add(client.sendAsync(built.get(i), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    final Duration latency = Duration.ofNanos(System.nanoTime() - start);
                    return failure != null
                        ? new Answer(request, NO_ANSWER, String.valueOf(failure), "", latency)
                        : new Answer(request, response.statusCode(), response.body(),
                            response.headers().firstValue("Retry-After").orElse(""), latency);
                }));
        }
        final List<Answer> answers = new ArrayList<>(pending.size());
        for (CompletableFuture<Answer> answer : pending) {
            try {
                answers.add(answer.get(NO_ANSWER_AFTER.toSeconds() + 5, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the HTTP client lost a request", e);
            }
        }
        return answers;
    }

    /**
     * Sends one request and waits for its answer (or records none).
     */
    Answer sendOne(final Request request) throws InterruptedException {
        return send(List.of(request)).get(0);
    }

    static Map<Integer, Integer> countByStatus(final List<Answer> answers) {
        final Map<Integer, Integer> counts = new TreeMap<>();
        answers.forEach(answer -> counts.merge(answer.status(), 1, Integer::sum));
        return counts;
    }

    static Duration slowest(final List<Answer> answers) {
        return answers.stream().map(Answer::latency).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private HttpRequest build(final Request request) {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
            .timeout(NO_ANSWER_AFTER)
            .header("Authorization", AUTH)
            .header("Accept", "application/json");
        if (request.json() == null) {
            return builder.method(request.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
            .method(request.method(), HttpRequest.BodyPublishers.ofString(request.json())).build();
    }
}
