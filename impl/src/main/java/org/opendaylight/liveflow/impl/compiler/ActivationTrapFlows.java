/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import java.util.List;
import java.util.Optional;

/**
 * Table 10, on the destination of a prepared migration: the RARP and the gratuitous ARP the resumed VM sends
 * from its own port, with its own MAC (and IP), go to the controller, which activates the migration, and on
 * through the pipeline like any frame. The match pins the ingress port, so a RARP/GARP for the MAC from another
 * port never reaches the controller (port security drops it). The cookie carries the migration's generation.
 */
final class ActivationTrapFlows implements FlowConcern {
    static final int PRIORITY = 110;
    static final int ETH_TYPE_RARP = 0x8035;

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        for (CompileContext.LocalPort local : context.localPorts()) {
            if (local.trapGeneration() == null) {
                continue;
            }
            // a sub-port's announcement activates its parent's migration, which carries every sub-port along
            final Owner owner = Owner.migration(local.carrier(), local.trapGeneration());
            final String mac = ArpResponderFlows.mac(local.port());
            final Match fromPort = local.fromPort().withEthSrc(mac);
            final List<Action> toController = List.of(new Action.ToController());
            flows.add(new FlowSpec(Table.PORT_SECURITY, PRIORITY, fromPort.withEthType(ETH_TYPE_RARP), toController,
                null, null, Table.ARP_RESPONDER, owner));
            final Optional<String> ip = CompileContext.ipv4Of(local.port());
            if (ip.isPresent()) {
                flows.add(new FlowSpec(Table.PORT_SECURITY, PRIORITY,
                    fromPort.withArp(null, ip.orElseThrow(), ip.orElseThrow(), mac), toController, null, null,
                    Table.ARP_RESPONDER, owner));
            }
        }
    }
}
