package dev.unmask.detect.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/** Small line charts drawn with Java2D for the training report (curves per epoch, ROC, reliability). */
public final class Charts {
    /** Chart width in pixels. */
    static final int WIDTH = 560;
    /** Chart height in pixels. */
    static final int HEIGHT = 340;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 46;

    /**
     * One line of a chart.
     *
     * @param name legend text
     * @param color line colour
     * @param x x values
     * @param y y values (NaN points are skipped)
     * @param dashed draw dashed
     * @param markers draw a dot at each point
     */
    public record Series(String name, Color color, double[] x, double[] y, boolean dashed, boolean markers) {
    }

    private Charts() {
    }

    /** A chart of {@code series} over the given axis ranges. */
    public static BufferedImage lines(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax,
            List<Series> series) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int pw = WIDTH - LEFT - RIGHT;
        int ph = HEIGHT - TOP - BOTTOM;
        if (!(xMax > xMin)) {
            xMax = xMin + 1;
        }
        if (!(yMax > yMin)) {
            yMax = yMin + 1;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i <= 5; i++) {
            double fy = yMin + (yMax - yMin) * i / 5;
            int py = TOP + ph - (int) Math.round(ph * i / 5.0);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(LEFT, py, LEFT + pw, py);
            g.setColor(Color.DARK_GRAY);
            String t = label(fy);
            g.drawString(t, LEFT - 6 - fm.stringWidth(t), py + 4);
        }
        boolean wholeX = xMin == Math.rint(xMin) && xMax == Math.rint(xMax) && xMax - xMin > 1;
        int xTicks = wholeX ? (int) Math.min(5, xMax - xMin) : 5;
        for (int i = 0; i <= xTicks; i++) {
            double fx = xMin + (xMax - xMin) * i / xTicks;
            if (wholeX) {
                fx = Math.rint(fx);
            }
            int px = LEFT + (int) Math.round(pw * (fx - xMin) / (xMax - xMin));
            String u = label(fx);
            g.setColor(Color.DARK_GRAY);
            g.drawString(u, px - fm.stringWidth(u) / 2, TOP + ph + 16);
        }
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, TOP, pw, ph);
        g.setColor(Color.BLACK);
        g.drawString(xLabel, LEFT + pw / 2 - fm.stringWidth(xLabel) / 2, HEIGHT - 10);
        Graphics2D gy = (Graphics2D) g.create();
        gy.rotate(-Math.PI / 2);
        gy.drawString(yLabel, -(TOP + ph / 2) - fm.stringWidth(yLabel) / 2, 14);
        gy.dispose();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, LEFT, 19);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (Series s : series) {
            drawLine(g, s, LEFT, TOP, pw, ph, xMin, xMax, yMin, yMax);
        }
        int legendWidth = 0;
        for (Series s : series) {
            legendWidth = Math.max(legendWidth, fm.stringWidth(s.name()));
        }
        int lx = LEFT + pw - legendWidth - 40;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(lx - 4, TOP + 3, legendWidth + 42, 15 * series.size() + 4);
        int legendY = TOP + 15;
        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(new BasicStroke(2f));
            g.drawLine(lx, legendY - 4, lx + 20, legendY - 4);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), lx + 26, legendY);
            legendY += 15;
        }
        g.dispose();
        return img;
    }

    private static void drawLine(Graphics2D g, Series s, int left, int top, int pw, int ph, double xMin, double xMax, double yMin,
            double yMax) {
        g.setColor(s.color());
        g.setStroke(s.dashed() ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {5, 4}, 0)
                : new BasicStroke(2f));
        Path2D.Double path = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < s.x().length; i++) {
            if (Double.isNaN(s.y()[i])) {
                continue;
            }
            double px = left + pw * (s.x()[i] - xMin) / (xMax - xMin);
            double py = top + ph - ph * (Math.max(yMin, Math.min(yMax, s.y()[i])) - yMin) / (yMax - yMin);
            if (started) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                started = true;
            }
            if (s.markers()) {
                g.fillOval((int) Math.round(px) - 3, (int) Math.round(py) - 3, 7, 7);
            }
        }
        g.draw(path);
    }

    private static String label(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) >= 1) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
