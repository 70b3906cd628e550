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
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.gate.SwitchGateStatus;
import org.opendaylight.liveflow.impl.gate.SwitchWriters;
import org.opendaylight.liveflow.impl.southbound.OverlayProgrammer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * Shows one chassis: its configuration, what the controller sees of it, and the ports bound to it.
 */
@Service
@Command(scope = "liveflow", name = "chassis-show", description = "Show one chassis with its liveness and ports")
public final class ChassisShowCommand extends OverlayStateCommand {
    @Argument(index = 0, name = "chassis", required = true, description = "Chassis name (OVS system-id)")
    @Completion(ChassisIdCompleter.class)
    private String name;
    @Reference(optional = true)
    private SwitchGateStatus gate;
    @Reference(optional = true)
    private SwitchWriters writers;
    /** Present on the member that runs the control loop. */
    @Reference(optional = true)
    private OverlayProgrammer programmer;

    @Override
    void print(final ConfigSnapshot snapshot, final OperationalView state, final PrintStream out) {
        final Chassis chassis = snapshot.chassis().get(name);
        if (chassis == null) {
            throw new IllegalArgumentException("No chassis '" + name + "' is configured");
        }
        final var status = state.chassis(name);
        out.println("Chassis          " + name);
        out.println("  Tunnel         " + chassis.getTunnelIp().stringValue() + " (" + orNone(chassis.getTunnelType())
            + ")");
        out.println("  Datapath id    " + orNone(chassis.getDatapathId()));
        out.println("  Admin state    " + Texts.adminState(chassis.getAdminStateUp()));
        out.println("  OpenFlow node  " + status.map(s -> orNone(s.getNodeId())).orElse(Texts.NONE));
        out.println("  Alive          " + status.map(s -> Texts.yesNo(s.getAlive()))
            .orElse("unknown (not seen by the controller yet)"));
        status.ifPresent(s -> {
            out.println("  Connected since " + orNone(s.getConnectedSince()));
            out.println("  Last seen      " + orNone(s.getLastSeen()));
            out.println("  Reason         " + (s.getReason() == null ? Texts.NONE : s.getReason().getName())
                + (Boolean.FALSE.equals(chassis.getAdminStateUp()) ? " (drained: no new VM is placed here)" : ""));
            out.println("  Changed at     " + orNone(s.getChangedAt()));
        });
        if (programmer != null) {
            programmer.compileFailure(name).ifPresent(why -> out.println("  Not programmed its flows do not compile, "
                + "so its switch keeps what it holds: " + why));
        }
        if (gate != null && chassis.getDatapathId() != null) {
            out.println("  Refused        " + gate.refusals(chassis.getDatapathId().longValue())
                .map(r -> r.count() + " connection(s) claiming this chassis; last from " + r.lastRemote() + " at "
                    + r.lastAt() + ": " + r.lastReason())
                .orElse(gate.enabled() ? "none" : "none (the switch gate is not running)"));
        }
        if (writers != null && chassis.getDatapathId() != null) {
            out.println("  Fast path      " + (writers.writesTo(chassis.getDatapathId().longValue())
                ? "through the switch gate (this member's OpenFlowPlugin is the switch's master)"
                : "through the OpenFlowPlugin's flow RPCs (no connection through this member's gate on which its "
                    + "OpenFlowPlugin is the switch's master)"));
        }
        out.println("  Bound ports    " + snapshot.portsOnChassis(name).size());
        for (Port port : snapshot.portsOnChassis(name)) {
            out.println("    " + port.getId().getValue() + "  " + port.getMacAddress().getValue() + "  "
                + Texts.fixedIps(port) + "  network " + port.getNetwork().getValue());
        }
    }
}
