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
 * Table 0: a packet from a local VM port gets its network and ingress port in metadata and goes to port
 * security; a packet from a tunnel is accepted only with the VNI of a network that has a port here, and goes
 * straight to the L2 lookup (the sending chassis already checked its source). One flow per network serves
 * every tunnel: only tunnel ports set a non-zero tunnel id, and VNIs start at 1, so a VM can never match it.
 */
final class ClassifierFlows implements FlowConcern {
    static final int PRIORITY = 100;

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        final long mask = Metadata.NETWORK_MASK | Metadata.INGRESS_MASK;
        for (CompileContext.LocalPort local : context.localPorts()) {
            if (local.vlan() != null) {
                // a sub-port's tagged frames: TrunkFlows
                continue;
            }
            final long metadata = Metadata.network(CompileContext.vni(local.network()))
                | Metadata.ingress(local.ofport());
            flows.add(new FlowSpec(Table.CLASSIFIER, PRIORITY, Match.any().withInPort(local.ofport()), List.of(),
                metadata, mask, Table.PORT_SECURITY, Owner.port(local.port().getId().getValue())));
        }
        if (context.tunnels().isEmpty()) {
            return;
        }
        for (Network network : context.networks().values()) {
            final long vni = CompileContext.vni(network);
            flows.add(new FlowSpec(Table.CLASSIFIER, PRIORITY, Match.any().withTunnelId(vni), List.of(),
                Metadata.network(vni) | Metadata.ingress(Metadata.FROM_TUNNEL), mask, Table.L2_LOOKUP,
                Owner.network(idOf(network.getId()))));
        }
    }
}
