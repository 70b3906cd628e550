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
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws when the bystanders switched, as the share of them switched by each moment after the VM's RARP (a
 * cumulative distribution), as a PNG.
 */
final class ActivationPlot {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 420;
    private static final int MARGIN = 55;

    private ActivationPlot() {
        // draws files
    }

    /**
     * Writes the plot of the sorted switch times, in ms after R.
     */
    static void write(final Path file, final String title, final List<Double> millisAfterResume) throws IOException {
        final double last = millisAfterResume.isEmpty() ? 1 : millisAfterResume.get(millisAfterResume.size() - 1);
        final double span = Math.max(50, Math.ceil(last * 1.1 / 50) * 50);
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = DeliveryPlot.axes(image, title, MARGIN);
        g.drawString("bystanders switched (%)", 5, MARGIN - 10);
        g.drawString("ms after the VM's RARP (switch-side)", WIDTH / 2 - 110, HEIGHT - 12);
        final double xScale = (WIDTH - 2.0 * MARGIN) / span;
        final double yScale = (HEIGHT - 2.0 * MARGIN) / 100.0;
        final double step = span / 10;
        for (int tick = 0; tick <= 10; tick++) {
            final int x = MARGIN + (int) (tick * step * xScale);
            g.drawLine(x, HEIGHT - MARGIN, x, HEIGHT - MARGIN + 5);
            g.drawString(Long.toString(Math.round(tick * step)), x - 8, HEIGHT - MARGIN + 18);
        }
        for (int percent = 0; percent <= 100; percent += 25) {
            final int y = HEIGHT - MARGIN - (int) (percent * yScale);
            g.drawLine(MARGIN - 5, y, MARGIN, y);
            g.drawString(Integer.toString(percent), MARGIN - 30, y + 4);
        }
        g.setColor(new Color(30, 90, 200));
        g.setStroke(new BasicStroke(1.5f));
        final int count = millisAfterResume.size();
        int previousX = MARGIN;
        int previousY = HEIGHT - MARGIN;
        for (int i = 0; i < count; i++) {
            final int x = MARGIN + (int) (Math.max(0, millisAfterResume.get(i)) * xScale);
            final int y = HEIGHT - MARGIN - (int) ((i + 1) * 100.0 / count * yScale);
            // a step: the share stays until the next bystander switches
            g.drawLine(previousX, previousY, x, previousY);
            g.drawLine(x, previousY, x, y);
            previousX = x;
            previousY = y;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
