/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.shell;

import java.util.Collection;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.migrations.Migration;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.port.FixedIp;
import org.opendaylight.yangtools.yang.binding.EnumTypeObject;
import org.opendaylight.yangtools.yang.binding.ScalarTypeObject;

/**
 * How the shell writes values that several commands show: absent values, address lists, port state.
 */
final class Texts {
    static final String NONE = "-";

    private Texts() {
        // utility class
    }

    static String orNone(final @Nullable Object value) {
        if (value == null) {
            return NONE;
        }
        final String text;
        if (value instanceof ScalarTypeObject<?> scalar) {
            text = String.valueOf(scalar.getValue());
        } else if (value instanceof EnumTypeObject enumeration) {
            // the YANG name (geneve, direct-physical), not the Java constant (Geneve, DirectPhysical)
            text = enumeration.getName();
        } else {
            text = String.valueOf(value);
        }
        return text.isEmpty() ? NONE : text;
    }

    static String adminState(final @Nullable Boolean up) {
        // the YANG default is up, and an absent leaf means the default
        return Boolean.FALSE.equals(up) ? "down" : "up";
    }

    static String yesNo(final @Nullable Boolean value) {
        return Boolean.TRUE.equals(value) ? "yes" : "no";
    }

    static String fixedIps(final Port port) {
        final Collection<FixedIp> ips = port.nonnullFixedIp().values();
        return ips.isEmpty() ? NONE
            : ips.stream().map(ip -> ip.getIpAddress().stringValue()).sorted().collect(Collectors.joining(","));
    }

    /**
     * A port's migration column: the engine's state when it tracks the port, else bound or unbound.
     */
    static String migrationState(final Port port, final @Nullable Migration migration) {
        if (migration != null && migration.getState() != null) {
            return migration.getState().getName();
        }
        return port.getBindingChassis() == null ? "unbound" : "bound";
    }
}
