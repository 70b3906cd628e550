/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.restconf;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns RESTCONF's refusals of a liveflow write that do not say what is wrong into ones that do. Pure: it takes the
 * request and RESTCONF's answer and returns the answer to send instead, if any.
 *
 * <ul>
 *   <li>400 for a value the model's types refuse (RESTCONF's message is absent, or names a type but no field):
 *       the message of {@link ModelBodyCheck}, RESTCONF's own text kept as error-info;</li>
 *   <li>500 for a missing mandatory leaf (the datastore refuses the commit): 400 missing-element naming it;</li>
 *   <li>415 with no body: a message naming the content types RESTCONF takes.</li>
 * </ul>
 * Any other answer is sent as RESTCONF gave it, the validation's refusals included: their messages are liveflow's.
 */
final class WriteErrors {
    private static final Pattern MISSING_MANDATORY = Pattern.compile(
        "Node \\([^)]*\\)([\\w.-]+)(?:\\[\\{\\([^)]*\\)[\\w.-]+=([^}\\]]*)\\}\\])? is missing mandatory descendant "
        + "(\\S+?)[\\]\"]");

    /** The answer to send: status and a RESTCONF errors document. */
    record Answer(int status, String body) {
    }

    private final ModelBodyCheck check;

    WriteErrors(final ModelBodyCheck check) {
        this.check = check;
    }

    /**
     * Returns the refusal of a JSON write whose body does not fit the model, before RESTCONF sees it; empty for any
     * other write (XML, YANG patch, or a body that fits).
     */
    Optional<Answer> refuse(final String method, final String dataPath, final String contentType,
            final String requestBody) {
        if (!isPlainJson(contentType)) {
            return Optional.empty();
        }
        return check.firstProblem(method, dataPath, requestBody).map(problem -> answer(400, "application",
            "invalid-value", problem, null));
    }

    private static boolean isPlainJson(final String contentType) {
        final String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.startsWith("application/yang-data+json");
    }

    Optional<Answer> explain(final String method, final String dataPath, final String contentType,
            final String requestBody, final int status, final String responseBody) {
        if (status == 415 && responseBody.isBlank()) {
            return Optional.of(answer(415, "protocol", "invalid-value", "Content-Type '" + contentType
                + "' is not accepted: send the body as application/json, application/yang-data+json or "
                + "application/yang-data+xml", null));
        }
        final JsonObject error = firstError(responseBody);
        if (status == 500 && error != null) {
            final Matcher missing = MISSING_MANDATORY.matcher(text(error, "error-info"));
            if (missing.find()) {
                final String leaf = missing.group(3).substring(missing.group(3).lastIndexOf(')') + 1);
                final String object = missing.group(1) + (missing.group(2) == null ? "" : " " + missing.group(2));
                return Optional.of(answer(400, "application", "missing-element", object + ": " + leaf
                    + " is mandatory and missing", null));
            }
            return Optional.empty();
        }
        if (status != 400 || error != null && "application".equals(text(error, "error-type"))
                && !text(error, "error-message").isEmpty()) {
            return Optional.empty();
        }
        final String original = error == null ? "" : text(error, "error-message").isEmpty()
            ? text(error, "error-info") : text(error, "error-message");
        final Optional<String> problem = check.firstProblem(method, dataPath, requestBody);
        final String tag = error == null || text(error, "error-tag").isEmpty() ? "invalid-value"
            : text(error, "error-tag");
        if (problem.isPresent()) {
            return Optional.of(answer(400, "application", tag, problem.orElseThrow(),
                original.isEmpty() ? null : original));
        }
        if (error != null && text(error, "error-message").isEmpty()) {
            return Optional.of(answer(400, "application", tag, "the body does not fit the liveflow model"
                + (original.isEmpty() ? "" : ": " + original), null));
        }
        return Optional.empty();
    }

    private static JsonObject firstError(final String body) {
        final JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            return null;
        }
        final JsonElement errors = root.isJsonObject() ? root.getAsJsonObject().get("errors") : null;
        final JsonElement error = errors != null && errors.isJsonObject() ? errors.getAsJsonObject().get("error")
            : null;
        final JsonElement first = error != null && error.isJsonArray() && !error.getAsJsonArray().isEmpty()
            ? error.getAsJsonArray().get(0) : error;
        return first != null && first.isJsonObject() ? first.getAsJsonObject() : null;
    }

    private static String text(final JsonObject object, final String member) {
        final JsonElement value = object.get(member);
        return value == null || !value.isJsonPrimitive() ? "" : value.getAsString();
    }

    private static Answer answer(final int status, final String type, final String tag, final String message,
            final String info) {
        final JsonObject error = new JsonObject();
        error.addProperty("error-type", type);
        error.addProperty("error-tag", tag);
        error.addProperty("error-message", message);
        if (info != null) {
            error.addProperty("error-info", info);
        }
        final JsonArray list = new JsonArray();
        list.add(error);
        final JsonObject errors = new JsonObject();
        errors.add("error", list);
        final JsonObject root = new JsonObject();
        root.add("errors", errors);
        return new Answer(status, root.toString());
    }
}
