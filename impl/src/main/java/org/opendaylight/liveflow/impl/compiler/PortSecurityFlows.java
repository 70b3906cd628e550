/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.AllowedAddressPair;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIp;

/**
 * Table 10: a port may only send from its own MAC and, for IPv4 and ARP, from its fixed IPs or allowed address
 * pairs; everything else (spoofed MAC, spoofed IP, forged ARP) falls to the table-miss drop. A port with port
 * security disabled passes unchecked.
 */
final class PortSecurityFlows implements FlowConcern {
    static final int PRIORITY = 100;

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        for (CompileContext.LocalPort local : context.localPorts()) {
            final Port port = local.port();
            final Owner owner = Owner.port(port.getId().getValue());
            final Match fromPort = local.fromPort();
            if (Boolean.FALSE.equals(port.getPortSecurityEnabled())) {
                flows.add(FlowSpec.gotoTable(Table.PORT_SECURITY, PRIORITY, fromPort, Table.ARP_RESPONDER, owner));
                continue;
            }
            final String mac = port.getMacAddress().getValue().toLowerCase(Locale.ROOT);
            for (Source source : sources(port, mac)) {
                final Match fromSource = fromPort.withEthSrc(source.mac());
                flows.add(FlowSpec.gotoTable(Table.PORT_SECURITY, PRIORITY, fromSource.withIpv4Src(source.ip()),
                    Table.ARP_RESPONDER, owner));
                flows.add(FlowSpec.gotoTable(Table.PORT_SECURITY, PRIORITY,
                    fromSource.withArp(null, source.ip(), null, source.mac()), Table.ARP_RESPONDER, owner));
            }
            flows.add(FlowSpec.gotoTable(Table.PORT_SECURITY, PRIORITY,
                fromPort.withEthSrc(mac).withEthType(Match.ETH_TYPE_IPV6), Table.ARP_RESPONDER, owner));
        }
    }

    /** One permitted source: MAC and IPv4 address or prefix. */
    private record Source(String mac, String ip) {
    }

    private static List<Source> sources(final Port port, final String mac) {
        final List<Source> out = new ArrayList<>();
        for (FixedIp ip : port.nonnullFixedIp().values()) {
            final String address = ip.getIpAddress().stringValue();
            if (address.indexOf(':') < 0) {
                out.add(new Source(mac, address));
            }
        }
        for (AllowedAddressPair pair : port.nonnullAllowedAddressPair().values()) {
            if (pair.getIpAddress().indexOf(':') < 0) {
                out.add(new Source(pair.getMacAddress() == null ? mac
                    : pair.getMacAddress().getValue().toLowerCase(Locale.ROOT), pair.getIpAddress()));
            }
        }
        return out;
    }
}
