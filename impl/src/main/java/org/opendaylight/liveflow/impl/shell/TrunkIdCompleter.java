/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import java.util.Collection;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendaylight.liveflow.api.ConfigSnapshot;

@Service
public final class TrunkIdCompleter extends IdCompleter {
    @Override
    Collection<String> ids(final ConfigSnapshot snapshot) {
        return snapshot.trunks().keySet();
    }
}
