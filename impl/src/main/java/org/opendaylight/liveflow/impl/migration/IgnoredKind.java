/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

/**
 * Why an event changed nothing.
 */
public enum IgnoredKind {
    /** It belongs to an older generation of the port's migration. */
    STALE,
    /** It repeats what already happened. */
    DUPLICATE,
    /** It does not apply in the state the migration is in. */
    OUT_OF_ORDER
}
