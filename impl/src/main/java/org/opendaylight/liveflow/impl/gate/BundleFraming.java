/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Frames OpenFlow 1.3 messages as an ONF bundle (extension 230 of OpenFlow 1.3, the bundles of OpenFlow 1.4, which
 * Open vSwitch implements): experimenter messages of the ONF (experimenter id 0x4F4E4600), type 2300 for a
 * bundle's control (open, commit, discard) and 2301 for adding one message to it. Each bundle is atomic and
 * ordered: the switch applies all of its messages, in order, or none. The xids are left 0: the gate gives each
 * message its own, and an added message's own header must carry its bundle-add's xid, which the gate writes into
 * both ({@link OwnWrites}).
 */
public final class BundleFraming {
    private static final int EXPERIMENTER = 4;
    private static final int ONF = 0x4F4E_4600;
    private static final int BUNDLE_CONTROL = 2300;
    private static final int BUNDLE_ADD = 2301;
    /** Where a bundle-add's inner message starts: the experimenter header (16 bytes), bundle id, pad, flags. */
    static final int ADDED_MESSAGE_OFFSET = 24;
    private static final int OPEN_REQUEST = 0;
    private static final int COMMIT_REQUEST = 4;
    private static final int DISCARD_REQUEST = 6;
    private static final int ATOMIC_ORDERED = 0x3;
    private static final int CONTROL_LENGTH = 24;

    private BundleFraming() {
        // pure functions
    }

    /** Opens the bundle (its id is the connection's: a new one for each bundle). */
    public static byte[] open(final long bundleId) {
        return control(bundleId, OPEN_REQUEST);
    }

    /** Commits the bundle: the switch applies every message added, or none and answers with an error. */
    public static byte[] commit(final long bundleId) {
        return control(bundleId, COMMIT_REQUEST);
    }

    /** Drops the bundle and every message added to it. */
    public static byte[] discard(final long bundleId) {
        return control(bundleId, DISCARD_REQUEST);
    }

    /** The bundle-add message carrying {@code message} (a whole OpenFlow 1.3 message, header included). */
    public static byte[] add(final long bundleId, final byte[] message) {
        final ByteBuf out = Unpooled.buffer(ADDED_MESSAGE_OFFSET + message.length);
        try {
            experimenterHeader(out, BUNDLE_ADD);
            out.writeInt((int) bundleId).writeShort(0).writeShort(ATOMIC_ORDERED);
            out.writeBytes(message);
            return bytes(out);
        } finally {
            out.release();
        }
    }

    /** Whether these bytes are an OpenFlow 1.3 bundle-add (its inner message's xid must be its own). */
    static boolean isAdd(final byte[] message) {
        return message.length > ADDED_MESSAGE_OFFSET && message[0] == OpenflowStreamScanner.OPENFLOW_13
            && message[1] == EXPERIMENTER && readInt(message, 8) == ONF && readInt(message, 12) == BUNDLE_ADD;
    }

    private static byte[] control(final long bundleId, final int type) {
        final ByteBuf out = Unpooled.buffer(CONTROL_LENGTH);
        try {
            experimenterHeader(out, BUNDLE_CONTROL);
            out.writeInt((int) bundleId).writeShort(type).writeShort(ATOMIC_ORDERED);
            return bytes(out);
        } finally {
            out.release();
        }
    }

    private static byte[] bytes(final ByteBuf out) {
        out.setShort(2, out.writerIndex());
        final byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    private static void experimenterHeader(final ByteBuf out, final int experimenterType) {
        out.writeByte(OpenflowStreamScanner.OPENFLOW_13).writeByte(EXPERIMENTER).writeShort(0).writeInt(0);
        out.writeInt(ONF).writeInt(experimenterType);
    }

    private static int readInt(final byte[] bytes, final int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
            | bytes[at + 3] & 0xFF;
    }
}
