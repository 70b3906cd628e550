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

/** OpenFlow 1.3 messages for the gate's stream tests. */
final class TestMessages {
    private TestMessages() {
        // static helpers only
    }

    /** One OpenFlow 1.3 message of this type, xid and body length, its body bytes all {@code fill}. */
    static byte[] message(final int type, final long xid, final int bodyLength, final int fill) {
        final ByteBuf out = Unpooled.buffer();
        out.writeByte(4).writeByte(type).writeShort(8 + bodyLength).writeInt((int) xid);
        for (int i = 0; i < bodyLength; i++) {
            out.writeByte(fill);
        }
        final byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }
}
