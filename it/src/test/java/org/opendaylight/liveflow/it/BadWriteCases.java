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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.Range;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LengthConstraint;
import org.opendaylight.yangtools.yang.model.api.type.PatternConstraint;
import org.opendaylight.yangtools.yang.model.api.type.RangeConstraint;
import org.opendaylight.yangtools.yang.model.api.type.RangeRestrictedTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.StringTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint16TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint32TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint64TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint8TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;

/**
 * Generates bad writes from the YANG model and the stored data: for every list and container of the
 * configuration, every leaf gets values its type refuses (wrong JSON types, null, lengths, patterns, ranges,
 * unknown enum names, malformed addresses) and values the validation refuses (references to nothing, multicast
 * MACs, prefixes that are not), each written by PUT and PATCH of the stored entry and by POST of a new one; and
 * per list, unknown fields, missing mandatory leaves, mismatched and malformed keys and duplicates. A leaf added
 * to the model is covered without a change here.
 */
final class BadWriteCases {
    /** One bad write, and the field its refusal must name (null when the write is not about one field). */
    record Case(String kind, String method, String path, String contentType, String body, String field) {
        @Override
        public String toString() {
            return kind + ": " + method + " " + path + " " + (body.length() > 200 ? body.substring(0, 200) + "..."
                : body);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String JSON_TYPE = "application/json";
    private static final String DATA = "/rests/data/";
    private static final String MODULE = "liveflow";
    /** Strings a pattern may refuse: the first the leaf's patterns refuse is used. */
    private static final List<String> PATTERN_BREAKERS = List.of("-starts-with-dash", "has space", "a/b", "é", "zz",
        "1.2.3");

    private final List<Case> cases = new ArrayList<>();
    private int fresh;

    static List<Case> generate(final EffectiveModelContext model, final JsonNode stored) {
        final BadWriteCases generator = new BadWriteCases();
        final DataNodeContainer module = model.findModules(MODULE).iterator().next();
        final ContainerSchemaNode overlay = (ContainerSchemaNode) module.getChildNodes().stream()
            .filter(node -> node.getQName().getLocalName().equals("overlay")).findFirst().orElseThrow();
        final String path = DATA + MODULE + ":overlay";
        for (DataSchemaNode child : overlay.getChildNodes()) {
            generator.container((ContainerSchemaNode) child, path, stored.path(MODULE + ":overlay")
                .path(child.getQName().getLocalName()));
        }
        generator.malformed(path + "/networks/network=net1");
        return generator.cases;
    }

    private void container(final ContainerSchemaNode container, final String parentPath, final JsonNode stored) {
        final String name = container.getQName().getLocalName();
        final String path = parentPath + "/" + name;
        for (DataSchemaNode child : container.getChildNodes()) {
            if (child instanceof ListSchemaNode list) {
                final JsonNode entries = stored.path(list.getQName().getLocalName());
                if (entries.isArray() && !entries.isEmpty()) {
                    list(list, path, (ObjectNode) entries.get(0));
                }
            } else if (child instanceof LeafSchemaNode leaf && stored.isObject()) {
                for (Bad bad : badValues(leaf)) {
                    final ObjectNode changed = ((ObjectNode) stored).deepCopy();
                    changed.set(leaf.getQName().getLocalName(), bad.value());
                    final String body = wrap(name, changed, false);
                    addFor(bad.kind(), "PUT", path, body, leaf);
                    addFor(bad.kind(), "PATCH", path, body, leaf);
                }
            }
        }
    }

    private void list(final ListSchemaNode list, final String containerPath, final ObjectNode entry) {
        final String name = list.getQName().getLocalName();
        final List<String> keys = list.getKeyDefinition().stream().map(key -> key.getLocalName()).toList();
        final String entryPath = containerPath + "/" + name + "=" + keys.stream()
            .map(key -> URLEncoder.encode(entry.path(key).asText(), StandardCharsets.UTF_8).replace("+", "%20"))
            .reduce((a, b) -> a + "," + b).orElseThrow();
        for (DataSchemaNode child : list.getChildNodes()) {
            final String childName = child.getQName().getLocalName();
            if (child instanceof ListSchemaNode nested) {
                final JsonNode entries = entry.path(childName);
                if (entries.isArray() && !entries.isEmpty()) {
                    list(nested, entryPath, (ObjectNode) entries.get(0));
                }
                continue;
            }
            if (!(child instanceof LeafSchemaNode leaf)) {
                continue;
            }
            final boolean isKey = keys.contains(childName);
            for (Bad bad : badValues(leaf)) {
                final ObjectNode created = withFreshKeys(entry, keys);
                created.set(childName, bad.value());
                addFor(bad.kind(), "POST", containerPath, wrap(name, created), leaf);
                if (!isKey) {
                    final ObjectNode changed = entry.deepCopy();
                    changed.set(childName, bad.value());
                    addFor(bad.kind(), "PUT", entryPath, wrap(name, changed), leaf);
                    addFor(bad.kind(), "PATCH", entryPath, wrap(name, changed), leaf);
                } else if (bad.value().isTextual() && bad.value().asText().length() < 1000) {
                    final ObjectNode renamed = entry.deepCopy();
                    renamed.set(childName, bad.value());
                    addFor(bad.kind() + " key in URL", "PUT", containerPath + "/" + name + "="
                        + URLEncoder.encode(bad.value().asText(), StandardCharsets.UTF_8).replace("+", "%20"),
                        wrap(name, renamed), leaf);
                }
            }
            if (leaf.isMandatory() || isKey) {
                final ObjectNode missing = withFreshKeys(entry, keys);
                missing.remove(childName);
                addFor("missing " + (isKey ? "key" : "mandatory leaf"), "POST", containerPath, wrap(name, missing),
                    isKey ? null : leaf);
                if (!isKey) {
                    final ObjectNode replaced = entry.deepCopy();
                    replaced.remove(childName);
                    addFor("missing mandatory leaf", "PUT", entryPath, wrap(name, replaced), leaf);
                }
            }
        }
        final ObjectNode unknown = entry.deepCopy();
        unknown.put("no-such-field", 1);
        add("unknown field", "PUT", entryPath, wrap(name, unknown), "no-such-field");
        add("unknown field", "POST", containerPath, wrap(name, withFreshKeys(unknown, keys)), "no-such-field");
        final ObjectNode otherKey = withFreshKeys(entry, keys);
        add("key differs from the URL", "PUT", entryPath, wrap(name, otherKey), keys.get(0));
        add("duplicate", "POST", containerPath, wrap(name, entry), null);
        add("entry not an object", "PUT", entryPath, "{\"" + MODULE + ":" + name + "\": [1]}", null);
        add("list not an array", "PUT", entryPath, "{\"" + MODULE + ":" + name + "\": " + entry + "}", null);
        add("wrong list in body", "POST", containerPath, "{\"" + MODULE + ":no-such-list\": [" + entry + "]}", null);
    }

    /** Bodies that are not what RESTCONF reads, on one entry, by every writing method. */
    private void malformed(final String entryPath) {
        final List<String> bodies = List.of("", "{", "{\"liveflow:network\": [", "not json", "[]", "null", "42",
            "{\"liveflow:network\": [{\"id\": \"net1\",}]}", "{\"liveflow:network\": [{\"id\": \"net1\"}]} trailing",
            "{\"liveflow:network\": [{\"id\": \"net1\", \"name\": " + "[".repeat(10_000) + "]".repeat(10_000)
                + "}]}",
            "{\"liveflow:network\": [{\"id\": \"net1\", \"name\": \"\\ud800\"}]}");
        for (String body : bodies) {
            for (String method : List.of("PUT", "PATCH", "POST")) {
                cases.add(new Case("malformed JSON", method, entryPath, JSON_TYPE, body, null));
            }
        }
        final String valid = "{\"liveflow:network\": [{\"id\": \"net1\", \"tenant\": \"t1\", \"segmentation-id\": 9}]}";
        for (String type : List.of("text/plain", "application/octet-stream", "application/xml",
                "application/yang-data+xml", "multipart/form-data")) {
            cases.add(new Case("wrong content type", "PUT", entryPath, type, valid, null));
        }
    }

    private void addFor(final String kind, final String method, final String path, final String body,
            final LeafSchemaNode leaf) {
        add(kind, method, path, body, leaf == null ? null : leaf.getQName().getLocalName());
    }

    private void add(final String kind, final String method, final String path, final String body,
            final String field) {
        cases.add(new Case(kind, method, path, JSON_TYPE, body, field));
    }

    private ObjectNode withFreshKeys(final ObjectNode entry, final List<String> keys) {
        final ObjectNode copy = entry.deepCopy();
        fresh++;
        for (String key : keys) {
            final JsonNode value = entry.path(key);
            // a fresh id that refers to nothing; a numeric or address key gets a fresh value of its kind
            copy.set(key, value.isNumber() ? JSON.numberNode(900 + fresh) : JSON.textNode(freshText(value.asText())));
        }
        return copy;
    }

    private String freshText(final String stored) {
        if (stored.matches("\\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?")) {
            return "10.250." + fresh / 250 + "." + fresh % 250 + (stored.contains("/") ? "/32" : "");
        }
        return "fuzz-" + fresh;
    }

    private static String wrap(final String name, final JsonNode entry) {
        return wrap(name, entry, true);
    }

    private static String wrap(final String name, final JsonNode entry, final boolean listEntry) {
        final ObjectNode root = JSON.objectNode();
        if (listEntry) {
            root.set(MODULE + ":" + name, JSON.arrayNode().add(entry));
        } else {
            root.set(MODULE + ":" + name, entry);
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Bad(String kind, JsonNode value) {
    }

    /** The values {@code leaf}'s type or the validation refuses. */
    private static List<Bad> badValues(final LeafSchemaNode leaf) {
        final List<Bad> out = new ArrayList<>();
        out.add(new Bad("JSON object for a leaf", JSON.objectNode().put("x", 1)));
        out.add(new Bad("JSON array for a leaf", JSON.arrayNode().add(1)));
        out.add(new Bad("null", JSON.nullNode()));
        final TypeDefinition<?> type = leaf.getType();
        final String name = leaf.getQName().getLocalName();
        if (type instanceof StringTypeDefinition string) {
            stringValues(string, out);
            if (type.getQName().getLocalName().equals("resource-id") && !name.equals("id") && !name.equals("name")) {
                out.add(new Bad("reference to nothing", JSON.textNode("no-such-object")));
            }
            if (type.getQName().getLocalName().equals("mac-address")) {
                out.add(new Bad("multicast MAC", JSON.textNode("01:00:5e:00:00:01")));
                out.add(new Bad("broadcast MAC", JSON.textNode("ff:ff:ff:ff:ff:ff")));
                out.add(new Bad("all-zeros MAC", JSON.textNode("00:00:00:00:00:00")));
            }
            if (name.equals("cidr") || name.equals("destination") || name.equals("ip-address")) {
                out.add(new Bad("not a prefix", JSON.textNode("not-a-prefix")));
                out.add(new Bad("prefix length out of range", JSON.textNode("10.0.0.0/33")));
            }
        } else if (type instanceof BooleanTypeDefinition) {
            out.add(new Bad("not a boolean", JSON.textNode("maybe")));
            out.add(new Bad("number for a boolean", JSON.numberNode(2)));
        } else if (type instanceof EnumTypeDefinition) {
            out.add(new Bad("unknown enum", JSON.textNode("no-such-value")));
            out.add(new Bad("number for an enum", JSON.numberNode(3)));
        } else if (type instanceof UnionTypeDefinition) {
            out.add(new Bad("malformed address", JSON.textNode("300.1.1.1")));
            out.add(new Bad("malformed address", JSON.textNode("zz::zz::1")));
            out.add(new Bad("not an address", JSON.textNode("not-an-address")));
        } else if (type instanceof RangeRestrictedTypeDefinition<?, ?> ranged) {
            integerValues(ranged, out);
        }
        if (name.equals("probe-interval")) {
            out.add(new Bad("probe interval 0", JSON.numberNode(0)));
        }
        return out;
    }

    private static void stringValues(final StringTypeDefinition type, final List<Bad> out) {
        Range<Integer> lengths = null;
        final List<PatternConstraint> patterns = new ArrayList<>();
        for (StringTypeDefinition level = type; level != null; level = level.getBaseType()) {
            final Optional<LengthConstraint> length = level.getLengthConstraint();
            if (lengths == null && length.isPresent()) {
                lengths = length.orElseThrow().getAllowedRanges().span();
            }
            patterns.addAll(level.getPatternConstraints());
        }
        if (lengths != null && lengths.upperEndpoint() < 1_000_000) {
            out.add(new Bad("one character too long", JSON.textNode("a".repeat(lengths.upperEndpoint() + 1))));
            out.add(new Bad("a megabyte long", JSON.textNode("a".repeat(1_000_000))));
            if (lengths.lowerEndpoint() > 0) {
                out.add(new Bad("empty", JSON.textNode("")));
            }
        }
        if (!patterns.isEmpty()) {
            final Range<Integer> allowed = lengths;
            PATTERN_BREAKERS.stream().filter(text -> allowed == null || allowed.contains(text.length()))
                .filter(text -> patterns.stream().anyMatch(pattern -> Pattern.matches(pattern.getJavaPatternString(),
                    text) == pattern.getModifier().isPresent()))
                .findFirst().ifPresent(text -> out.add(new Bad("pattern refuses it", JSON.textNode(text))));
        }
    }

    private static void integerValues(final RangeRestrictedTypeDefinition<?, ?> type, final List<Bad> out) {
        BigInteger min = null;
        BigInteger max = null;
        for (TypeDefinition<?> level = type; level != null; level = level.getBaseType()) {
            if (level instanceof RangeRestrictedTypeDefinition<?, ?> ranged) {
                final Optional<? extends RangeConstraint<?>> range = ranged.getRangeConstraint();
                if (range.isPresent() && min == null) {
                    final Range<?> span = range.orElseThrow().getAllowedRanges().span();
                    min = new BigInteger(span.lowerEndpoint().toString());
                    max = new BigInteger(span.upperEndpoint().toString());
                }
            }
        }
        if (min == null) {
            final int bits = type instanceof Uint8TypeDefinition ? 8 : type instanceof Uint16TypeDefinition ? 16
                : type instanceof Uint32TypeDefinition ? 32 : type instanceof Uint64TypeDefinition ? 64 : 0;
            if (bits == 0) {
                return;
            }
            min = BigInteger.ZERO;
            max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        }
        out.add(new Bad("below the range", JSON.numberNode(min.subtract(BigInteger.ONE))));
        out.add(new Bad("above the range", JSON.numberNode(max.add(BigInteger.ONE))));
        out.add(new Bad("not a number", JSON.textNode("12abc")));
        out.add(new Bad("a fraction", JSON.numberNode(1.5)));
        out.add(new Bad("boolean for a number", JSON.booleanNode(true)));
    }

    private BadWriteCases() {
        // see generate
    }
}
