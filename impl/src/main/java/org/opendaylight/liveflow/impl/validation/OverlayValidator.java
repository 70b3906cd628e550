/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigSnapshot;

/**
 * Checks a whole configuration change against every liveflow rule. Pure: no datastore, no OSGi, so the
 * commit cohort and the unit tests run exactly the same code.
 */
public final class OverlayValidator {
    private final List<ValidationRule> rules = List.of(
        new ReferenceRule(),
        new UniquenessRule(),
        new SubnetRule(),
        new PortAddressRule(),
        new MacAddressRule(),
        new RouterRule(),
        new ExternalNetworkRule(),
        new TrunkRule(),
        new FloatingIpRule(),
        new QuotaRule(),
        new RevisionRule(),
        new LivenessSettingsRule());

    /**
     * Returns every violation the change from {@code before} to {@code after} would introduce; empty when
     * it may be committed. Finds the change by comparing the two snapshots entry by entry.
     */
    public List<Violation> validate(final ConfigSnapshot before, final ConfigSnapshot after) {
        return validate(before, after, ConfigChange.between(before, after));
    }

    /**
     * Returns every violation {@code change}, which took {@code before} to {@code after}, would introduce; empty
     * when it may be committed. Costs what the change touches, not what the overlay holds.
     */
    public List<Violation> validate(final ConfigSnapshot before, final ConfigSnapshot after,
            final ConfigChange change) {
        final List<Violation> out = new ArrayList<>();
        if (change.isEmpty()) {
            return out;
        }
        for (ValidationRule rule : rules) {
            rule.check(before, after, change, out);
        }
        return out;
    }
}
