/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;

/**
 * A minimal RESTCONF client (RFC 8040, JSON) for the tests, authenticating as the distribution's default admin.
 */
final class Restconf {
    /**
     * One HTTP answer: status and body, with the body parsed when it is JSON.
     */
    record Response(int status, String body) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }

        /**
         * Returns the first RESTCONF error-message of an error answer.
         */
        String errorMessage() throws IOException {
            return json().path("errors").path("error").path(0).path("error-message").asText();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;
    private final String base;
    private final String auth;

    Restconf(final int port) {
        this("http://127.0.0.1:" + port, "admin:admin",
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /**
     * A client of RESTCONF at {@code base} (scheme, address and port), as {@code credentials} (user:password),
     * through {@code client} (which holds the trust of an HTTPS server's CA).
     */
    Restconf(final String base, final String credentials, final HttpClient client) {
        this.base = base;
        this.client = client;
        auth = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    Response get(final String path) throws IOException {
        return send(request(path).GET());
    }

    Response put(final String path, final String json) throws IOException {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response post(final String path, final String json) throws IOException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Sends any method with any content type and body, as a careless or hostile client would.
     */
    Response sendAny(final String method, final String path, final String contentType, final String body)
            throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
            .header("Authorization", auth).header("Content-Type", contentType).header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    Response delete(final String path) throws IOException {
        return send(request(path).DELETE());
    }

    /**
     * Subscribes to a YANG notification's JSON stream (RESTCONF 6.0.8: listing the streams creates them, a GET of
     * the stream's subscription path subscribes) and opens it as server-sent events; returns its lines as they
     * come. Close the stream to unsubscribe.
     */
    Stream<String> notifications(final String module, final String notification)
            throws IOException {
        final Response streams = get("/rests/data/ietf-restconf-monitoring:restconf-state/streams");
        if (streams.status() != 200) {
            throw new IOException("listing the notification streams answered " + streams.status() + ": "
                + streams.body());
        }
        final String stream = "notification-stream/" + module + ":" + notification + "/JSON";
        final Response subscribed = get("/rests/data/ietf-restconf-monitoring:restconf-state/streams/stream/"
            + stream);
        if (subscribed.status() != 200) {
            throw new IOException("subscribing to " + stream + " answered " + subscribed.status() + ": "
                + subscribed.body());
        }
        try {
            final HttpResponse<Stream<String>> events = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/rests/notif/" + stream)).header("Authorization", auth)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
            if (events.statusCode() != 200) {
                throw new IOException("the event stream " + stream + " answered " + events.statusCode());
            }
            return events.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    /**
     * Returns the status of a GET, or -1 when nothing listens yet.
     */
    int probe(final String path) {
        try {
            return get(path).status();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Returns the status of a GET, or -1 when nothing listens or no answer came within {@code timeout}: for a
     * server that is expected not to answer, which would otherwise hold the caller for the usual 30 s.
     */
    int probe(final String path, final Duration timeout) {
        try {
            return send(request(path).timeout(timeout).GET()).status();
        } catch (IOException e) {
            return -1;
        }
    }

    private HttpRequest.Builder request(final String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    }

    private Response send(final HttpRequest.Builder request) throws IOException {
        try {
            final HttpResponse<String> response = client.send(request.build(),
                HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }
}
