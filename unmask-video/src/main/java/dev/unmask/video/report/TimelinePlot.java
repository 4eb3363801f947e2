package dev.unmask.video.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/** Draws per-track scores over time (a line per track, the decision threshold dashed) with Java2D. Stateless. */
public final class TimelinePlot {
    /** Colours for the tracks: the Okabe-Ito palette, distinguishable with the common colour-vision deficiencies. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};
    private static final int W = 960;
    private static final int H = 360;
    private static final int LEFT = 56;
    private static final int RIGHT = 200;
    private static final int TOP = 24;
    private static final int BOTTOM = 44;
    private static final int LEGEND_ROWS = 12;

    /**
     * One line of the plot.
     *
     * @param label legend text, e.g. {@code "face 1 (top-5 0.82)"}
     * @param seconds observation times
     * @param scores observation scores in [0, 1], same length
     */
    public record Series(String label, double[] seconds, double[] scores) {}

    private TimelinePlot() {}

    /**
     * The plot: time on x from 0 to {@code maxSeconds}, score on y from 0 to 1.
     *
     * @param series the tracks, most important first (only the first {@value #LEGEND_ROWS} get a legend entry and a
     *     colour; the rest are drawn thin and grey)
     * @param threshold the decision threshold, drawn dashed
     */
    public static BufferedImage draw(List<Series> series, double maxSeconds, double threshold, String title) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            double xMax = maxSeconds > 0 ? maxSeconds : 1;
            int pw = W - LEFT - RIGHT;
            int ph = H - TOP - BOTTOM;
            axes(g, xMax, pw, ph, title);
            g.setColor(new Color(0xB00020));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            int ty = TOP + (int) Math.round(ph * (1 - threshold));
            g.drawLine(LEFT, ty, LEFT + pw, ty);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(String.format(Locale.ROOT, "threshold %.2f", threshold), LEFT + pw - 90, ty - 4);
            for (int i = series.size() - 1; i >= 0; i--) {
                boolean coloured = i < LEGEND_ROWS;
                Color c = coloured ? PALETTE[i % PALETTE.length] : new Color(0xAAAAAA);
                line(g, series.get(i), xMax, pw, ph, c, coloured ? 2f : 1f);
                if (coloured) {
                    int ly = TOP + 14 + i * 18;
                    g.setColor(c);
                    g.fillRect(LEFT + pw + 14, ly - 9, 12, 10);
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(series.get(i).label(), LEFT + pw + 32, ly);
                }
            }
            if (series.size() > LEGEND_ROWS) {
                g.setColor(Color.GRAY);
                g.drawString("+" + (series.size() - LEGEND_ROWS) + " more (grey)", LEFT + pw + 14, TOP + 14 + LEGEND_ROWS * 18);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void axes(Graphics2D g, double xMax, int pw, int ph, String title) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i <= 4; i++) {
            double v = i / 4.0;
            int y = TOP + (int) Math.round(ph * (1 - v));
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(LEFT, y, LEFT + pw, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", v), LEFT - 34, y + 4);
        }
        double step = niceStep(xMax / 6);
        for (double t = 0; t <= xMax + 1e-9; t += step) {
            int x = LEFT + (int) Math.round(pw * t / xMax);
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(x, TOP, x, TOP + ph);
            g.setColor(Color.DARK_GRAY);
            String s = step >= 1 ? String.format(Locale.ROOT, "%.0f", t) : String.format(Locale.ROOT, "%.1f", t);
            g.drawString(s, x - g.getFontMetrics().stringWidth(s) / 2, TOP + ph + 16);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, pw, ph);
        g.drawString("time (s)", LEFT + pw / 2 - 20, H - 8);
        g.drawString("P(manipulated)", 4, 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(title, LEFT + 110, 16);
    }

    private static void line(Graphics2D g, Series s, double xMax, int pw, int ph, Color c, float width) {
        g.setColor(c);
        g.setStroke(new BasicStroke(width));
        Path2D path = new Path2D.Double();
        for (int i = 0; i < s.seconds().length; i++) {
            double x = LEFT + pw * Math.min(1, s.seconds()[i] / xMax);
            double y = TOP + ph * (1 - Math.max(0, Math.min(1, s.scores()[i])));
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
            g.fillOval((int) Math.round(x) - 2, (int) Math.round(y) - 2, 5, 5);
        }
        g.draw(path);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
