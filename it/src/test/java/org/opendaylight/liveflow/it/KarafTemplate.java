/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distribution as its first boot installed it, booted once per test JVM and stopped cleanly, which test
 * classes copy instead of the distribution itself. A first boot resolves and installs every feature before
 * anything starts (ready in 29 to 38 s on this machine); a copy of the installed template is ready in 24 to 30 s,
 * so the saving is small and varies from run to run (docs/design.md section 9).
 * BootIT, FeatureInstallIT and LiveflowDistributionIT still start from the distribution itself.
 *
 * <p>A copy holds what the first boot installed (the OSGi framework's bundle cache, the features service's state,
 * the files the features wrote into {@code etc} and {@code configuration}, AAA's user store) and none of what a run
 * leaves: no datastore (journal, snapshots), no log, no pid or lock, and not the configuration admin's store, which
 * names the template's own files and ports; every configuration is read again from {@code etc} at the copy's boot,
 * as at a first boot. The files that {@link KarafInstance#configured} changes (ports, log levels) are taken from the
 * distribution and configured again for each copy. If the template's boot fails, does not stop by itself, or the
 * boot changed a file that configuration had changed, no template is used and every class boots the distribution.
 */
final class KarafTemplate {
    private static final Logger LOG = LoggerFactory.getLogger(KarafTemplate.class);
    /** Where what a test configures lives (the rest of a copy is the distribution's or its first boot's). */
    private static final List<String> CONFIGURATION_FOLDERS = List.of("etc", "configuration");
    /** What a copy leaves out of the template's data folder: the run's log, temporary files and shutdown port. */
    private static final List<String> RUN_DATA = List.of("log", "tmp", "port");

    private static Optional<KarafTemplate> prepared;

    private final Path home;
    private final Path assembly;
    /** The files configuration changed, relative to the installation: the distribution's, configured anew. */
    private final Set<Path> configured;

    private KarafTemplate(final Path home, final Path assembly, final Set<Path> configured) {
        this.home = home;
        this.assembly = assembly;
        this.configured = configured;
    }

    /**
     * Returns the template, booting it on the first call of this JVM; empty if it could not be made (said in the
     * test output), in which case every class boots the distribution.
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    static synchronized Optional<KarafTemplate> prepared() {
        if (prepared == null) {
            try {
                prepared = prepare();
            } catch (Exception e) {
                LOG.warn("No installed template: test classes boot the distribution itself", e);
                prepared = Optional.empty();
            }
        }
        return prepared;
    }

    private static Optional<KarafTemplate> prepare() throws Exception {
        final Path assembly = KarafInstance.assembly();
        final Path home = Path.of(System.getProperty("liveflow.it.workdir", "target/karaf-runs")).resolve("template")
            .toAbsolutePath();
        KarafInstance.deleteTree(home);
        KarafInstance.copyDistribution(assembly, home);
        final Map<Path, byte[]> distributed = configurationFiles(home);
        final KarafInstance karaf = KarafInstance.configured(home, UnaryOperator.identity());
        final Map<Path, byte[]> afterConfiguration = configurationFiles(home);
        final Set<Path> configured = changed(distributed, afterConfiguration);
        final boolean stopped;
        try {
            karaf.launch();
            karaf.awaitReady(true);
            LOG.info("installed template booted in {} s", karaf.bootTime().toSeconds());
        } finally {
            stopped = karaf.stopGracefully();
        }
        if (!stopped) {
            LOG.warn("The installed template did not stop by itself: test classes boot the distribution itself");
            return Optional.empty();
        }
        final Set<Path> changedByBoot = changed(afterConfiguration, configurationFiles(home));
        changedByBoot.retainAll(configured);
        if (!changedByBoot.isEmpty()) {
            LOG.warn("The first boot changed files the tests configure ({}): test classes boot the distribution "
                + "itself", changedByBoot);
            return Optional.empty();
        }
        return Optional.of(new KarafTemplate(home, assembly, configured));
    }

    /**
     * Copies the installed template to {@code to}, without the run's state, and with the configured files as the
     * distribution has them.
     */
    void copyTo(final Path to) throws IOException {
        KarafInstance.copyTree(home, to, KarafTemplate::isInstallation);
        for (Path relative : configured) {
            final Path distributed = assembly.resolve(relative.toString());
            final Path target = to.resolve(relative.toString());
            if (Files.exists(distributed)) {
                Files.copy(distributed, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                Files.deleteIfExists(target);
            }
        }
    }

    /** Whether a path of the template (relative to it) is part of the installation rather than of its run. */
    static boolean isInstallation(final Path relative) {
        if (relative.getNameCount() == 0) {
            return true;
        }
        final String top = relative.getName(0).toString();
        if (!"data".equals(top)) {
            return !KarafInstance.RUN_TIME_STATE.contains(top) && !"console.log".equals(top);
        }
        if (relative.getNameCount() >= 2 && RUN_DATA.contains(relative.getName(1).toString())) {
            return false;
        }
        // data/cache/<framework>/<bundle>/data/config: the configuration admin's store (Felix ConfigAdmin keeps it
        // in its bundle's data area); and the framework's own logs beside the bundle cache
        return !(relative.getNameCount() >= 6 && "cache".equals(relative.getName(1).toString())
                && "data".equals(relative.getName(4).toString()) && "config".equals(relative.getName(5).toString()))
            && !(relative.getNameCount() == 3 && "cache".equals(relative.getName(1).toString())
                && relative.getName(2).toString().endsWith(".log"));
    }

    private static Map<Path, byte[]> configurationFiles(final Path home) throws IOException {
        final Map<Path, byte[]> files = new HashMap<>();
        for (String folder : CONFIGURATION_FOLDERS) {
            try (Stream<Path> paths = Files.walk(home.resolve(folder))) {
                for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                    files.put(home.relativize(file), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    /** The files added, removed or changed between two readings. */
    private static Set<Path> changed(final Map<Path, byte[]> before, final Map<Path, byte[]> after) {
        final Set<Path> changed = new HashSet<>();
        for (Map.Entry<Path, byte[]> file : after.entrySet()) {
            final byte[] was = before.get(file.getKey());
            if (was == null || !Arrays.equals(was, file.getValue())) {
                changed.add(file.getKey());
            }
        }
        before.keySet().stream().filter(path -> !after.containsKey(path)).forEach(changed::add);
        return changed;
    }
}
