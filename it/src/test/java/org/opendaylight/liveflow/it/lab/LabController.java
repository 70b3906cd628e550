/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it.lab;

import java.nio.file.Path;
import java.util.List;

/**
 * The controller the lab's chassis join: its OpenFlow targets (one per cluster member, one for a single
 * controller), its RESTCONF address, and the distribution's own {@code bin/liveflow-chassis}, which builds every
 * chassis' br-int and tunnel ports (so every lab run tests it).
 *
 * @param openflowTargets where the switches connect, HOST:PORT each, such as {@code 127.0.0.1:6653}
 * @param restconf the RESTCONF base URL, such as {@code http://127.0.0.1:8181}
 * @param chassisTool the path of {@code bin/liveflow-chassis} in the distribution under test
 */
public record LabController(List<String> openflowTargets, String restconf, Path chassisTool) {
    public LabController {
        openflowTargets = List.copyOf(openflowTargets);
        if (openflowTargets.isEmpty()) {
            throw new IllegalArgumentException("a controller needs an OpenFlow target");
        }
    }

    /**
     * A single controller with its OpenFlow port on 127.0.0.1.
     */
    public LabController(final int openflowPort, final String restconf, final Path chassisTool) {
        this(List.of("127.0.0.1:" + openflowPort), restconf, chassisTool);
    }

    /**
     * Returns the first OpenFlow target (the only one of a single controller).
     */
    public String openflowTarget() {
        return openflowTargets.get(0);
    }
}
