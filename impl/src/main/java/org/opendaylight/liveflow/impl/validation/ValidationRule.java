/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import java.util.List;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigSnapshot;

/**
 * One family of checks on the configuration a transaction would leave behind.
 */
@FunctionalInterface
interface ValidationRule {
    /**
     * Adds to {@code out} every violation the change introduces in {@code after}. {@code before} is what is stored
     * now: it was valid, so a rule checks what {@code change} touches (the entries it wrote or removed and those
     * that depend on them), never the whole overlay. {@code before} also serves rules that judge a change rather
     * than a state (quotas, revisions) and clearer messages.
     */
    void check(ConfigSnapshot before, ConfigSnapshot after, ConfigChange change, List<Violation> out);
}
