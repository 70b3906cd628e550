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
import java.util.Arrays;

/** OpenFlow 1.3 messages for the gate's stream tests. */
final class TestMessages {
    private TestMessages() {
        // static helpers only
    }

    /** One OpenFlow 1.3 message of this type, xid and body length, its body bytes all {@code fill}. */
    static byte[] message(final int type, final long xid, final int bodyLength, final int fill) {
        final byte[] body = new byte[bodyLength];
        Arrays.fill(body, (byte) fill);
        return message(4, type, xid, body);
    }

    /** One OpenFlow message of this version, type and xid, with this body. */
    static byte[] message(final int version, final int type, final long xid, final byte[] body) {
        final ByteBuf out = Unpooled.buffer();
        out.writeByte(version).writeByte(type).writeShort(8 + body.length).writeInt((int) xid).writeBytes(body);
        final byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }
}
