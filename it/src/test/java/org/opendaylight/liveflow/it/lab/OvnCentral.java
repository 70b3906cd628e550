/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * OVN's central part for the lab: the northbound and southbound databases (one ovsdb-server each, on unix
 * sockets in {@code dir}) and ovn-northd between them, from Debian's ovn-central. Stopped by pid file.
 */
public final class OvnCentral implements AutoCloseable {
    private static final String SCHEMAS = "/usr/share/ovn/";

    private final OvsProcess processes;
    private final Thread reaper = new Thread(this::close, "ovn-central-reaper");

    private OvnCentral(final Path dir) {
        processes = new OvsProcess(dir);
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    public static OvnCentral start(final Path dir) throws IOException {
        final OvnCentral central = new OvnCentral(dir);
        Runtime.getRuntime().addShutdownHook(central.reaper);
        try {
            OvsLab.deleteTree(dir);
            Files.createDirectories(dir);
            for (String db : new String[] {"nb", "sb"}) {
                central.processes.run("ovsdb-tool", "create", dir.resolve(db + ".db").toString(),
                    SCHEMAS + "ovn-" + db + ".ovsschema");
                central.processes.runControlPlane("ovsdb-server",
                    "--remote=punix:" + dir.resolve(db + ".sock"),
                    "--unixctl=" + dir.resolve(db + ".ctl"), "--pidfile=" + dir.resolve(db + ".pid"), "--detach",
                    "--log-file=" + dir.resolve(db + ".log"), dir.resolve(db + ".db").toString());
            }
            central.processes.runControlPlane("ovn-northd", "--ovnnb-db=unix:" + dir.resolve("nb.sock"),
                "--ovnsb-db=unix:" + dir.resolve("sb.sock"), "--pidfile=" + dir.resolve("northd.pid"),
                "--unixctl=" + dir.resolve("northd.ctl"), "--detach", "--log-file=" + dir.resolve("northd.log"));
            central.nbctl("init");
            return central;
        } catch (IOException | RuntimeException e) {
            central.close();
            throw e;
        }
    }

    public Path southbound() {
        return processes.dir().resolve("sb.sock");
    }

    public String nbctl(final String... args) throws IOException {
        return processes.run(prepend("ovn-nbctl", "--db=unix:" + processes.dir().resolve("nb.sock"), args));
    }

    public String sbctl(final String... args) throws IOException {
        return processes.run(prepend("ovn-sbctl", "--db=unix:" + processes.dir().resolve("sb.sock"), args));
    }

    /**
     * Waits until {@code count} ovn-controllers have registered their chassis in the southbound database; throws
     * after {@code patience}.
     */
    public void awaitChassis(final int count, final Duration patience) throws IOException, InterruptedException {
        final Instant deadline = Instant.now().plus(patience);
        while (registeredChassis(deadline) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not every ovn-controller registered its chassis within " + patience);
            }
            Thread.sleep(200);
        }
    }

    /**
     * Counts the chassis in the southbound database; a reading refused while hundreds of controllers load the
     * database counts none, until {@code deadline} (at 500 chassis one ovn-sbctl failed with "database connection
     * failed (Protocol error)" while the controllers were registering, and the run with it).
     */
    private long registeredChassis(final Instant deadline) throws IOException {
        try {
            return sbctl("--bare", "--columns=name", "list", "chassis").lines().filter(line -> !line.isBlank())
                .count();
        } catch (IOException e) {
            if (Instant.now().isAfter(deadline)) {
                throw e;
            }
            return 0;
        }
    }

    private static String[] prepend(final String command, final String db, final String... args) {
        final String[] out = new String[args.length + 2];
        out[0] = command;
        out[1] = db;
        System.arraycopy(args, 0, out, 2, args.length);
        return out;
    }

    @Override
    public synchronized void close() {
        for (String pid : new String[] {"northd.pid", "sb.pid", "nb.pid"}) {
            processes.stopByPidFile(pid);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }
}
