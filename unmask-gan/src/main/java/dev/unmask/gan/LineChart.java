package dev.unmask.gan;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart drawn with Java2D for the training report: several series against the step, nice axis ticks,
 * a legend. Long series are reduced to about one point per pixel column (bucket means) before drawing, and the
 * y range ignores the most extreme 0.5% of values at each end so one spike does not flatten the curves (points
 * outside are clipped at the border).
 */
final class LineChart {
    /** One curve. */
    record Series(String name, Color color, float width, double[] x, double[] y) {
    }

    private static final int LEFT = 62;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 40;

    private final String title;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private Double fixedMin;
    private Double fixedMax;

    LineChart(String title, String yLabel) {
        this.title = title;
        this.yLabel = yLabel;
    }

    LineChart add(Series s) {
        series.add(s);
        return this;
    }

    /** Fixes the y range (e.g. [0, 1] for accuracies). */
    LineChart yRange(double min, double max) {
        fixedMin = min;
        fixedMax = max;
        return this;
    }

    /** Centred moving average over {@code window} points (shorter at the ends). */
    static double[] smooth(double[] y, int window) {
        int half = Math.max(0, window / 2);
        double[] prefix = new double[y.length + 1];
        for (int i = 0; i < y.length; i++) {
            prefix[i + 1] = prefix[i] + (Double.isFinite(y[i]) ? y[i] : 0);
        }
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            int a = Math.max(0, i - half);
            int b = Math.min(y.length, i + half + 1);
            out[i] = (prefix[b] - prefix[a]) / (b - a);
        }
        return out;
    }

    BufferedImage render(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int pw = width - LEFT - RIGHT;
        int ph = height - TOP - BOTTOM;
        double[] xr = xRange();
        double[] yr = yRange();
        g.setColor(new Color(0x222222));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, LEFT, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        double[] yTicks = ticks(yr[0], yr[1], 5);
        int yDecimals = decimals(yTicks);
        for (double t : yTicks) {
            int py = TOP + ph - (int) Math.round((t - yr[0]) / (yr[1] - yr[0]) * ph);
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(LEFT, py, LEFT + pw, py);
            g.setColor(new Color(0x555555));
            String s = label(t, yDecimals);
            g.drawString(s, LEFT - 6 - fm.stringWidth(s), py + 4);
        }
        double[] xTicks = ticks(xr[0], xr[1], 6);
        int xDecimals = decimals(xTicks);
        for (double t : xTicks) {
            int px = LEFT + (int) Math.round((t - xr[0]) / (xr[1] - xr[0]) * pw);
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(px, TOP, px, TOP + ph);
            g.setColor(new Color(0x555555));
            String s = label(t, xDecimals);
            g.drawString(s, px - fm.stringWidth(s) / 2, TOP + ph + 16);
        }
        g.setColor(new Color(0x999999));
        g.drawRect(LEFT, TOP, pw, ph);
        g.setColor(new Color(0x555555));
        g.drawString("step", LEFT + pw / 2 - fm.stringWidth("step") / 2, height - 6);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(TOP + ph / 2 + fm.stringWidth(yLabel) / 2), 14);
        g.rotate(Math.PI / 2);
        g.setClip(LEFT, TOP, pw + 1, ph + 1);
        for (Series s : series) {
            double[][] pts = reduce(s.x(), s.y(), pw);
            Path2D.Double path = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < pts[0].length; i++) {
                if (!Double.isFinite(pts[1][i])) {
                    started = false;
                    continue;
                }
                double px = LEFT + (pts[0][i] - xr[0]) / (xr[1] - xr[0]) * pw;
                double v = Math.max(yr[0], Math.min(yr[1], pts[1][i]));
                double py = TOP + ph - (v - yr[0]) / (yr[1] - yr[0]) * ph;
                if (started) {
                    path.lineTo(px, py);
                } else {
                    path.moveTo(px, py);
                    started = true;
                }
            }
            g.setColor(s.color());
            g.setStroke(new BasicStroke(s.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
        }
        g.setClip(null);
        g.setStroke(new BasicStroke(1f));
        int lx = width - RIGHT;
        for (int i = series.size() - 1; i >= 0; i--) {
            Series s = series.get(i);
            lx -= fm.stringWidth(s.name()) + 30;
            g.setColor(s.color());
            g.fillRect(lx, 10, 16, 4);
            g.setColor(new Color(0x333333));
            g.drawString(s.name(), lx + 20, 16);
        }
        g.dispose();
        return img;
    }

    private double[] xRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.x()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            return new double[] {Double.isFinite(lo) ? lo - 1 : 0, Double.isFinite(hi) ? hi + 1 : 1};
        }
        return new double[] {lo, hi};
    }

    private double[] yRange() {
        if (fixedMin != null) {
            return new double[] {fixedMin, fixedMax};
        }
        List<Double> all = new ArrayList<>();
        for (Series s : series) {
            for (double v : s.y()) {
                if (Double.isFinite(v)) {
                    all.add(v);
                }
            }
        }
        if (all.isEmpty()) {
            return new double[] {0, 1};
        }
        double[] v = all.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        double lo = v[(int) Math.floor(0.005 * (v.length - 1))];
        double hi = v[(int) Math.ceil(0.995 * (v.length - 1))];
        double pad = hi > lo ? (hi - lo) * 0.06 : Math.max(Math.abs(hi) * 0.1, 0.5);
        return new double[] {lo - pad, hi + pad};
    }

    /** Bucket means so that at most about {@code columns} points remain. */
    private static double[][] reduce(double[] x, double[] y, int columns) {
        int n = x.length;
        if (n <= columns) {
            return new double[][] {x, y};
        }
        int buckets = Math.max(1, columns);
        double[] bx = new double[buckets];
        double[] by = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            int a = (int) ((long) b * n / buckets);
            int e = (int) ((long) (b + 1) * n / buckets);
            double sx = 0;
            double sy = 0;
            int k = 0;
            for (int i = a; i < e; i++) {
                sx += x[i];
                if (Double.isFinite(y[i])) {
                    sy += y[i];
                    k++;
                }
            }
            bx[b] = sx / Math.max(1, e - a);
            by[b] = k == 0 ? Double.NaN : sy / k;
        }
        return new double[][] {bx, by};
    }

    /** "Nice" tick values (1, 2 or 5 times a power of ten) covering [lo, hi]. */
    static double[] ticks(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Decimals that show the tick spacing (0 for whole steps). */
    private static int decimals(double[] ticks) {
        if (ticks.length < 2) {
            return 2;
        }
        double step = Math.abs(ticks[1] - ticks[0]);
        return Math.max(0, Math.min(6, (int) Math.ceil(-Math.log10(step) - 1e-9)));
    }

    private static String label(double v, int decimals) {
        if (v != 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-4)) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
