/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;

/**
 * Table 40: a known destination MAC goes to its local port (through egress) or into the tunnel of the chassis
 * its port is up on, with the network's VNI; broadcast, multicast and unknown unicast go to flooding.
 *
 * <p>A port up in two places (a prepared migration) is reached through an ALL group with a bucket per copy: the
 * tunnels to both hosts on every other chassis; on each host, its own copy and the tunnel to the twin for what a
 * local port sends, its own copy only for what came from a tunnel (the sender's chassis sent the twin its copy).
 * For the same reason the source of a switched migration drops what still reaches it through a tunnel, once
 * every chassis' dual delivery was written (see {@link PortMigration}).
 */
final class L2LookupFlows implements FlowConcern {
    static final int KNOWN_MAC = 100;
    static final int KNOWN_MAC_FROM_TUNNEL = 110;
    static final int FLOOD = 10;

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        final Map<String, Network> reachable = new TreeMap<>(context.routedNetworks());
        reachable.putAll(context.networks());
        for (Network network : reachable.values()) {
            final long vni = CompileContext.vni(network);
            final Match inNetwork = Match.any().withMetadata(Metadata.network(vni), Metadata.NETWORK_MASK);
            final String networkId = idOf(network.getId());
            for (CompileContext.LocalPort local : context.localPortsOf(networkId)) {
                final Match toPort = inNetwork.withEthDst(ArpResponderFlows.mac(local.port()), null);
                final Owner owner = Owner.port(local.id());
                final Long twinTunnel = local.twin() == null ? null : context.tunnels().get(local.twin());
                if (twinTunnel == null) {
                    flows.add(toEgress(KNOWN_MAC, toPort, local, owner));
                    continue;
                }
                final long group = context.deliveryGroups().get(local.id());
                groups.add(new GroupSpec(group, List.of(local.deliver(),
                    List.of(new Action.SetTunnelId(vni), new Action.Output(twinTunnel))), owner));
                flows.add(FlowSpec.apply(Table.L2_LOOKUP, KNOWN_MAC, toPort, List.of(new Action.Group(group)), owner));
                flows.add(toEgress(KNOWN_MAC_FROM_TUNNEL,
                    Match.any().withMetadata(Metadata.network(vni) | Metadata.ingress(Metadata.FROM_TUNNEL),
                        Metadata.NETWORK_MASK | Metadata.INGRESS_MASK)
                        .withEthDst(ArpResponderFlows.mac(local.port()), null), local, owner));
            }
            for (CompileContext.RemotePort remote : context.remotePortsOf(networkId)) {
                final List<List<Action>> copies = new ArrayList<>();
                for (String host : remote.hosts()) {
                    final Long tunnel = context.tunnels().get(host);
                    if (tunnel != null) {
                        copies.add(List.of(new Action.SetTunnelId(vni), new Action.Output(tunnel)));
                    }
                }
                final Match toPort = inNetwork.withEthDst(ArpResponderFlows.mac(remote.port()), null);
                final Owner owner = Owner.reach(remote.id());
                if (context.tunnelledDrops().contains(remote.id())) {
                    flows.add(FlowSpec.drop(Table.L2_LOOKUP, KNOWN_MAC_FROM_TUNNEL,
                        Match.any().withMetadata(Metadata.network(vni) | Metadata.ingress(Metadata.FROM_TUNNEL),
                            Metadata.NETWORK_MASK | Metadata.INGRESS_MASK)
                            .withEthDst(ArpResponderFlows.mac(remote.port()), null), owner));
                }
                if (copies.size() == 1) {
                    flows.add(FlowSpec.apply(Table.L2_LOOKUP, KNOWN_MAC, toPort, copies.get(0), owner));
                } else if (copies.size() > 1) {
                    final long group = context.deliveryGroups().get(remote.id());
                    groups.add(new GroupSpec(group, copies, owner));
                    flows.add(FlowSpec.apply(Table.L2_LOOKUP, KNOWN_MAC, toPort, List.of(new Action.Group(group)),
                        owner));
                }
            }
            if (context.networks().containsKey(networkId)) {
                // a network only routed to has no port here to flood to, and routing only sends to known MACs
                flows.add(FlowSpec.gotoTable(Table.L2_LOOKUP, FLOOD, inNetwork, Table.FLOOD,
                    Owner.network(networkId)));
            }
        }
    }

    private static FlowSpec toEgress(final int priority, final Match match, final CompileContext.LocalPort local,
            final Owner owner) {
        return new FlowSpec(Table.L2_LOOKUP, priority, match, List.of(), Metadata.egress(local.ofport()),
            Metadata.EGRESS_MASK, Table.EGRESS, owner);
    }
}
