/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.cluster;

/**
 * Registered as an OSGi service only on the cluster member that runs liveflow's control loop, and only while it
 * does. The components that act (the migration engine, the programmer, chassis liveness and, through the engine,
 * the RPCs) require it, so the service runtime starts them where it appears and stops them where it goes: on one
 * member at a time. A single controller is a cluster of one and always holds it.
 */
public interface ControlLoopLease {
}
