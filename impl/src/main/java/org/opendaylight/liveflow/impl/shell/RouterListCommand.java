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
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.compiler.Owner;
import org.opendaylight.liveflow.impl.compiler.RouterView;
import org.opendaylight.liveflow.impl.southbound.OverlayProgrammer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;

/**
 * Lists every router with its MAC, admin state, interfaces, number of static routes and the chassis where it is
 * present.
 */
@Service
@Command(scope = "liveflow", name = "router-list", description = "List routers: interfaces, routes, chassis present")
public final class RouterListCommand implements Action {
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
        final Map<String, List<String>> presence = OwnerPresence.of(snapshot, programmer, Owner.Kind.ROUTER);
        final ShellTable table = new ShellTable();
        table.column("ID");
        table.column("TENANT");
        table.column("MAC");
        table.column("ADMIN");
        table.column("INTERFACES");
        table.column("ROUTES");
        table.column("PRESENT ON");
        for (Router router : snapshot.routers().values()) {
            final String id = router.getId().getValue();
            final String interfaces = router.nonnullInterface().values().stream()
                .map(iface -> iface.getSubnet().getValue()
                    + (iface.getIpAddress() == null ? "" : "=" + iface.getIpAddress().stringValue()))
                .sorted().collect(Collectors.joining(","));
            table.addRow().addContent(id, router.getTenant().getValue(), RouterView.macOf(router),
                Texts.adminState(router.getAdminStateUp()), orNone(interfaces), router.nonnullStaticRoute().size(),
                orNone(String.join(",", presence.getOrDefault(id, List.of()))));
        }
        table.print(session.getConsole());
        return null;
    }
}
