/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.SwitchFlows;
import org.opendaylight.liveflow.impl.southbound.OverlayProgrammer;
import org.opendaylight.liveflow.impl.topology.SwitchInventory;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;

/**
 * Compares the flows liveflow wants on a chassis with those installed for it in the OpenFlowPlugin's config
 * inventory: missing, unexpected, and counts. Empty differences mean the reconciler has converged.
 */
@Service
@Command(scope = "liveflow", name = "flow-diff", description = "Diff desired and installed flows of a chassis")
public final class FlowDiffCommand implements Action {
    @Reference(optional = true)
    private OverlayProgrammer programmer;
    @Reference
    private ConfigIndex index;
    @Reference
    private Session session;

    @Argument(index = 0, name = "chassis", required = true, description = "Chassis name")
    @Completion(ChassisIdCompleter.class)
    private String chassis;

    @Option(name = "--summary", aliases = "-s", description = "Print only the counts line, not every flow that differs"
        + " (a chassis being programmed can miss thousands)")
    private boolean summary;

    @Override
    public Object execute() {
        OnControlLoopMember.require(programmer);
        final Chassis config = index.current().chassis().get(chassis);
        if (config == null || config.getDatapathId() == null) {
            throw new IllegalArgumentException("Chassis '" + chassis + "' is not configured with a datapath-id");
        }
        final String nodeId = SwitchInventory.nodeIdOf(config).orElseThrow();
        final SwitchFlows desired = programmer.desired(chassis);
        final Map<String, Flow> installed = programmer.reconciler().installedFlows(nodeId);
        final PrintStream out = session.getConsole();
        final TreeSet<String> missing = new TreeSet<>(desired.flows().keySet());
        missing.removeAll(installed.keySet());
        final TreeSet<String> extra = new TreeSet<>(installed.keySet());
        extra.removeAll(desired.flows().keySet());
        out.println("Chassis " + chassis + " (" + nodeId + "): " + desired.flows().size() + " desired, "
            + installed.size() + " installed, " + missing.size() + " missing, " + extra.size() + " unexpected");
        // the switches are written first and the record after (minutes after, at a thousand switches): an operator
        // about to restart the controller, or a benchmark waiting for a quiet controller, needs to know the lag
        out.println("Record (what a restarted controller starts from): "
            + programmer.reconciler().unrecordedChanges() + " changes of all switches not written yet");
        if (summary) {
            return null;
        }
        for (String id : missing) {
            final FlowSpec flow = desired.flows().get(id);
            out.println("- missing    " + flow);
        }
        for (String id : extra) {
            out.println("+ unexpected " + id + " " + installed.get(id).getFlowName());
        }
        return null;
    }
}
