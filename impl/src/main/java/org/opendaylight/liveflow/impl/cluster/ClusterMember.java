/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of this cluster member, as the clustering configuration gives it (its role in
 * {@code configuration/initial/akka.conf}, member-1 in a distribution that was never configured as a cluster).
 */
public final class ClusterMember {
    private static final Pattern ROLE = Pattern.compile("roles\\s*=\\s*\\[\\s*\"([^\"]+)\"");
    private static final String UNNAMED = "this member";

    private ClusterMember() {
    }

    public static String localName() {
        final String home = System.getProperty("karaf.home");
        if (home == null) {
            return UNNAMED;
        }
        try {
            return fromAkkaConf(Files.readString(Path.of(home, "configuration", "initial", "akka.conf")));
        } catch (IOException e) {
            return UNNAMED;
        }
    }

    static String fromAkkaConf(final String akkaConf) {
        final Matcher matcher = ROLE.matcher(akkaConf);
        return matcher.find() ? matcher.group(1) : UNNAMED;
    }
}
