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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the README's lab walk-through (the shell block between its walkthrough markers) as written, the way a
 * newcomer would: {@code karaf/controller start --no-build}, then the block, in a copy of the checkout's scripts and
 * distribution (so the controller's data and the lab's files stay out of the build), on the default ports the
 * README uses. Stops the lab and the controller whatever happens.
 */
class WalkthroughIT {
    private static final Logger LOG = LoggerFactory.getLogger(WalkthroughIT.class);
    private static final String BEGIN = "<!-- walkthrough:begin -->";
    private static final String END = "<!-- walkthrough:end -->";

    @Test
    void theReadmeWalkthroughRunsAsWritten() throws Exception {
        final Path repository = Path.of("..").toAbsolutePath().normalize();
        final Path root = Path.of(System.getProperty("liveflow.it.workdir", "target/karaf-runs"))
            .resolve("walkthrough").toAbsolutePath();
        KarafInstance.deleteTree(root);
        Files.createDirectories(root.resolve("karaf/target"));
        for (String script : List.of("controller", "setup-machine.sh", "await-ready", "lab")) {
            Files.copy(repository.resolve("karaf").resolve(script), root.resolve("karaf").resolve(script),
                StandardCopyOption.COPY_ATTRIBUTES);
        }
        KarafInstance.copyDistribution(Path.of(System.getProperty("liveflow.karaf.assembly",
            "../karaf/target/assembly")).toAbsolutePath(), root.resolve("karaf/target/assembly"));
        final String block = walkthrough(Files.readString(repository.resolve("README.md")));
        try {
            final Result started = run(root, 420, "karaf/controller", "start", "--no-build");
            assertEquals(0, started.exit(), started.output());
            final Result walked = run(root, 300, "bash", "-euo", "pipefail", "-c", block);
            LOG.info("walk-through output:\n{}", walked.output());
            assertEquals(0, walked.exit(), walked.output());
            final String out = walked.output();
            assertTrue(out.contains("lab up: 3 chassis (c1, c2, c3), vxlan tunnels, all alive"), out);
            assertTrue(out.contains("vm1 -> vm2: 5 sent from c1, 5 delivered (c2 5)"), out);
            assertTrue(out.contains("vm2 is prepared") && out.contains("vm2 is switched")
                && out.contains("vm2 is bound"), out);
            final String stream = out.lines().filter(line -> line.startsWith("stream vm1 -> vm2:")).findFirst()
                .orElseThrow(() -> new AssertionError("no stream report: " + out));
            assertTrue(stream.matches("stream vm1 -> vm2: 600 sent, 600 delivered \\(c2 \\d+, c3 \\d+\\), 0 lost, "
                + "\\d+ duplicates"), stream);
            assertTrue(out.contains("switched") && out.contains("RARP from the port on c3"), out);
            LOG.info("walk-through stream: {}", stream);
        } finally {
            final Result down = run(root, 120, "karaf/lab", "down");
            if (down.exit() != 0) {
                LOG.warn("karaf/lab down failed, stopping its processes by pid file:\n{}", down.output());
                stopByPidFiles(root.resolve("karaf/target/lab"));
            }
            run(root, 120, "karaf/controller", "stop");
        }
    }

    /**
     * Kills the processes whose pid files are under the directory (and whose command line names it).
     */
    private static void stopByPidFiles(final Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path pidFile : files.filter(file -> file.toString().endsWith(".pid")).toList()) {
                final long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).filter(process -> process.info().commandLine().orElse("")
                    .contains(dir.toString())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /**
     * Returns the shell block between the README's walkthrough markers, without its fences.
     */
    static String walkthrough(final String readme) {
        final int begin = readme.indexOf(BEGIN);
        final int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "the README has no walkthrough block");
        return readme.substring(begin + BEGIN.length(), end).replace("```sh", "").replace("```", "").strip() + "\n";
    }

    private record Result(int exit, String output) {
    }

    private static Result run(final Path dir, final int timeoutSeconds, final String... command)
            throws IOException, InterruptedException {
        final Path log = Files.createTempFile(dir, "run", ".log");
        final Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command) + "\n"
                + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
