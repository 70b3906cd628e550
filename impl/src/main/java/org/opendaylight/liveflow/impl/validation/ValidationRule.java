/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import java.util.List;
import org.opendaylight.liveflow.api.ConfigSnapshot;

/**
 * One family of checks on the configuration a transaction would leave behind.
 */
@FunctionalInterface
interface ValidationRule {
    /**
     * Adds to {@code out} every violation found in {@code after}; {@code before} is what is stored now, for
     * rules that judge a change rather than a state (quotas, revisions) and for clearer messages.
     */
    void check(ConfigSnapshot before, ConfigSnapshot after, List<Violation> out);
}
