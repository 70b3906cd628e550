/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.opendaylight.liveflow.impl.admission.AdmissionControl;
import org.opendaylight.liveflow.impl.admission.AdmissionSettings;
import org.opendaylight.liveflow.impl.admission.WriteGate;

/**
 * Shows what RESTCONF admission is doing: its limits, what is in progress, and what it admitted and refused.
 */
@Service
@Command(scope = "liveflow", name = "admission", description = "RESTCONF admission: limits, load and refusals")
public final class AdmissionCommand implements Action {
    @Reference
    private AdmissionControl admission;
    @Reference
    private Session session;

    @Override
    public Object execute() {
        final PrintStream out = session.getConsole();
        final AdmissionSettings settings = admission.settings();
        final WriteGate.Counters writes = admission.writes().counters();
        out.printf("requests in progress       %d of %d%n", admission.requestsInProgress(), settings.maxRequests());
        out.printf("refused (all slots busy)   %d%n", admission.refusedBusy());
        out.printf("configuration writes       %s, %d waiting (at most %d, each at most %d ms)%n",
            writes.writing() ? "one running" : "none running", writes.waiting(), settings.maxWaitingWrites(),
            settings.maxWriteWait().toMillis());
        out.printf("writes admitted            %d%n", writes.admitted());
        out.printf("refused (write queue full) %d%n", writes.refusedQueueFull());
        out.printf("refused (wait too long)    %d%n", writes.refusedExpectedWait());
        out.printf("refused (no turn in time)  %d%n", writes.refusedTimeout());
        out.printf("average write              %d ms%n", writes.averageTurn().toMillis());
        out.printf("Retry-After                %d s%n", settings.retryAfter().toSeconds());
        return null;
    }
}
