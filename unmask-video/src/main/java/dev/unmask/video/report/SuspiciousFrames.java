package dev.unmask.video.report;

import dev.unmask.core.imaging.ColorMap;
import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.core.imaging.Heatmaps;
import dev.unmask.core.imaging.Scaling;
import dev.unmask.video.faces.FaceBox;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Keeps the {@code capacity} most suspicious analysed frames as small annotated thumbnails (boxes, track numbers,
 * scores, heatmaps), so memory stays bounded however long the video is, and lays them out as a contact sheet. A frame
 * is drawn only when it enters the kept set. Confined to one analysis thread.
 */
public final class SuspiciousFrames {
    /** Longest side of a thumbnail. */
    static final int THUMB_SIDE = 400;
    private static final int COLUMNS = 3;
    private static final int CAPTION = 20;
    private static final double HEAT_ALPHA = 0.45;

    /**
     * A face drawn on a thumbnail.
     *
     * @param box where, in the analysed frame's coordinates
     * @param trackId the face's track
     * @param score its score, or NaN
     * @param heatmap the scorer's heatmap over the box, or null
     */
    public record Face(FaceBox box, int trackId, double score, FloatPlane heatmap) {}

    /**
     * A kept frame.
     *
     * @param sample the frame's position among the analysed frames
     * @param seconds its presentation time
     * @param score the frame's score (highest of its faces and frame detectors)
     * @param thumbnail the annotated thumbnail
     */
    public record Kept(int sample, double seconds, double score, BufferedImage thumbnail) {}

    private final int capacity;
    private final double threshold;
    private final PriorityQueue<Kept> kept = new PriorityQueue<>(Comparator.comparingDouble(Kept::score));

    /**
     * @param capacity frames kept (0 keeps none)
     * @param threshold scores at or above it are drawn red
     */
    public SuspiciousFrames(int capacity, double threshold) {
        this.capacity = capacity;
        this.threshold = threshold;
    }

    /** Considers one analysed frame; draws and keeps it when it is among the most suspicious so far. */
    public void offer(int sample, double seconds, double score, BufferedImage frame, List<Face> faces) {
        if (capacity == 0 || Double.isNaN(score)) {
            return;
        }
        if (kept.size() >= capacity) {
            if (kept.peek().score() >= score) {
                return;
            }
            kept.poll();
        }
        kept.add(new Kept(sample, seconds, score, annotate(frame, faces)));
    }

    /** The kept frames, most suspicious first. */
    public List<Kept> mostSuspicious() {
        List<Kept> l = new ArrayList<>(kept);
        l.sort(Comparator.comparingDouble(Kept::score).reversed().thenComparingInt(Kept::sample));
        return l;
    }

    /** The kept frames on one sheet, most suspicious first, captioned with time, frame number and score; null when none. */
    public BufferedImage contactSheet() {
        List<Kept> l = mostSuspicious();
        if (l.isEmpty()) {
            return null;
        }
        int cw = l.stream().mapToInt(k -> k.thumbnail().getWidth()).max().orElse(1);
        int ch = l.stream().mapToInt(k -> k.thumbnail().getHeight()).max().orElse(1) + CAPTION;
        int cols = Math.min(COLUMNS, l.size());
        int rows = (l.size() + cols - 1) / cols;
        BufferedImage sheet = new BufferedImage(cols * cw + (cols + 1) * 4, rows * ch + (rows + 1) * 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            for (int i = 0; i < l.size(); i++) {
                Kept k = l.get(i);
                int x = 4 + (i % cols) * (cw + 4);
                int y = 4 + (i / cols) * (ch + 4);
                g.drawImage(k.thumbnail(), x, y, null);
                g.setColor(k.score() >= threshold ? new Color(0xB00020) : Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%.2f s  (analysed frame %d)  score %.2f", k.seconds(), k.sample(), k.score()),
                        x + 2, y + k.thumbnail().getHeight() + 15);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private BufferedImage annotate(BufferedImage frame, List<Face> faces) {
        BufferedImage small = Scaling.fitWithin(frame, THUMB_SIDE);
        BufferedImage out = small == frame ? Scaling.resize(frame, frame.getWidth(), frame.getHeight(),
                RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR) : small;
        double s = out.getWidth() / (double) frame.getWidth();
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            for (Face f : faces) {
                FaceBox b = f.box().scaled(s);
                int x = (int) Math.round(b.x());
                int y = (int) Math.round(b.y());
                int w = Math.max(1, (int) Math.round(b.width()));
                int h = Math.max(1, (int) Math.round(b.height()));
                if (f.heatmap() != null) {
                    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) HEAT_ALPHA));
                    g.drawImage(Heatmaps.render(f.heatmap(), 0, 1, ColorMap.INFERNO), x, y, w, h, null);
                    g.setComposite(AlphaComposite.SrcOver);
                }
                Color c = Double.isNaN(f.score()) ? Color.LIGHT_GRAY : f.score() >= threshold ? new Color(0xFF1744) : new Color(0x00C853);
                g.setColor(c);
                g.setStroke(new BasicStroke(2f));
                g.drawRect(x, y, w, h);
                String label = "#" + f.trackId() + (Double.isNaN(f.score()) ? "" : String.format(Locale.ROOT, " %.2f", f.score()));
                int lw = g.getFontMetrics().stringWidth(label) + 6;
                int ly = Math.max(0, y - 16);
                g.fillRect(x, ly, lw, 15);
                g.setColor(Color.BLACK);
                g.drawString(label, x + 3, ly + 12);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
