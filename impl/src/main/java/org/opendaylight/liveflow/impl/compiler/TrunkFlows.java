/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import java.util.List;

/**
 * Table 0 for trunks: a frame tagged with a sub-port's VLAN id on its parent's interface loses the tag and is
 * classified as the sub-port's (its network, the parent's interface), then checked against the sub-port's own
 * addresses; a tagged frame whose VLAN id no sub-port of the trunk has is dropped. The parent's untagged frames
 * keep the plain classifier flow, below both. The other direction (the tag pushed on delivery) is in the egress,
 * flood and delivery-group actions of each sub-port.
 */
final class TrunkFlows implements FlowConcern {
    static final int SUB_PORT = 110;
    static final int UNKNOWN_VLAN = 105;

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        final long mask = Metadata.NETWORK_MASK | Metadata.INGRESS_MASK;
        for (CompileContext.LocalPort local : context.localPorts()) {
            final Match fromInterface = Match.any().withInPort(local.ofport());
            if (local.vlan() != null) {
                flows.add(new FlowSpec(Table.CLASSIFIER, SUB_PORT, fromInterface.withVlan(local.vlan()),
                    List.of(new Action.PopVlan()),
                    Metadata.network(CompileContext.vni(local.network())) | Metadata.ingress(local.ofport()), mask,
                    Table.PORT_SECURITY, Owner.port(local.id())));
            } else if (context.config().trunkOfParent(local.id()).isPresent()) {
                flows.add(FlowSpec.drop(Table.CLASSIFIER, UNKNOWN_VLAN, fromInterface.withAnyVlan(),
                    Owner.port(local.id())));
            }
        }
    }
}
