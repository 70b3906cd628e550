/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import static org.opendaylight.liveflow.impl.shell.Texts.orNone;

import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;

/**
 * Lists every network with its tenant, VNI, subnets and number of ports.
 */
@Service
@Command(scope = "liveflow", name = "network-list", description = "List networks with VNI, subnets and ports")
public final class NetworkListCommand implements Action {
    @Reference
    private ConfigIndex index;
    @Reference
    private Session session;

    @Override
    public Object execute() {
        final ConfigSnapshot snapshot = index.current();
        final ShellTable table = new ShellTable();
        table.column("ID");
        table.column("NAME");
        table.column("TENANT");
        table.column("VNI");
        table.column("SUBNETS");
        table.column("PORTS");
        for (Network network : snapshot.networks().values()) {
            final String id = network.getId().getValue();
            final String subnets = snapshot.subnetsOfNetwork(id).stream().map(s -> s.getCidr())
                .collect(Collectors.joining(","));
            table.addRow().addContent(id, orNone(network.getName()), network.getTenant().getValue(),
                network.getSegmentationId(), orNone(subnets), snapshot.portsOfNetwork(id).size());
        }
        table.print(session.getConsole());
        return null;
    }
}
