/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One desired OpenFlow group of type ALL: every bucket gets a copy of the packet.
 *
 * @param groupId the group id on the switch
 * @param buckets the actions of each bucket
 * @param owner the configuration object the group exists for
 */
public record GroupSpec(long groupId, List<List<Action>> buckets, Owner owner) {
    public GroupSpec {
        buckets = buckets.stream().map(List::copyOf).toList();
        requireNonNull(owner);
    }
}
