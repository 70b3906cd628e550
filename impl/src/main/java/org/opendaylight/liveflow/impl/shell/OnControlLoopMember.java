/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The commands that read the programmer's state answer only on the cluster member that runs the control loop;
 * elsewhere they say where to ask. Their reference to it is optional: Karaf registers a bundle's commands only
 * once every mandatory reference of every command is there, so a mandatory one would hide all of liveflow's
 * commands on the other members.
 */
final class OnControlLoopMember {
    private OnControlLoopMember() {
    }

    static <T> T require(final @Nullable T part) {
        if (part == null) {
            throw new IllegalStateException("This cluster member does not run liveflow's control loop: run the "
                + "command on the member where liveflow:cluster-status says it does");
        }
        return part;
    }
}
