/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the switch gate listens and where it relays to, read from the configuration PID {@value #PID}
 * ({@code etc/org.opendaylight.liveflow.gate.cfg}).
 *
 * @param enabled whether the gate runs (without it, switches must reach the OpenFlowPlugin's own listener)
 * @param listenAddress the address switches connect to
 * @param listenPorts the ports switches connect to
 * @param upstreamAddress the OpenFlowPlugin's listener, on loopback
 * @param upstreamPort its port
 * @param tls the key and trust stores when switches must connect over TLS
 */
public record GateSettings(boolean enabled, String listenAddress, List<Integer> listenPorts, String upstreamAddress,
        int upstreamPort, Optional<Tls> tls) {
    public static final String PID = "org.opendaylight.liveflow.gate";

    /**
     * The controller's key store and the trust store of the CA whose certificates switches must present.
     */
    public record Tls(String keystore, String keystoreType, String keystorePassword, String truststore,
            String truststoreType, String truststorePassword) {
    }

    /**
     * Settings, or what is wrong with the configuration (then the gate does not listen at all: a typo must not
     * open a port nobody meant).
     */
    public record Parsed(Optional<GateSettings> settings, List<String> errors) {
    }

    public static Parsed parse(final Map<String, ?> properties) {
        final List<String> errors = new ArrayList<>();
        final boolean enabled = Boolean.parseBoolean(text(properties, "enabled", "true"));
        final String listenAddress = text(properties, "listen-address", "0.0.0.0");
        final List<Integer> listenPorts = new ArrayList<>();
        for (String port : text(properties, "listen-ports", "6653,6633").split(",")) {
            port(port.trim(), "listen-ports", errors).ifPresent(listenPorts::add);
        }
        final String upstreamAddress = text(properties, "upstream-address", "127.0.0.1");
        final int upstreamPort = port(text(properties, "upstream-port", "16653"), "upstream-port", errors).orElse(0);
        if (listenPorts.contains(upstreamPort)) {
            errors.add("upstream-port " + upstreamPort + " is also a listen port");
        }
        Optional<Tls> tls = Optional.empty();
        final String keystore = text(properties, "keystore", "");
        if (!keystore.isEmpty()) {
            final String truststore = text(properties, "truststore", "");
            if (truststore.isEmpty()) {
                errors.add("keystore is set without truststore: TLS needs the CA that signs the switches'"
                    + " certificates");
            }
            tls = Optional.of(new Tls(keystore, text(properties, "keystore-type", "PKCS12"),
                text(properties, "keystore-password", ""), truststore, text(properties, "truststore-type", "PKCS12"),
                text(properties, "truststore-password", "")));
        }
        return errors.isEmpty()
            ? new Parsed(Optional.of(new GateSettings(enabled, listenAddress, List.copyOf(listenPorts),
                upstreamAddress, upstreamPort, tls)), List.of())
            : new Parsed(Optional.empty(), List.copyOf(errors));
    }

    private static String text(final Map<String, ?> properties, final String key, final String fallback) {
        final Object value = properties.get(key);
        return value == null ? fallback : value.toString().trim();
    }

    private static Optional<Integer> port(final String text, final String key, final List<String> errors) {
        try {
            final int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return Optional.of(port);
            }
        } catch (NumberFormatException e) {
            // reported below, as a value out of range is
        }
        errors.add(key + ": '" + text + "' is not a port (1-65535)");
        return Optional.empty();
    }
}
