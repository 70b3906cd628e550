/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwitchGateRulesTest {
    private static final long DPID = 0x0000_02ab_cdef_0001L;

    // an OpenFlow FEATURES_REPLY as Open vSwitch sends it: header, datapath id, n_buffers, n_tables, auxiliary_id,
    // pad, capabilities, reserved (32 bytes)
    private static ByteBuffer featuresReply(final int version, final int type, final long datapathId,
            final int auxiliaryId) {
        final ByteBuffer reply = ByteBuffer.allocate(32);
        reply.put((byte) version).put((byte) type).putShort((short) 32).putInt(7);
        reply.putLong(datapathId).putInt(256).put((byte) 254).put((byte) auxiliaryId).putShort((short) 0);
        reply.putInt(0x4f).putInt(0);
        return reply.flip();
    }

    @Test
    void readsTheDatapathIdAndAuxiliaryIdOfAFeaturesReply() {
        final ByteBuffer message = featuresReply(4, 6, DPID, 0);
        assertEquals(Optional.of(new FeaturesReply(DPID, 0)), FeaturesReply.of(message));
        assertEquals(Optional.of(new FeaturesReply(-1L, 3)), FeaturesReply.of(featuresReply(4, 6, -1L, 3)));
        assertEquals("18446744073709551615", new FeaturesReply(-1L, 0).datapathIdText());
    }

    @Test
    void otherMessagesAndShortRepliesAreNoClaim() {
        assertEquals(Optional.empty(), FeaturesReply.of(featuresReply(4, 0, DPID, 0)), "HELLO");
        assertEquals(Optional.empty(), FeaturesReply.of(featuresReply(4, 2, DPID, 0)), "ECHO_REQUEST");
        assertEquals(Optional.empty(), FeaturesReply.of(ByteBuffer.wrap(new byte[] {4, 6, 0, 8, 0, 0, 0, 1})),
            "a reply too short to hold a datapath id");
    }

    @Test
    void anOpenFlow10ReplyHasNoAuxiliaryId() {
        // OpenFlow 1.0 puts n_tables and padding where 1.3 has auxiliary_id
        assertEquals(Optional.of(new FeaturesReply(DPID, 0)), FeaturesReply.of(featuresReply(1, 6, DPID, 9)));
    }

    @Test
    void aCertificateMustNameTheChassisRegisteredWithTheDatapathId() {
        final FeaturesReply reply = new FeaturesReply(DPID, 0);
        assertEquals(Optional.empty(), ClaimCheck.refusal(reply, Optional.of("c1"), Optional.of("c1")));
        assertEquals(Optional.of("certificate of 'c2' presents datapath id " + Long.toUnsignedString(DPID)
            + " of chassis 'c1'"), ClaimCheck.refusal(reply, Optional.of("c2"), Optional.of("c1")));
        // a datapath id no chassis is registered with yet (a chassis joining) and TCP (no certificate) may go on
        assertEquals(Optional.empty(), ClaimCheck.refusal(reply, Optional.of("c2"), Optional.empty()));
        assertEquals(Optional.empty(), ClaimCheck.refusal(reply, Optional.empty(), Optional.of("c1")));
    }

    @Test
    void auxiliaryConnectionsAreRefused() {
        final Optional<String> refusal = ClaimCheck.refusal(new FeaturesReply(DPID, 1), Optional.of("c1"),
            Optional.of("c1"));
        assertTrue(refusal.orElseThrow().startsWith("auxiliary connection 1 for datapath id"), refusal.toString());
    }

    @Test
    void theFirstConnectionHoldsADatapathIdUntilItCloses() {
        final SwitchClaims claims = new SwitchClaims();
        final Instant first = Instant.parse("2026-12-02T10:00:00Z");
        assertEquals(Optional.empty(), claims.claim(DPID, 1, "10.0.0.1:40000", first));
        assertEquals(Optional.empty(), claims.claim(DPID, 1, "10.0.0.1:40000", first), "the holder again");
        final Optional<SwitchClaims.Holder> refused = claims.claim(DPID, 2, "10.0.0.66:40001", first.plusSeconds(5));
        assertEquals(Optional.of(new SwitchClaims.Holder(1, "10.0.0.1:40000", first)), refused);
        claims.release(DPID, 2);
        assertEquals(1, claims.holder(DPID).orElseThrow().connection(), "a refused connection releases nothing");
        claims.release(DPID, 1);
        assertEquals(Optional.empty(), claims.holder(DPID));
        assertEquals(Optional.empty(), claims.claim(DPID, 3, "10.0.0.1:40002", first.plusSeconds(9)),
            "the switch reconnecting after its connection closed");
    }

    @Test
    void refusalsAreCountedPerDatapathIdWithTheLastOne() {
        final RefusedConnections refused = new RefusedConnections();
        final Instant at = Instant.parse("2026-12-02T10:00:00Z");
        refused.record(DPID, "10.0.0.66:1", "first", at);
        refused.record(DPID, "10.0.0.66:2", "second", at.plusSeconds(1));
        assertEquals(new RefusedConnections.Refusals(2, "10.0.0.66:2", "second", at.plusSeconds(1)),
            refused.of(DPID).orElseThrow());
        assertEquals(Optional.empty(), refused.of(DPID + 1));
    }

    @Test
    void settingsDefaultToEveryAddressWithThePluginOnLoopback() {
        final GateSettings settings = GateSettings.parse(Map.of()).settings().orElseThrow();
        assertEquals(new GateSettings(true, "0.0.0.0", List.of(6653, 6633), "127.0.0.1", 16653, Optional.empty()),
            settings);
    }

    @Test
    void badSettingsOpenNothingAndSayWhy() {
        final GateSettings.Parsed parsed = GateSettings.parse(Map.of("listen-ports", "6653,x", "upstream-port",
            "70000", "keystore", "/etc/k.p12"));
        assertEquals(Optional.empty(), parsed.settings());
        assertEquals(List.of("listen-ports: 'x' is not a port (1-65535)", "upstream-port: '70000' is not a port"
            + " (1-65535)", "keystore is set without truststore: TLS needs the CA that signs the switches'"
            + " certificates"), parsed.errors());
        assertEquals(List.of("upstream-port 6653 is also a listen port"),
            GateSettings.parse(Map.of("upstream-port", "6653")).errors());
    }
}
