/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JVM's heap the way an operator would, with jcmd.
 */
final class JvmHeap {
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private JvmHeap() {
        // utility class
    }

    /**
     * Returns the used heap in KiB right after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}):
     * what the process holds, the floor of the heap it needs.
     */
    static long usedAfterGcKib(final long pid) throws IOException, InterruptedException {
        final String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        final Process info = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true)
            .start();
        final String out = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        info.waitFor();
        final Matcher used = HEAP_USED.matcher(out);
        if (!used.find()) {
            throw new IOException("jcmd GC.heap_info said: " + out);
        }
        return Long.parseLong(used.group(1));
    }

    /**
     * Returns the JVM's class histogram of live objects ({@code jcmd GC.class_histogram}, which collects first):
     * what the heap after a collection is made of, class by class.
     */
    static String classHistogram(final long pid) throws IOException, InterruptedException {
        final String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        final Process histogram = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram")
            .redirectErrorStream(true).start();
        final String out = new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        histogram.waitFor();
        return out;
    }
}
