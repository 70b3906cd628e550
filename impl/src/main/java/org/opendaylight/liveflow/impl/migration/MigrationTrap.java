/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.util.Optional;
import org.opendaylight.liveflow.impl.compiler.Owner;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.node.NodeConnector;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.node.NodeConnectorKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.NodeKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.PacketReceived;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * A packet-in sent by a migration trap flow (its cookie says so), read once for the engine and for the relay that
 * hands it to another cluster member.
 *
 * @param cookie the cookie of the flow that sent it
 * @param payload the frame
 * @param nodeId the switch, openflow:DPID
 * @param connectorId the ingress port, openflow:DPID:OFPORT
 */
public record MigrationTrap(long cookie, byte[] payload, String nodeId, String connectorId) {
    /**
     * Returns the trap a packet-in is, or empty when a migration trap did not send it or it names no ingress port.
     */
    public static Optional<MigrationTrap> of(final PacketReceived packet) {
        if (packet.getFlowCookie() == null || packet.getIngress() == null || packet.getPayload() == null) {
            return Optional.empty();
        }
        final long cookie = packet.getFlowCookie().getValue().longValue();
        if (!isMigrationCookie(cookie)) {
            return Optional.empty();
        }
        final InstanceIdentifier<?> ingress = packet.getIngress().getValue();
        final NodeKey node = ingress.firstKeyOf(Node.class);
        final NodeConnectorKey connector = ingress.firstKeyOf(NodeConnector.class);
        return node == null || connector == null ? Optional.empty() : Optional.of(new MigrationTrap(cookie,
            packet.getPayload(), node.getId().getValue(), connector.getId().getValue()));
    }

    static boolean isMigrationCookie(final long cookie) {
        return cookie >>> 56 == Owner.Kind.MIGRATION.code();
    }
}
