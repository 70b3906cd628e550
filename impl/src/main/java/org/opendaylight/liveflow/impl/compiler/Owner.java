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
import java.util.Locale;

/**
 * The configuration object a flow or group exists for. Its cookie carries the kind in the top byte and a hash of
 * the id below, so the reconciler and the shell can show and diff flows by owner.
 *
 * <p>A port owns two sorts of flows: {@link Kind#PORT} flows exist because the port is on this chassis
 * (classifier, port security, delivery, egress, the ARP answers it gets), {@link Kind#REACH} flows tell this
 * chassis how to reach a port that is elsewhere. After a migration the source must hold no {@code PORT} flow of
 * the port, which the engine checks by cookie. {@link Kind#MIGRATION} flows trap the activation announcement of
 * one migration generation, which their cookie carries in its low 16 bits.
 *
 * @param kind what sort of object
 * @param id the object's id
 * @param generation the migration generation, for {@link Kind#MIGRATION}; 0 otherwise
 */
public record Owner(Kind kind, String id, long generation) {
    /**
     * Kinds of owner, with the code stored in the cookie's top byte.
     */
    public enum Kind {
        PIPELINE(1),
        PORT(2),
        NETWORK(3),
        REACH(4),
        MIGRATION(5),
        ROUTER(6),
        FLOATING_IP(7);

        private final int code;

        Kind(final int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GENERATION_MASK = 0xFFFF;

    public Owner {
        requireNonNull(kind);
        requireNonNull(id);
    }

    public static Owner pipeline() {
        return new Owner(Kind.PIPELINE, "pipeline", 0);
    }

    public static Owner port(final String id) {
        return new Owner(Kind.PORT, id, 0);
    }

    public static Owner network(final String id) {
        return new Owner(Kind.NETWORK, id, 0);
    }

    public static Owner reach(final String portId) {
        return new Owner(Kind.REACH, portId, 0);
    }

    public static Owner router(final String id) {
        return new Owner(Kind.ROUTER, id, 0);
    }

    public static Owner floatingIp(final String id) {
        return new Owner(Kind.FLOATING_IP, id, 0);
    }

    public static Owner migration(final String portId, final long generation) {
        return new Owner(Kind.MIGRATION, portId, generation);
    }

    /**
     * Returns the cookie of this owner's flows: kind code in bits 56-63, FNV-1a hash of the id in bits 0-55; for a
     * migration, the hash in bits 16-55 and the generation (modulo 2^16) in bits 0-15.
     */
    public long cookie() {
        long hash = FNV_OFFSET;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        final long low = kind == Kind.MIGRATION ? (hash & 0xFF_FFFF_FFFFL) << 16 | generation & GENERATION_MASK
            : hash & 0x00FF_FFFF_FFFF_FFFFL;
        return (long) kind.code << 56 | low;
    }

    /**
     * Tells whether a cookie (of a packet-in, say) is that of this port's migration trap, whatever its generation.
     */
    public static boolean isMigrationCookieOf(final long cookie, final String portId) {
        return (migration(portId, 0).cookie() ^ cookie) >>> 16 == 0;
    }

    /**
     * Returns the generation (modulo 2^16) a migration cookie carries.
     */
    public static long generationOf(final long migrationCookie) {
        return migrationCookie & GENERATION_MASK;
    }

    @Override
    public String toString() {
        final String name = kind.name().toLowerCase(Locale.ROOT) + " " + id;
        return kind == Kind.MIGRATION ? name + " generation " + generation : name;
    }
}
