/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import java.util.Optional;
import org.opendaylight.liveflow.impl.gate.RefusedConnections.Refusals;

/**
 * What the switch gate tells the shell: whether it stands in front of the OpenFlowPlugin, and the connections it
 * refused for a datapath id.
 */
public interface SwitchGateStatus {
    boolean enabled();

    Optional<Refusals> refusals(long datapathId);
}
