/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.List;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;

/**
 * A port update may not carry a lower revision than the stored one: a delayed or replayed write of an older
 * version is refused instead of silently undoing a newer one.
 */
final class RevisionRule implements ValidationRule {
    @Override
    public void check(final ConfigSnapshot before, final ConfigSnapshot after, final ConfigChange change,
            final List<Violation> out) {
        for (Port port : Touched.present(after.ports(), change.ids(ConfigKind.PORT))) {
            final Port old = before.ports().get(idOf(port.getId()));
            if (old == null || old.getRevision() == null || old.equals(port)) {
                continue;
            }
            if (port.getRevision() == null || port.getRevision().compareTo(old.getRevision()) < 0) {
                out.add(Violation.conflict("port " + idOf(port.getId()) + ": revision " + port.getRevision()
                    + " is older than the stored revision " + old.getRevision() + " (stale update)"));
            }
        }
    }
}
