/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.List;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;

/**
 * Table 40: a known destination MAC goes to its local port (through egress) or into the tunnel of the chassis
 * its port is up on, with the network's VNI; broadcast, multicast and unknown unicast go to flooding.
 */
final class L2LookupFlows implements FlowConcern {
    static final int KNOWN_MAC = 100;
    static final int FLOOD = 10;

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        for (Network network : context.networks().values()) {
            final long vni = CompileContext.vni(network);
            final Match inNetwork = Match.any().withMetadata(Metadata.network(vni), Metadata.NETWORK_MASK);
            final String networkId = idOf(network.getId());
            for (CompileContext.LocalPort local : context.localPortsOf(networkId)) {
                flows.add(new FlowSpec(Table.L2_LOOKUP, KNOWN_MAC,
                    inNetwork.withEthDst(ArpResponderFlows.mac(local.port()), null), List.of(),
                    Metadata.egress(local.ofport()), Metadata.EGRESS_MASK, Table.EGRESS,
                    Owner.port(local.port().getId().getValue())));
            }
            for (CompileContext.RemotePort remote : context.remotePorts()) {
                final Long tunnel = context.tunnels().get(remote.chassis());
                if (tunnel == null || !idOf(remote.network().getId()).equals(networkId)) {
                    continue;
                }
                flows.add(FlowSpec.apply(Table.L2_LOOKUP, KNOWN_MAC,
                    inNetwork.withEthDst(ArpResponderFlows.mac(remote.port()), null),
                    List.of(new Action.SetTunnelId(vni), new Action.Output(tunnel)),
                    Owner.port(remote.port().getId().getValue())));
            }
            flows.add(FlowSpec.gotoTable(Table.L2_LOOKUP, FLOOD, inNetwork, Table.FLOOD, Owner.network(networkId)));
        }
    }
}
