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
 * @param kind what sort of object
 * @param id the object's id
 */
public record Owner(Kind kind, String id) {
    /**
     * Kinds of owner, with the code stored in the cookie's top byte.
     */
    public enum Kind {
        PIPELINE(1),
        PORT(2),
        NETWORK(3);

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

    public Owner {
        requireNonNull(kind);
        requireNonNull(id);
    }

    public static Owner pipeline() {
        return new Owner(Kind.PIPELINE, "pipeline");
    }

    public static Owner port(final String id) {
        return new Owner(Kind.PORT, id);
    }

    public static Owner network(final String id) {
        return new Owner(Kind.NETWORK, id);
    }

    /**
     * Returns the cookie of this owner's flows: kind code in bits 56-63, FNV-1a hash of the id in bits 0-55.
     */
    public long cookie() {
        long hash = FNV_OFFSET;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return (long) kind.code << 56 | hash & 0x00FF_FFFF_FFFF_FFFFL;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + id;
    }
}
