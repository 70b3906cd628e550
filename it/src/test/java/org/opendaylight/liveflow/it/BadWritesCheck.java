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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opendaylight.mdsal.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * More than a thousand bad writes generated from the YANG model ({@link BadWriteCases}), sent to the real
 * distribution: every one must be refused with a 4xx whose error-message names the field, none may answer 5xx, and
 * the configuration datastore must be byte for byte what it was before. {@link LiveflowDistributionIT} runs it
 * last, on its controller, after storing {@link BadWriteOverlay} (an object of every kind for the cases to refer to).
 */
final class BadWritesCheck {
    private static final Logger LOG = LoggerFactory.getLogger(BadWritesCheck.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CONFIG = OverlayClient.OVERLAY + "?content=config";
    private static final int AT_LEAST = 1000;
    private static final int CLIENTS = 4;

    private BadWritesCheck() {
    }

    static void run(final Restconf restconf) throws IOException {
        final String before = restconf.get(CONFIG).body();
        final JsonNode stored = MAPPER.readTree(before);
        final List<BadWriteCases.Case> cases = BadWriteCases.generate(
            BindingRuntimeHelpers.createEffectiveModel(Overlay.class), stored);
        assertTrue(cases.size() >= AT_LEAST, "only " + cases.size() + " cases generated");
        final Map<String, Integer> byTag = new ConcurrentSkipListMap<>();
        final Map<Integer, Integer> byStatus = new ConcurrentSkipListMap<>();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        // a few clients at once, as a real user base sends: refusals are answered without a write turn
        final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (Future<?> sent : clients.invokeAll(cases.stream().<Callable<Void>>map(bad -> () -> {
                send(bad, byStatus, byTag, failures, restconf);
                return null;
            }).toList())) {
                sent.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IOException("sending the bad writes failed", e);
        } finally {
            clients.shutdownNow();
        }
        LOG.info("bad writes: {} sent; by status {}; by error-tag {}; {} not as required", cases.size(), byStatus,
            byTag, failures.size());
        assertEquals(List.of(), failures.subList(0, Math.min(30, failures.size())), failures.size()
            + " bad writes not refused as required, the first 30 shown");
        assertEquals(before, restconf.get(CONFIG).body(), "a refused write changed the configuration");
    }

    private static void send(final BadWriteCases.Case bad, final Map<Integer, Integer> byStatus,
            final Map<String, Integer> byTag, final List<String> failures, final Restconf restconf)
            throws IOException {
        final Restconf.Response answer = restconf.sendAny(bad.method(), bad.path(), bad.contentType(), bad.body());
        byStatus.merge(answer.status(), 1, Integer::sum);
        final JsonNode error = errorOf(answer);
        final String message = error.path("error-message").asText("");
        byTag.merge(error.path("error-tag").asText("(none)"), 1, Integer::sum);
        if (answer.status() < 400 || answer.status() >= 500) {
            failures.add(answer.status() + " for " + bad + ": " + answer.body());
        } else if (message.isBlank()) {
            failures.add(answer.status() + " without error-message for " + bad + ": " + answer.body());
        } else if (bad.field() != null && !words(message).contains(words(bad.field()))) {
            failures.add("message does not name " + bad.field() + " for " + bad + ": " + message);
        }
    }

    private static JsonNode errorOf(final Restconf.Response answer) {
        try {
            final JsonNode errors = MAPPER.readTree(answer.body()).path("errors").path("error");
            return errors.isArray() ? errors.path(0) : errors;
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    /** Compares field names as words: "binding chassis" names binding-chassis. */
    private static String words(final String text) {
        return text.toLowerCase(Locale.ROOT).replace('-', ' ');
    }
}
