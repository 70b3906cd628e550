/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.restconf;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int16TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int32TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int64TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int8TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LengthConstraint;
import org.opendaylight.yangtools.yang.model.api.type.ModifierKind;
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
 * Says why a JSON value does not fit a leaf's YANG type, and what the type allows: the check RESTCONF makes
 * before a write, repeated to name what it does not (this train answers a bare 400 for a pattern, length or
 * range failure). Pure; types it does not judge (decimal64, bits, binary, identityref, leafref) always pass.
 */
final class LeafValueCheck {
    /** A pattern longer than this is named by its typedef instead of quoted (the IPv4 and IPv6 ones). */
    private static final int QUOTED_PATTERN = 60;
    private static final Range<Integer> ANY_LENGTH = Range.closed(0, Integer.MAX_VALUE);
    /** The model's patterns, compiled once: every id and MAC of every write is matched against one. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private LeafValueCheck() {
        // pure functions
    }

    /**
     * Returns why {@code value} is not a valid value of {@code type} for the leaf {@code leaf}, or empty when it is.
     */
    static Optional<String> problem(final QName leaf, final TypeDefinition<?> type, final JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return Optional.of("it must be " + describe(leaf, type) + ", not null");
        }
        if (!value.isJsonPrimitive()) {
            return Optional.of("it must be a single value, " + describe(leaf, type) + ", not a JSON "
                + (value.isJsonArray() ? "array" : "object"));
        }
        return problem(leaf, type, value.getAsJsonPrimitive());
    }

    private static Optional<String> problem(final QName leaf, final TypeDefinition<?> type,
            final JsonPrimitive value) {
        final String text = value.getAsString();
        if (type instanceof UnionTypeDefinition union) {
            for (TypeDefinition<?> member : union.getTypes()) {
                if (problem(leaf, member, value).isEmpty()) {
                    return Optional.empty();
                }
            }
            return Optional.of("it must be " + describe(leaf, type));
        }
        if (type instanceof BooleanTypeDefinition) {
            return value.isBoolean() || text.equals("true") || text.equals("false") ? Optional.empty()
                : Optional.of("it must be true or false");
        }
        if (type instanceof EnumTypeDefinition enumeration) {
            return enumeration.getValues().stream().anyMatch(pair -> pair.getName().equals(text)) ? Optional.empty()
                : Optional.of("it must be " + describe(leaf, type));
        }
        if (type instanceof StringTypeDefinition string) {
            return stringProblem(leaf, string, text);
        }
        if (type instanceof RangeRestrictedTypeDefinition<?, ?> && bounds(type) != null) {
            return integerProblem(leaf, type, text);
        }
        return Optional.empty();
    }

    private static Optional<String> stringProblem(final QName leaf, final StringTypeDefinition type,
            final String text) {
        final int notAllowed = text.codePoints().filter(c -> !isYangChar(c)).findFirst().orElse(-1);
        if (notAllowed >= 0) {
            return Optional.of(String.format("it contains U+%04X, which is not a character a YANG string may hold",
                notAllowed));
        }
        final int length = text.codePointCount(0, text.length());
        for (StringTypeDefinition level = type; level != null; level = level.getBaseType()) {
            final Optional<LengthConstraint> lengths = level.getLengthConstraint();
            if (lengths.isPresent() && !lengths.orElseThrow().getAllowedRanges().contains(length)) {
                return Optional.of("it has " + length + " characters and must have "
                    + ranges(lengths.orElseThrow().getAllowedRanges()));
            }
            for (PatternConstraint pattern : level.getPatternConstraints()) {
                final boolean inverted = pattern.getModifier().filter(ModifierKind.INVERT_MATCH::equals).isPresent();
                if (PATTERNS.computeIfAbsent(pattern.getJavaPatternString(), Pattern::compile).matcher(text)
                        .matches() == inverted) {
                    return Optional.of("it must be " + describe(leaf, type));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 7950's yang-char: tab, line feed, carriage return and the printable Unicode characters, without unpaired
     * surrogates and non-characters.
     */
    private static boolean isYangChar(final int codePoint) {
        if (codePoint == 0x09 || codePoint == 0x0A || codePoint == 0x0D) {
            return true;
        }
        if (codePoint < 0x20 || codePoint >= 0xD800 && codePoint <= 0xDFFF
                || codePoint >= 0xFDD0 && codePoint <= 0xFDEF) {
            return false;
        }
        return (codePoint & 0xFFFE) != 0xFFFE;
    }

    private static Optional<String> integerProblem(final QName leaf, final TypeDefinition<?> type,
            final String text) {
        final BigInteger number;
        try {
            number = new BigInteger(text);
        } catch (NumberFormatException e) {
            return Optional.of("it must be " + describe(leaf, type));
        }
        final Range<BigInteger> bounds = bounds(type);
        if (!bounds.contains(number)) {
            return Optional.of("it must be " + describe(leaf, type));
        }
        for (TypeDefinition<?> level = type; level != null; level = level.getBaseType()) {
            final RangeSet<BigInteger> allowed = allowedRanges(level);
            if (allowed != null && !allowed.contains(number)) {
                return Optional.of("it must be " + describe(leaf, type));
            }
        }
        return Optional.empty();
    }

    /**
     * Describes what {@code type} allows, for a message: "an integer in 1..4094", "a string of 1..64 characters
     * matching '[A-Za-z0-9][A-Za-z0-9._:-]*'", "one of vxlan, geneve", "a mac-address ('...')".
     */
    static String describe(final QName leaf, final TypeDefinition<?> type) {
        final String typedef = typedefName(leaf, type);
        final String detail;
        if (type instanceof UnionTypeDefinition union) {
            detail = "one of " + union.getTypes().stream().map(member -> describe(leaf, member))
                .collect(Collectors.joining(" or "));
        } else if (type instanceof BooleanTypeDefinition) {
            detail = "true or false";
        } else if (type instanceof EnumTypeDefinition enumeration) {
            detail = "one of " + enumeration.getValues().stream().map(EnumTypeDefinition.EnumPair::getName)
                .collect(Collectors.joining(", "));
        } else if (type instanceof StringTypeDefinition string) {
            detail = describeString(string);
        } else if (bounds(type) != null) {
            detail = "an integer in " + ranges(effectiveRanges(type));
        } else {
            detail = "a value of type " + type.getQName().getLocalName();
        }
        if (typedef == null) {
            return detail;
        }
        return detail.startsWith("a string matching") && detail.length() > QUOTED_PATTERN + 20 ? "a valid " + typedef
            : "a valid " + typedef + " (" + detail + ")";
    }

    private static String describeString(final StringTypeDefinition type) {
        final List<String> parts = new ArrayList<>();
        for (StringTypeDefinition level = type; level != null; level = level.getBaseType()) {
            level.getLengthConstraint().filter(lengths -> !lengths.getAllowedRanges().encloses(ANY_LENGTH))
                .ifPresent(lengths -> parts.add("of " + ranges(lengths.getAllowedRanges()) + " characters"));
            for (PatternConstraint pattern : level.getPatternConstraints()) {
                parts.add((pattern.getModifier().isPresent() ? "not matching '" : "matching '")
                    + pattern.getRegularExpressionString() + "'");
            }
        }
        return parts.isEmpty() ? "a string" : "a string " + String.join(" ", parts);
    }

    /**
     * The typedef a type comes from, when it is not the leaf's own restriction of a built-in type.
     */
    private static String typedefName(final QName leaf, final TypeDefinition<?> type) {
        final QName name = type.getQName();
        TypeDefinition<?> builtIn = type;
        while (builtIn.getBaseType() != null) {
            builtIn = builtIn.getBaseType();
        }
        // a built-in type restricted in place keeps the built-in's name; a typedef has its own
        return name.equals(leaf) || name.getLocalName().equals(builtIn.getQName().getLocalName()) ? null
            : name.getLocalName();
    }

    private static Range<BigInteger> bounds(final TypeDefinition<?> type) {
        if (type instanceof Uint8TypeDefinition) {
            return unsigned(8);
        } else if (type instanceof Uint16TypeDefinition) {
            return unsigned(16);
        } else if (type instanceof Uint32TypeDefinition) {
            return unsigned(32);
        } else if (type instanceof Uint64TypeDefinition) {
            return unsigned(64);
        } else if (type instanceof Int8TypeDefinition) {
            return signed(8);
        } else if (type instanceof Int16TypeDefinition) {
            return signed(16);
        } else if (type instanceof Int32TypeDefinition) {
            return signed(32);
        } else if (type instanceof Int64TypeDefinition) {
            return signed(64);
        }
        return null;
    }

    private static Range<BigInteger> unsigned(final int bits) {
        return Range.closed(BigInteger.ZERO, BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }

    private static Range<BigInteger> signed(final int bits) {
        return Range.closed(BigInteger.ONE.shiftLeft(bits - 1).negate(),
            BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE));
    }

    /** The ranges of the innermost restriction, or the type's own bounds when it has none. */
    private static RangeSet<BigInteger> effectiveRanges(final TypeDefinition<?> type) {
        for (TypeDefinition<?> level = type; level != null; level = level.getBaseType()) {
            final RangeSet<BigInteger> allowed = allowedRanges(level);
            if (allowed != null) {
                return allowed;
            }
        }
        return ImmutableRangeSet.of(bounds(type));
    }

    private static RangeSet<BigInteger> allowedRanges(final TypeDefinition<?> type) {
        if (!(type instanceof RangeRestrictedTypeDefinition<?, ?> restricted)) {
            return null;
        }
        final Optional<? extends RangeConstraint<?>> constraint = restricted.getRangeConstraint();
        if (constraint.isEmpty()) {
            return null;
        }
        final var builder = ImmutableRangeSet.<BigInteger>builder();
        for (Range<? extends Number> range : constraint.orElseThrow().getAllowedRanges().asRanges()) {
            builder.add(Range.closed(new BigInteger(range.lowerEndpoint().toString()),
                new BigInteger(range.upperEndpoint().toString())));
        }
        return builder.build();
    }

    private static <N extends Comparable<?>> String ranges(final RangeSet<N> ranges) {
        return ranges.asRanges().stream().map(range -> range.lowerEndpoint().equals(range.upperEndpoint())
            ? range.lowerEndpoint().toString() : range.lowerEndpoint() + ".." + range.upperEndpoint())
            .collect(Collectors.joining(" or "));
    }
}
