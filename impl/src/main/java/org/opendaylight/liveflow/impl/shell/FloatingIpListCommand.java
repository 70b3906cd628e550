/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import static org.opendaylight.liveflow.impl.shell.Texts.orNone;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.compiler.FloatingIpView;
import org.opendaylight.liveflow.impl.compiler.Owner;
import org.opendaylight.liveflow.impl.southbound.OverlayProgrammer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;

/**
 * Lists every floating IP with its port, the fixed IP it maps to, its MAC and the chassis where it is
 * translated (two while its port migrates); "-" where it forwards nothing, and why.
 */
@Service
@Command(scope = "liveflow", name = "floating-ip-list", description = "List floating IPs: port, chassis, MAC")
public final class FloatingIpListCommand implements Action {
    @Reference
    private ConfigIndex index;
    @Reference(optional = true)
    private OverlayProgrammer programmer;
    @Reference
    private Session session;

    @Override
    public Object execute() {
        OnControlLoopMember.require(programmer);
        final ConfigSnapshot snapshot = index.current();
        final Map<String, List<String>> presence = OwnerPresence.of(snapshot, programmer, Owner.Kind.FLOATING_IP);
        final ShellTable table = new ShellTable();
        table.column("ID");
        table.column("FLOATING IP");
        table.column("PORT");
        table.column("FIXED IP");
        table.column("MAC");
        table.column("CHASSIS");
        for (FloatingIp fip : snapshot.floatingIps().values()) {
            final String id = fip.getId().getValue();
            final Optional<FloatingIpView> view = FloatingIpView.of(snapshot, fip);
            final List<String> chassis = presence.getOrDefault(id, List.of());
            table.addRow().addContent(id, fip.getFloatingIpAddress().getValue(), orNone(fip.getPort()),
                view.map(FloatingIpView::fixedIp).orElse(orNone(fip.getFixedIpAddress())), FloatingIpView.macOf(fip),
                !chassis.isEmpty() ? String.join(",", chassis)
                    : fip.getPort() == null ? "- (unassociated)"
                    : view.isEmpty() ? "- (no external subnet or router)" : "- (port not up anywhere)");
        }
        table.print(session.getConsole());
        return null;
    }
}
