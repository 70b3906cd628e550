/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import static org.opendaylight.liveflow.impl.shell.Texts.orNone;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.compiler.Owner;
import org.opendaylight.liveflow.impl.compiler.RouterView;
import org.opendaylight.liveflow.impl.southbound.OverlayProgrammer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.router.Interface;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.router.StaticRoute;

/**
 * Shows one router: its interfaces (subnet, network, prefix, address), its static routes with the port each
 * next hop resolves to, and the chassis where it is present.
 */
@Service
@Command(scope = "liveflow", name = "router-show", description = "Show one router: interfaces, routes, chassis")
public final class RouterShowCommand implements Action {
    @Reference
    private ConfigIndex index;
    @Reference(optional = true)
    private OverlayProgrammer programmer;
    @Reference
    private Session session;

    @Argument(index = 0, name = "router", required = true, description = "Router id")
    @Completion(RouterIdCompleter.class)
    private String routerId;

    @Override
    public Object execute() {
        OnControlLoopMember.require(programmer);
        final ConfigSnapshot snapshot = index.current();
        final Router router = snapshot.routers().get(routerId);
        if (router == null) {
            throw new IllegalArgumentException("No router '" + routerId + "' is configured");
        }
        final Optional<RouterView> view = RouterView.of(snapshot, router,
            RouterView.routersPerNetwork(snapshot));
        final PrintStream out = session.getConsole();
        out.println("Router          " + routerId);
        out.println("  Name          " + orNone(router.getName()));
        out.println("  Tenant        " + router.getTenant().getValue());
        out.println("  MAC           " + RouterView.macOf(router)
            + (router.getMacAddress() == null ? " (derived from the id)" : ""));
        out.println("  Admin state   " + Texts.adminState(router.getAdminStateUp()));
        view.ifPresent(v -> out.println("  Routes        " + (v.home() != null
            ? "one copy, scope " + v.scopeOf(v.home()) + " (network " + ConfigSnapshot.idOf(v.home().getId())
                + ", which no other router is on)"
            : "one copy per network (each of its networks has another router too)")));
        for (Interface iface : router.nonnullInterface().values()) {
            final String subnet = iface.getSubnet().getValue();
            out.println("  Interface     " + view.flatMap(v -> v.interfaces().stream()
                    .filter(a -> a.subnetId().equals(subnet)).findFirst())
                .map(a -> subnet + " " + a.cidr() + " on " + a.networkId() + ", address " + a.address())
                .orElse(subnet + " (not routing: subnet, network or address missing, IPv6, or router down)"));
        }
        for (StaticRoute route : router.nonnullStaticRoute().values()) {
            final String text = route.getDestination() + " via " + route.getNextHop().stringValue();
            out.println("  Route         " + view.flatMap(v -> v.routes().stream()
                    .filter(r -> r.nextHop().equals(route.getNextHop().stringValue())
                        && r.destination().toString().equals(route.getDestination())).findFirst())
                .map(r -> text + " (port " + r.nextHopPort().getId().getValue() + ")")
                .orElse(text + " (not routing: no port has the next hop)"));
        }
        out.println("  Present on    " + orNone(String.join(",",
            OwnerPresence.of(snapshot, programmer, Owner.Kind.ROUTER).getOrDefault(routerId, List.of()))));
        return null;
    }
}
