/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws probes delivered per 10 ms to the VM's interface on the source and on the destination, around the
 * moment the VM resumed on the destination, as a PNG.
 */
final class DeliveryPlot {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 420;
    private static final int MARGIN = 50;
    private static final long BUCKET_MICROS = 10_000;

    private DeliveryPlot() {
        // draws files
    }

    /**
     * Writes the plot; times are microseconds since the epoch, {@code resumed} the VM's resume on c2.
     */
    static void write(final Path file, final String title, final List<Long> atSource, final List<Long> atDestination,
            final long resumed, final long fromMicros, final long toMicros) throws IOException {
        final int buckets = (int) ((toMicros - fromMicros) / BUCKET_MICROS) + 1;
        final int[] source = histogram(atSource, fromMicros, buckets);
        final int[] destination = histogram(atDestination, fromMicros, buckets);
        int max = 1;
        for (int i = 0; i < buckets; i++) {
            max = Math.max(max, Math.max(source[i], destination[i]));
        }
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = axes(image, title, MARGIN);
        g.drawString("probes per 10 ms (max " + max + ")", 5, MARGIN - 8);
        g.drawString("time (s) from the VM's resume on c2", WIDTH / 2 - 100, HEIGHT - 10);
        final double xScale = (WIDTH - 2.0 * MARGIN) / buckets;
        final double yScale = (HEIGHT - 2.0 * MARGIN) / max;
        for (long second = (fromMicros - resumed) / 1_000_000; second <= (toMicros - resumed) / 1_000_000;
                second++) {
            final int x = MARGIN + (int) ((resumed + second * 1_000_000 - fromMicros) / BUCKET_MICROS * xScale);
            if (x >= MARGIN && x <= WIDTH - MARGIN) {
                g.drawLine(x, HEIGHT - MARGIN, x, HEIGHT - MARGIN + 5);
                g.drawString(Long.toString(second), x - 4, HEIGHT - MARGIN + 18);
            }
        }
        final int resumeX = MARGIN + (int) ((resumed - fromMicros) / BUCKET_MICROS * xScale);
        g.setColor(Color.GRAY);
        g.drawLine(resumeX, MARGIN, resumeX, HEIGHT - MARGIN);
        g.drawString("RARP", resumeX + 3, MARGIN + 10);
        line(g, source, xScale, yScale, new Color(200, 60, 40));
        line(g, destination, xScale, yScale, new Color(30, 90, 200));
        g.setColor(new Color(200, 60, 40));
        g.drawString("delivered on c1 (source)", WIDTH - 260, MARGIN + 10);
        g.setColor(new Color(30, 90, 200));
        g.drawString("delivered on c2 (destination)", WIDTH - 260, MARGIN + 26);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /**
     * Returns the image's graphics, white, with the title and the two axes drawn {@code margin} from the edges.
     */
    static Graphics2D axes(final BufferedImage image, final String title, final int margin) {
        final int width = image.getWidth();
        final int height = image.getHeight();
        final Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawString(title, margin, 20);
        g.drawLine(margin, height - margin, width - margin, height - margin);
        g.drawLine(margin, margin, margin, height - margin);
        return g;
    }

    private static int[] histogram(final List<Long> times, final long from, final int buckets) {
        final int[] out = new int[buckets];
        for (long time : times) {
            final long bucket = (time - from) / BUCKET_MICROS;
            if (bucket >= 0 && bucket < buckets) {
                out[(int) bucket]++;
            }
        }
        return out;
    }

    private static void line(final Graphics2D graphics, final int[] counts, final double perBucket,
            final double perProbe, final Color color) {
        graphics.setColor(color);
        graphics.setStroke(new BasicStroke(1.5f));
        for (int i = 1; i < counts.length; i++) {
            graphics.drawLine(MARGIN + (int) ((i - 1) * perBucket), HEIGHT - MARGIN - (int) (counts[i - 1] * perProbe),
                MARGIN + (int) (i * perBucket), HEIGHT - MARGIN - (int) (counts[i] * perProbe));
        }
    }
}
