/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it.lab;

import java.nio.file.Path;

/**
 * The controller the lab's chassis join: its OpenFlow port, its RESTCONF address, and the distribution's own
 * {@code bin/liveflow-chassis}, which builds every chassis' br-int and tunnel ports (so every lab run tests it).
 *
 * @param openflowPort the controller's OpenFlow port on 127.0.0.1
 * @param restconf the RESTCONF base URL, such as {@code http://127.0.0.1:8181}
 * @param chassisTool the path of {@code bin/liveflow-chassis} in the distribution under test
 */
public record LabController(int openflowPort, String restconf, Path chassisTool) {
}
