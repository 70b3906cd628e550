/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * What a switch says of itself in its OpenFlow FEATURES_REPLY: the datapath id it claims, and whether the
 * connection is its main one (auxiliary id 0) or an auxiliary one (OpenFlow 1.3, section 7.3.1).
 *
 * @param datapathId the claimed datapath id, as an unsigned 64-bit number
 * @param auxiliaryId 0 for the main connection
 */
public record FeaturesReply(long datapathId, int auxiliaryId) {
    /** OpenFlow's message header: version, type, length, xid. */
    public static final int HEADER_LENGTH = 8;
    /** OFPT_FEATURES_REPLY, the same number in OpenFlow 1.0 to 1.5. */
    public static final int TYPE = 6;
    private static final int TYPE_OFFSET = 1;
    private static final int DATAPATH_OFFSET = 8;
    // after n_buffers (4 bytes at 16) and n_tables (1 byte at 20)
    private static final int AUXILIARY_OFFSET = 21;
    private static final int OPENFLOW_13 = 0x04;

    /**
     * Reads one whole OpenFlow message: its FEATURES_REPLY claim, or empty for any other message. An OpenFlow 1.0
     * reply has no auxiliary id (its main connection is the only one).
     */
    public static Optional<FeaturesReply> of(final ByteBuffer message) {
        final int start = message.position();
        if (message.remaining() < HEADER_LENGTH || Byte.toUnsignedInt(message.get(start + TYPE_OFFSET)) != TYPE
                || message.remaining() < AUXILIARY_OFFSET + 1) {
            return Optional.empty();
        }
        final int version = Byte.toUnsignedInt(message.get(start));
        final int auxiliary = version >= OPENFLOW_13 ? Byte.toUnsignedInt(message.get(start + AUXILIARY_OFFSET)) : 0;
        return Optional.of(new FeaturesReply(message.getLong(start + DATAPATH_OFFSET), auxiliary));
    }

    /**
     * The datapath id as OpenDaylight writes it in a node id (openflow:&lt;unsigned decimal&gt;).
     */
    public String datapathIdText() {
        return Long.toUnsignedString(datapathId);
    }
}
