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
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;

/**
 * Table 50 and the flood groups: per network one ALL group to every local port and every chassis with a port of
 * the network up, used for what a local port sends; and one ALL group to the local ports only, for what came
 * from a tunnel, so a flood never loops between chassis. A switch never sends a copy back out of the ingress
 * port.
 */
final class FloodFlows implements FlowConcern {
    static final int FROM_TUNNEL = 100;
    static final int FROM_LOCAL = 90;

    /**
     * Returns the id of the network's group that floods locally and to remote chassis.
     */
    static long everywhereGroup(final long vni) {
        return vni << 1;
    }

    /**
     * Returns the id of the network's group that floods to local ports only.
     */
    static long localGroup(final long vni) {
        return vni << 1 | 1;
    }

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        for (Network network : context.networks().values()) {
            final String networkId = idOf(network.getId());
            final long vni = CompileContext.vni(network);
            final Owner owner = Owner.network(networkId);
            final List<List<Action>> local = new ArrayList<>();
            for (CompileContext.LocalPort port : context.localPortsOf(networkId)) {
                local.add(port.deliver());
            }
            final List<List<Action>> everywhere = new ArrayList<>(local);
            for (String remote : context.remoteChassisOf(networkId)) {
                everywhere.add(List.of(new Action.SetTunnelId(vni), new Action.Output(context.tunnels().get(remote))));
            }
            groups.add(new GroupSpec(localGroup(vni), local, owner));
            groups.add(new GroupSpec(everywhereGroup(vni), everywhere, owner));

            final Match inNetwork = Match.any().withMetadata(Metadata.network(vni), Metadata.NETWORK_MASK);
            flows.add(FlowSpec.apply(Table.FLOOD, FROM_TUNNEL,
                Match.any().withMetadata(Metadata.network(vni) | Metadata.ingress(Metadata.FROM_TUNNEL),
                    Metadata.NETWORK_MASK | Metadata.INGRESS_MASK),
                List.of(new Action.Group(localGroup(vni))), owner));
            flows.add(FlowSpec.apply(Table.FLOOD, FROM_LOCAL, inNetwork,
                List.of(new Action.Group(everywhereGroup(vni))), owner));
        }
    }
}
