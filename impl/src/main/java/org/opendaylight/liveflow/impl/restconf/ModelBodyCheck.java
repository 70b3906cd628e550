/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.restconf;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;

/**
 * Finds the first thing in a RESTCONF write of liveflow data that does not fit the YANG model, and says it the way
 * the validation does: which object, which field, what the field allows ("port p1: mac-address 'zz' is not
 * allowed: it must be a valid mac-address ('[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}')"). It checks the keys in the URL
 * and every leaf of the JSON body against the model; it is asked only once RESTCONF has refused a write, to explain
 * the refusal. Pure.
 */
final class ModelBodyCheck {
    /** The liveflow model nests five levels; a body nesting far deeper is refused without parsing it. */
    static final int MAX_DEPTH = 32;
    private static final int QUOTED_VALUE = 40;
    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

    private final EffectiveModelContext model;
    private final String moduleName;

    ModelBodyCheck(final EffectiveModelContext model, final String moduleName) {
        this.model = model;
        this.moduleName = moduleName;
    }

    /**
     * Returns the first problem of a write, or empty when the URL's keys and the body fit the model (or the body is
     * not JSON, or the URL is not under this module: RESTCONF's own message says that well).
     *
     * @param method the HTTP method: POST creates a child of the URL's node, PUT and PATCH write the node itself
     * @param dataPath the URL's path after /data, such as /liveflow:overlay/ports/port=p1
     */
    Optional<String> firstProblem(final String method, final String dataPath, final String body) {
        final Optional<? extends Module> module = model.findModules(moduleName).stream().findFirst();
        if (module.isEmpty()) {
            return Optional.empty();
        }
        final Target url = target(module.orElseThrow(), dataPath);
        if (url == null || url.problem() != null) {
            return Optional.ofNullable(url == null ? null : url.problem());
        }
        if (depth(body) > MAX_DEPTH) {
            return Optional.of("the body nests JSON arrays and objects more than " + MAX_DEPTH
                + " levels deep; no liveflow object nests more than a few");
        }
        final JsonElement root;
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            try {
                root = ELEMENTS.read(reader);
            } catch (IOException | JsonParseException | IllegalStateException e) {
                // not JSON: RESTCONF's own message gives the position
                return Optional.empty();
            }
            // read to the end: RESTCONF's merge takes a body with text after its object
            if (!endsThere(reader)) {
                return Optional.of("the body goes on after its JSON object; send one JSON object");
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        final DataSchemaNode node = url.node();
        if (node == null && root.isJsonObject() && root.getAsJsonObject().size() != 1) {
            // a write of the whole datastore may hold every module's data: RESTCONF judges it
            return Optional.empty();
        }
        if (!root.isJsonObject() || root.getAsJsonObject().size() != 1) {
            return Optional.of("the body must be a JSON object with one member that names what is written, such "
                + "as {\"" + moduleName + ":" + (node == null ? "overlay" : node.getQName().getLocalName())
                + "\": ...}");
        }
        final Map.Entry<String, JsonElement> member = root.getAsJsonObject().entrySet().iterator().next();
        final DataSchemaNode target = "POST".equals(method) || node == null
            ? url.parent().dataChildByName(QName.create(module.orElseThrow().getQNameModule(),
                localName(member.getKey())))
            : node;
        if (target == null || !target.getQName().getLocalName().equals(localName(member.getKey()))) {
            return Optional.empty();
        }
        final List<String> problems = new ArrayList<>();
        check(target, member.getValue(), target == node ? url.selfAbove() : url.self(), problems);
        return problems.stream().findFirst();
    }

    /**
     * What a URL names: the node (null for the datastore), the container it is in, the list entries on the way as
     * words ("sub-port y in trunk tr"), with and without the node's own, and the first key the model refuses.
     */
    private record Target(DataNodeContainer parent, DataSchemaNode node, String self, String selfAbove,
            String problem) {
    }

    /**
     * Walks the URL's path through the model; null when a step is not in it (RESTCONF's answer names it).
     */
    private static Target target(final Module module, final String dataPath) {
        final QNameModule namespace = module.getQNameModule();
        DataNodeContainer parent = module;
        DataSchemaNode node = null;
        String self = null;
        String selfAbove = null;
        for (String segment : dataPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            final int equals = segment.indexOf('=');
            final String name = localName(equals < 0 ? segment : segment.substring(0, equals));
            node = parent.dataChildByName(QName.create(namespace, name));
            if (node == null) {
                return null;
            }
            selfAbove = self;
            if (node instanceof ListSchemaNode list && equals >= 0) {
                final List<String> keys = List.of(segment.substring(equals + 1).split(",", -1)).stream()
                    .map(key -> URLDecoder.decode(key, StandardCharsets.UTF_8)).toList();
                self = self == null ? entryName(list, keys) : entryName(list, keys) + " in " + self;
                final Optional<String> keyProblem = keyProblem(list, keys, self);
                if (keyProblem.isPresent()) {
                    return new Target(parent, node, self, selfAbove, keyProblem.orElseThrow());
                }
            }
            if (!(node instanceof DataNodeContainer container)) {
                break;
            }
            parent = container;
        }
        return new Target(parent, node, self, selfAbove, null);
    }

    private static boolean endsThere(final JsonReader reader) {
        try {
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private void check(final DataSchemaNode node, final JsonElement value, final String self,
            final List<String> problems) {
        final String name = node.getQName().getLocalName();
        if (node instanceof ListSchemaNode list) {
            if (!value.isJsonArray()) {
                problems.add(where(self) + name + " must be a JSON array of entries");
                return;
            }
            for (JsonElement entry : value.getAsJsonArray()) {
                if (!entry.isJsonObject()) {
                    problems.add(where(self) + "each " + name + " must be a JSON object");
                    return;
                }
                final String entryName = entryName(list, list.getKeyDefinition().stream().map(key -> {
                    final JsonElement keyValue = entry.getAsJsonObject().get(key.getLocalName());
                    return keyValue != null && keyValue.isJsonPrimitive() ? keyValue.getAsString() : "?";
                }).toList());
                children(list, entry.getAsJsonObject(), self == null ? entryName : entryName + " in " + self,
                    problems);
            }
        } else if (node instanceof ContainerSchemaNode container) {
            if (!value.isJsonObject()) {
                problems.add(where(self) + name + " must be a JSON object");
                return;
            }
            children(container, value.getAsJsonObject(), self == null ? name : self, problems);
        } else if (node instanceof LeafSchemaNode leaf) {
            LeafValueCheck.problem(leaf.getQName(), leaf.getType(), value).ifPresent(problem -> problems.add(
                where(self) + name + " " + quote(value) + " is not allowed: " + problem));
        } else if (node instanceof LeafListSchemaNode leafList) {
            if (!value.isJsonArray()) {
                problems.add(where(self) + name + " must be a JSON array of values");
                return;
            }
            for (JsonElement item : value.getAsJsonArray()) {
                LeafValueCheck.problem(leafList.getQName(), leafList.getType(), item).ifPresent(problem ->
                    problems.add(where(self) + name + " " + quote(item) + " is not allowed: " + problem));
            }
        }
    }

    private void children(final DataNodeContainer container, final JsonObject object, final String self,
            final List<String> problems) {
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
            final String name = localName(member.getKey());
            final DataSchemaNode child = container.dataChildByName(QName.create(
                ((DataSchemaNode) container).getQName().getModule(), name));
            if (child == null) {
                problems.add(self + ": '" + name + "' is not a field of " + ((DataSchemaNode) container).getQName()
                    .getLocalName() + "; its fields are " + container.getChildNodes().stream()
                    .map(node -> node.getQName().getLocalName()).collect(Collectors.joining(", ")));
            } else {
                check(child, member.getValue(), self, problems);
            }
        }
    }

    private static Optional<String> keyProblem(final ListSchemaNode list, final List<String> keys,
            final String self) {
        final List<QName> definition = list.getKeyDefinition();
        for (int i = 0; i < Math.min(keys.size(), definition.size()); i++) {
            final DataSchemaNode key = list.dataChildByName(definition.get(i));
            if (key instanceof LeafSchemaNode leaf) {
                final JsonPrimitive value = new JsonPrimitive(keys.get(i));
                final Optional<String> problem = LeafValueCheck.problem(leaf.getQName(), leaf.getType(), value);
                if (problem.isPresent()) {
                    return Optional.of(self + ": " + leaf.getQName().getLocalName() + " " + quote(value)
                        + " (in the URL) is not allowed: " + problem.orElseThrow());
                }
            }
        }
        return Optional.empty();
    }

    private static String entryName(final ListSchemaNode list, final List<String> keys) {
        return list.getQName().getLocalName() + " " + String.join(",", keys);
    }

    private static String where(final String self) {
        return self == null ? "" : self + ": ";
    }

    private static String localName(final String jsonName) {
        final int colon = jsonName.indexOf(':');
        return colon < 0 ? jsonName : jsonName.substring(colon + 1);
    }

    private static String quote(final JsonElement value) {
        final String text = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString()
            : value.toString();
        return text.length() <= QUOTED_VALUE ? "'" + text + "'"
            : "'" + text.substring(0, QUOTED_VALUE) + "...' (" + text.length() + " characters)";
    }

    /**
     * How deep the body nests arrays and objects, counted without parsing it (a parser recurses per level).
     */
    static int depth(final String body) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            final char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
    }
}
