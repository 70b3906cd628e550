/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.GroupSpec;
import org.opendaylight.liveflow.impl.compiler.SwitchFlows;
import org.opendaylight.liveflow.impl.southbound.OverlayProgrammer;

/**
 * Shows the flows and groups liveflow wants on a chassis, grouped by the object that owns them, optionally only
 * those of one port or network.
 */
@Service
@Command(scope = "liveflow", name = "flows", description = "Show a chassis' flows and groups grouped by owner")
public final class FlowsCommand implements Action {
    @Reference(optional = true)
    private OverlayProgrammer programmer;
    @Reference
    private Session session;

    @Argument(index = 0, name = "chassis", required = true, description = "Chassis name")
    @Completion(ChassisIdCompleter.class)
    private String chassis;

    @Option(name = "--owner", aliases = "-o",
        description = "Only flows owned by this port, network, router or floating IP id")
    private String owner;

    @Override
    public Object execute() {
        OnControlLoopMember.require(programmer);
        final SwitchFlows desired = programmer.desired(chassis);
        final PrintStream out = session.getConsole();
        if (desired.flows().isEmpty()) {
            out.println("No flows for chassis " + chassis + " (unknown chassis, no datapath-id, or not connected)");
            return null;
        }
        final Map<String, List<FlowSpec>> byOwner = desired.flows().values().stream()
            .filter(flow -> owner == null || flow.owner().id().equals(owner))
            .collect(Collectors.groupingBy(flow -> flow.owner().toString(), TreeMap::new, Collectors.toList()));
        byOwner.forEach((name, flows) -> {
            out.println(name + " (" + flows.size() + " flows)");
            flows.stream().sorted(Comparator.comparing((FlowSpec f) -> f.table().id())
                    .thenComparing(f -> -f.priority()).thenComparing(FlowSpec::toString))
                .forEach(flow -> out.println("  " + flow));
        });
        for (GroupSpec group : desired.groups().values()) {
            if (owner == null || group.owner().id().equals(owner)) {
                out.println(group.owner() + " group " + group.groupId() + " type=all " + group.buckets());
            }
        }
        return null;
    }
}
