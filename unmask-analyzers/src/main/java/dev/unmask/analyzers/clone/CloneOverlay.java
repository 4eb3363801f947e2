package dev.unmask.analyzers.clone;

import dev.unmask.core.imaging.Artifacts;
import dev.unmask.core.imaging.Scaling;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws the detected pairs over a report-sized copy of the image: the source region outlined in cyan, the
 * target in magenta, their centres linked by a yellow line, each pair numbered as in the finding's values.
 */
final class CloneOverlay {
    /** Outline of the source (earlier in raster order) copy. */
    static final Color SOURCE = new Color(0x00E5FF);
    /** Outline of the target copy. */
    static final Color TARGET = new Color(0xFF2BD6);
    /** Line linking the two copies. */
    static final Color LINK = new Color(0xFFE600);

    private CloneOverlay() {}

    /** The overlay, at most {@link Artifacts#MAX_SIDE} on its longer side; {@code image} is not modified. */
    static BufferedImage draw(BufferedImage image, List<CloneDetector.ClonePair> pairs) {
        double fit = Math.min(1.0, (double) Artifacts.MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        // one bilinear pass: an outline picture needs no area-averaged thumbnail, and this is fast on 12 MP
        BufferedImage small = Scaling.resize(image, Math.max(1, (int) Math.round(image.getWidth() * fit)),
                Math.max(1, (int) Math.round(image.getHeight() * fit)), RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        BufferedImage out = new BufferedImage(small.getWidth(), small.getHeight(), BufferedImage.TYPE_INT_RGB);
        double s = (double) small.getWidth() / image.getWidth();
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(small, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float stroke = Math.max(2f, Math.max(out.getWidth(), out.getHeight()) / 340f);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(stroke * 6)));
            int n = 1;
            for (CloneDetector.ClonePair p : pairs) {
                int[] a = scale(p.source(), s);
                int[] b = scale(p.target(), s);
                g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                        1f, new float[] {3 * stroke, 2 * stroke}, 0f));
                g.setColor(LINK);
                g.drawLine(a[0] + a[2] / 2, a[1] + a[3] / 2, b[0] + b[2] / 2, b[1] + b[3] / 2);
                g.setStroke(new BasicStroke(stroke));
                g.setColor(SOURCE);
                g.drawRect(a[0], a[1], a[2], a[3]);
                g.drawString(Integer.toString(n), a[0] + stroke, a[1] - stroke);
                g.setColor(TARGET);
                g.drawRect(b[0], b[1], b[2], b[3]);
                g.drawString(Integer.toString(n), b[0] + stroke, b[1] - stroke);
                n++;
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int[] scale(int[] box, double s) {
        return new int[] {(int) Math.round(box[0] * s), (int) Math.round(box[1] * s),
                Math.max(1, (int) Math.round(box[2] * s)), Math.max(1, (int) Math.round(box[3] * s))};
    }
}
