package dev.unmask.analyzers.spectral;

import dev.unmask.core.imaging.ColorMap;
import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.core.imaging.Heatmaps;
import dev.unmask.core.imaging.Scaling;
import dev.unmask.core.imaging.Stats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/** Renders the centred 2-D log spectrum and a line chart of the azimuthal 1-D spectrum (Java2D). */
final class SpectrumPictures {
    /** The 2-D spectrum picture is enlarged (nearest neighbour) to at least this side. */
    static final int SPECTRUM_SIDE = 512;
    private static final int PLOT_W = 720;
    private static final int PLOT_H = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 36;
    private static final int BOTTOM = 56;

    private SpectrumPictures() {}

    /** The dB spectrum with DC moved to the centre, colour-mapped from its 1st percentile to its maximum. */
    static BufferedImage spectrum2d(double[] db, int n) {
        float[] c = new float[n * n];
        for (int v = 0; v < n; v++) {
            for (int u = 0; u < n; u++) {
                c[((v + n / 2) % n) * n + (u + n / 2) % n] = (float) db[v * n + u];
            }
        }
        FloatPlane p = new FloatPlane(n, n, c);
        double lo = Stats.quantile(c, 0.01);
        double hi = p.range()[1];
        BufferedImage img = Heatmaps.render(p, lo, hi > lo ? hi : lo + 1, ColorMap.INFERNO);
        int side = Math.max(n, SPECTRUM_SIDE / n * n);
        return side == n ? img : Scaling.resizeNearest(img, side, side);
    }

    /** A line chart of the profile: x = fraction of Nyquist, y = log power (dB relative to white). */
    static BufferedImage profilePlot(double[] db, String title) {
        BufferedImage img = new BufferedImage(PLOT_W, PLOT_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, PLOT_W, PLOT_H);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : db) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double step = niceStep(Math.max(1e-9, hi - lo));
            lo = Math.floor(lo / step) * step;
            hi = Math.max(lo + step, Math.ceil(hi / step) * step);
            int pw = PLOT_W - LEFT - RIGHT;
            int ph = PLOT_H - TOP - BOTTOM;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i <= 4; i++) {
                double f = i / 4.0;
                int x = LEFT + (int) Math.round(f * pw);
                g.setColor(new Color(0xe0e0e0));
                g.drawLine(x, TOP, x, TOP + ph);
                g.setColor(Color.BLACK);
                String s = String.format(Locale.ROOT, "%.2f", f);
                g.drawString(s, x - fm.stringWidth(s) / 2, TOP + ph + fm.getAscent() + 4);
            }
            for (double v = lo; v <= hi + step / 2; v += step) {
                int y = TOP + ph - (int) Math.round((v - lo) / (hi - lo) * ph);
                g.setColor(new Color(0xe0e0e0));
                g.drawLine(LEFT, y, LEFT + pw, y);
                g.setColor(Color.BLACK);
                String s = String.format(Locale.ROOT, "%.0f", v);
                g.drawString(s, LEFT - 6 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
            }
            g.setColor(Color.BLACK);
            g.drawRect(LEFT, TOP, pw, ph);
            Path2D.Double line = new Path2D.Double();
            for (int b = 0; b < db.length; b++) {
                double x = LEFT + (b + 0.5) / db.length * pw;
                double y = TOP + ph - (db[b] - lo) / (hi - lo) * ph;
                if (b == 0) {
                    line.moveTo(x, y);
                } else {
                    line.lineTo(x, y);
                }
            }
            g.setColor(new Color(0x1f77b4));
            g.setStroke(new BasicStroke(2f));
            g.draw(line);
            g.setColor(Color.BLACK);
            String xl = "spatial frequency (fraction of Nyquist)";
            g.drawString(xl, LEFT + (pw - fm.stringWidth(xl)) / 2, PLOT_H - 12);
            g.setFont(g.getFont().deriveFont(Font.BOLD, 13f));
            g.drawString(title, LEFT, TOP - 12);
            g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
            String yl = "log power (dB re. white)";
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(yl, -(TOP + (ph + fm.stringWidth(yl)) / 2), 18);
            g.setTransform(saved);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static double niceStep(double span) {
        double raw = span / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                return m * mag;
            }
        }
        return 10 * mag;
    }
}
