/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the migration records in a file under Karaf's data directory, so a controller restart resumes every
 * migration where it was (the operational datastore does not survive a restart). One line per record, one per
 * timeline step, tab-separated; rewritten whole, atomically, after every change.
 */
final class MigrationJournal {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationJournal.class);
    private static final String NONE = "-";

    private final Path file;

    MigrationJournal(final Path file) {
        this.file = file;
    }

    static MigrationJournal inKarafData() {
        final String data = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
        return new MigrationJournal(Path.of(data, "liveflow", "migrations.journal"));
    }

    void save(final Collection<MigrationRecord> records) {
        final List<String> lines = new ArrayList<>();
        for (MigrationRecord record : records) {
            lines.add(String.join("\t", "R", escape(record.port()), record.phase().name(), escape(record.source()),
                escape(record.destination()), Long.toString(record.generation()),
                escape(record.announcedDestination()), escape(record.abortReason()),
                record.activatedAt() == null ? NONE : record.activatedAt().toString(),
                record.convergenceMicros() == null ? NONE : record.convergenceMicros().toString(),
                record.cleanup().name(), Long.toString(record.ignored().get(IgnoredKind.STALE)),
                Long.toString(record.ignored().get(IgnoredKind.DUPLICATE)),
                Long.toString(record.ignored().get(IgnoredKind.OUT_OF_ORDER)), escape(record.lastIgnored())));
            for (Transition step : record.transitions()) {
                lines.add(String.join("\t", "T", Integer.toString(step.sequence()), step.from().name(),
                    step.to().name(), step.time().toString(), escape(step.cause())));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            final Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("Cannot write the migration journal {}: a controller restart will rebuild migrations from "
                + "the switches only", file, e);
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    Map<String, MigrationRecord> load() {
        final Map<String, MigrationRecord> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            MigrationRecord current = null;
            final List<Transition> steps = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                final String[] f = line.split("\t", -1);
                if ("R".equals(f[0])) {
                    flush(out, current, steps);
                    final Map<IgnoredKind, Long> ignored = new EnumMap<>(IgnoredKind.class);
                    ignored.put(IgnoredKind.STALE, Long.parseLong(f[11]));
                    ignored.put(IgnoredKind.DUPLICATE, Long.parseLong(f[12]));
                    ignored.put(IgnoredKind.OUT_OF_ORDER, Long.parseLong(f[13]));
                    current = new MigrationRecord(unescape(f[1]), MigrationPhase.valueOf(f[2]), unescape(f[3]),
                        unescape(f[4]), Long.parseLong(f[5]), unescape(f[6]), unescape(f[7]),
                        NONE.equals(f[8]) ? null : Instant.parse(f[8]), NONE.equals(f[9]) ? null : Long.valueOf(f[9]),
                        SourceCleanup.valueOf(f[10]), ignored, unescape(f[14]), List.of());
                } else if ("T".equals(f[0]) && current != null) {
                    steps.add(new Transition(Integer.parseInt(f[1]), MigrationPhase.valueOf(f[2]),
                        MigrationPhase.valueOf(f[3]), Instant.parse(f[4]), unescape(f[5])));
                }
            }
            flush(out, current, steps);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot read the migration journal {}: migrations are rebuilt from the switches", file, e);
            out.clear();
        }
        return out;
    }

    private static void flush(final Map<String, MigrationRecord> out, final @Nullable MigrationRecord record,
            final List<Transition> steps) {
        if (record != null) {
            out.put(record.port(), new MigrationRecord(record.port(), record.phase(), record.source(),
                record.destination(), record.generation(), record.announcedDestination(), record.abortReason(),
                record.activatedAt(), record.convergenceMicros(), record.cleanup(), record.ignored(),
                record.lastIgnored(), steps));
        }
        steps.clear();
    }

    private static String escape(final @Nullable String value) {
        if (value == null) {
            return NONE;
        }
        return value.isEmpty() || value.startsWith(NONE) ? "\\" + value.replace("\t", " ").replace("\n", " ")
            : value.replace("\t", " ").replace("\n", " ");
    }

    private static @Nullable String unescape(final String value) {
        if (NONE.equals(value)) {
            return null;
        }
        return value.startsWith("\\") ? value.substring(1) : value;
    }
}
