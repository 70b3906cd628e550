/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

/**
 * What the engine must do after a decision of the {@link MigrationStateMachine}, besides storing the record,
 * publishing it and placing the port's flows accordingly (which every changed record implies). Each effect, once
 * done, comes back as an event of its own generation, so a late one changes nothing.
 */
public sealed interface MigrationEffect {
    /** Wait the configured binding timeout, then take {@link MigrationEvent.BindingTimeout}. */
    record ScheduleBindingTimeout(String port, long generation) implements MigrationEffect {
    }

    /** Write binding-chassis := chassis in the configuration; a failure comes back as BindingWriteFailed. */
    record WriteBinding(String port, long generation, String chassis) implements MigrationEffect {
    }

    /** Check that the source switch holds nothing of the port any more; the result comes as SourceChecked. */
    record CheckSource(String port, long generation, String source) implements MigrationEffect {
    }
}
