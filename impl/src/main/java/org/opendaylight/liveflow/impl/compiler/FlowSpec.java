/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One desired flow: where it sits (table, priority, match), what it does (apply actions, then optionally write
 * metadata and go to a later table) and which configuration object owns it. A flow with no actions and no goto
 * drops.
 */
public record FlowSpec(Table table, int priority, Match match, List<Action> actions, @Nullable Long writeMetadata,
        @Nullable Long writeMetadataMask, @Nullable Table gotoTable, Owner owner) {

    public FlowSpec {
        requireNonNull(table);
        requireNonNull(match);
        actions = List.copyOf(actions);
        requireNonNull(owner);
        if (gotoTable != null && !table.successors().contains(gotoTable)) {
            throw new IllegalArgumentException(table + " may not go to " + gotoTable);
        }
    }

    static FlowSpec drop(final Table table, final int priority, final Match match, final Owner owner) {
        return new FlowSpec(table, priority, match, List.of(), null, null, null, owner);
    }

    static FlowSpec gotoTable(final Table table, final int priority, final Match match, final Table next,
            final Owner owner) {
        return new FlowSpec(table, priority, match, List.of(), null, null, next, owner);
    }

    static FlowSpec apply(final Table table, final int priority, final Match match, final List<Action> actions,
            final Owner owner) {
        return new FlowSpec(table, priority, match, actions, null, null, null, owner);
    }

    /**
     * Returns the flow's stable id on its switch: a digest of table, priority and match, which OpenFlow treats
     * as the flow's identity, so a changed action keeps the id and becomes a modify, not a delete and add.
     */
    public String id() {
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((table.id() + "|" + priority + "|" + match).getBytes(StandardCharsets.UTF_8));
            return "lf-" + table.id() + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * Returns the flow in ovs-ofctl syntax (as {@code ovs-ofctl dump-flows} shows it, less counters).
     */
    @Override
    public String toString() {
        final StringBuilder out = new StringBuilder().append("cookie=0x").append(Long.toHexString(owner.cookie()))
            .append(", table=").append(table.id()).append(", priority=").append(priority);
        final String matchText = match.toString();
        if (!matchText.isEmpty()) {
            out.append(',').append(matchText);
        }
        final String instructions = instructions();
        return out.append(" actions=").append(instructions.isEmpty() ? "drop" : instructions).toString();
    }

    private String instructions() {
        final String applied = actions.stream().map(Action::toString).collect(Collectors.joining(","));
        final StringBuilder out = new StringBuilder(applied);
        if (writeMetadata != null) {
            out.append(out.isEmpty() ? "" : ",").append("write_metadata:0x").append(Long.toHexString(writeMetadata))
                .append("/0x").append(Long.toHexString(writeMetadataMask));
        }
        if (gotoTable != null) {
            out.append(out.isEmpty() ? "" : ",").append("goto_table:").append(gotoTable.id());
        }
        return out.toString();
    }
}
