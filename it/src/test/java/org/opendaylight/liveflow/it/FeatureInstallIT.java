/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's OpenDaylight runs RESTCONF and the OpenFlowPlugin without liveflow; {@code feature:install
 * odl-liveflow} in its running shell brings liveflow up: validation, RPCs and shell commands.
 */
class FeatureInstallIT {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureInstallIT.class);
    private static final Pattern LIVEFLOW_BOOT_FEATURE = Pattern.compile("<feature [^>]*>odl-liveflow</feature>");

    private static KarafInstance karaf;

    @BeforeAll
    static void bootWithoutLiveflow() throws Exception {
        karaf = KarafInstance.start("feature-install", descriptor -> {
            final String edited = LIVEFLOW_BOOT_FEATURE.matcher(descriptor).replaceFirst(
                "<feature>odl-restconf-nb</feature><feature>odl-openflowplugin-southbound</feature>");
            if (edited.equals(descriptor)) {
                throw new IllegalStateException("odl-liveflow is not a boot feature of the distribution");
            }
            return edited;
        }, false);
    }

    @AfterAll
    static void stop() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void featureInstallInARunningKarafActivatesLiveflow() throws Exception {
        assertTrue(karaf.shell().execute("feature:list -i").lines().noneMatch(l -> l.startsWith("odl-liveflow ")),
            "odl-liveflow must not be installed before the test installs it");
        final Instant installStarted = Instant.now();
        final long started = System.nanoTime();
        final String output = karaf.shell().execute("feature:install odl-liveflow");
        assertEquals("", output.strip(), output);
        // the runtime install restarts the datastore and AAA with it; AAA 0.18.6's start-up races each need a bundle
        // restart about 30 s apart (156 s and 193 s in passing runs, five recoveries in the second; one run on
        // 2026-12-03 still lacked the password service after two restarts at 3 minutes)
        karaf.awaitLiveflow(installStarted, Duration.ofMinutes(5));
        LOG.info(String.format("feature:install odl-liveflow took %.1f s until the liveflow shell answered",
            (System.nanoTime() - started) / 1e9));

        final Restconf restconf = karaf.restconf();
        final String overlay = "/rests/data/liveflow:overlay";
        assertEquals(201, restconf.put(overlay + "/tenants/tenant=t1",
            "{\"liveflow:tenant\": [{\"id\": \"t1\"}]}").status());
        final Restconf.Response refused = restconf.put(overlay + "/networks/network=n1",
            "{\"liveflow:network\": [{\"id\": \"n1\", \"tenant\": \"nobody\", \"segmentation-id\": 7}]}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("network n1: tenant 'nobody' does not exist", refused.errorMessage());
        assertEquals(201, restconf.put(overlay + "/networks/network=n1",
            "{\"liveflow:network\": [{\"id\": \"n1\", \"tenant\": \"t1\", \"segmentation-id\": 7}]}").status());
        final String networks = karaf.shell().execute("liveflow:network-list");
        assertTrue(networks.lines().anyMatch(line -> line.contains("n1") && line.contains("t1")), networks);
    }
}
