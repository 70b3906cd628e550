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
import java.util.Locale;
import java.util.Optional;
import org.opendaylight.liveflow.impl.compiler.Action.Field;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * Table 20: an ARP request from a local port for the IPv4 address of another port of its network is answered
 * on the spot, so it never floods the overlay. OpenFlow 1.3 cannot copy the requester's addresses into the
 * reply, but port security has already pinned them: each reply flow is per (requester, target).
 */
final class ArpResponderFlows implements FlowConcern {
    static final int PRIORITY = 100;

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        for (CompileContext.LocalPort local : context.localPorts()) {
            final Port requester = local.port();
            final Optional<String> requesterIp = CompileContext.ipv4Of(requester);
            if (requesterIp.isEmpty() || Boolean.FALSE.equals(requester.getPortSecurityEnabled())) {
                continue;
            }
            final String requesterMac = mac(requester);
            for (Port target : context.config().portsOfNetwork(idOf(local.network().getId()))) {
                final Optional<String> targetIp = CompileContext.ipv4Of(target);
                if (target.equals(requester) || targetIp.isEmpty()) {
                    continue;
                }
                final String targetMac = mac(target);
                flows.add(FlowSpec.apply(Table.ARP_RESPONDER, PRIORITY,
                    local.fromPort().withArp(Match.ARP_REQUEST, null, targetIp.orElseThrow(), null),
                    reply(local, requesterMac, requesterIp.orElseThrow(), targetMac, targetIp.orElseThrow()),
                    Owner.port(requester.getId().getValue())));
            }
        }
    }

    /**
     * Returns the actions that turn an ARP request from a local port into the reply of {@code mac} for
     * {@code ip}, sent back the way the request came (tagged again for a sub-port).
     */
    static List<Action> reply(final CompileContext.LocalPort requester, final String requesterMac,
            final String requesterIp, final String mac, final String ip) {
        final List<Action> out = new ArrayList<>(List.of(
            new Action.SetField(Field.ETH_DST, requesterMac),
            new Action.SetField(Field.ETH_SRC, mac),
            new Action.SetField(Field.ARP_OP, Integer.toString(Match.ARP_REPLY)),
            new Action.SetField(Field.ARP_THA, requesterMac),
            new Action.SetField(Field.ARP_TPA, requesterIp),
            new Action.SetField(Field.ARP_SHA, mac),
            new Action.SetField(Field.ARP_SPA, ip)));
        out.addAll(requester.replyInPort());
        return out;
    }

    static String mac(final Port port) {
        return port.getMacAddress().getValue().toLowerCase(Locale.ROOT);
    }
}
