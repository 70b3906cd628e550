/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.compiler.FlowSpec;
import org.opendaylight.liveflow.impl.compiler.Owner;
import org.opendaylight.liveflow.impl.southbound.OverlayProgrammer;

/**
 * Where each router or floating IP is present: the chassis whose desired flows include flows it owns, which is
 * exactly where it routes or translates (the compiler decides; the shell does not guess).
 */
final class OwnerPresence {
    private OwnerPresence() {
        // utility class
    }

    /**
     * Returns, per owner id of the given kind, the chassis where it has flows, in chassis name order.
     */
    static Map<String, List<String>> of(final ConfigSnapshot snapshot, final OverlayProgrammer programmer,
            final Owner.Kind kind) {
        final Map<String, List<String>> out = new HashMap<>();
        for (String chassis : snapshot.chassis().keySet()) {
            programmer.desired(chassis).flows().values().stream().map(FlowSpec::owner)
                .filter(owner -> owner.kind() == kind).map(Owner::id).distinct()
                .forEach(owner -> out.computeIfAbsent(owner, id -> new ArrayList<>()).add(chassis));
        }
        return out;
    }
}
