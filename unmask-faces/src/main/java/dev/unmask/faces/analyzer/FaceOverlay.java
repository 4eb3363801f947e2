package dev.unmask.faces.analyzer;

import dev.unmask.core.imaging.Artifacts;
import dev.unmask.core.imaging.Scaling;
import dev.unmask.faces.Face;
import dev.unmask.faces.FaceBox;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Draws the faces over a report-sized copy of the image: each box numbered as in the findings and labelled with the
 * highest face-level fake probability, coloured green below 0.5, amber up to 0.8 and red above; the eyes marked.
 */
final class FaceOverlay {
    static final Color LOW = new Color(0x2ECC40);
    static final Color MID = new Color(0xFFB000);
    static final Color HIGH = new Color(0xFF3030);

    private FaceOverlay() {}

    /**
     * @param fakeProbability per face, the highest probability of fake among the face-level detectors, or NaN when
     *     none ran
     */
    static BufferedImage draw(BufferedImage image, List<Face> faces, double[] fakeProbability) {
        double fit = Math.min(1.0, (double) Artifacts.MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * fit));
        int h = Math.max(1, (int) Math.round(image.getHeight() * fit));
        BufferedImage small = Scaling.resize(image, w, h, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        double s = (double) w / image.getWidth();
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float stroke = Math.max(2f, Math.max(w, h) / 400f);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, Math.round(stroke * 6))));
            for (int i = 0; i < faces.size(); i++) {
                Face f = faces.get(i);
                double p = fakeProbability[i];
                g.setColor(Double.isNaN(p) || p < 0.5 ? LOW : p < 0.8 ? MID : HIGH);
                g.setStroke(new BasicStroke(stroke));
                FaceBox b = f.box();
                int x = (int) Math.round(b.x() * s);
                int y = (int) Math.round(b.y() * s);
                g.drawRect(x, y, (int) Math.round(b.width() * s), (int) Math.round(b.height() * s));
                for (Face.Point e : List.of(f.keypoints().get(0), f.keypoints().get(1))) {
                    int r = Math.max(2, Math.round(stroke));
                    g.fillOval((int) Math.round(e.x() * s) - r, (int) Math.round(e.y() * s) - r, 2 * r, 2 * r);
                }
                String label = Double.isNaN(p) ? "#" + (i + 1)
                        : String.format(Locale.ROOT, "#%d fake %.2f", i + 1, p);
                int ty = y - Math.round(stroke) - 2;
                g.drawString(label, x, ty < g.getFont().getSize() ? y + (int) Math.round(b.height() * s)
                        + g.getFont().getSize() : ty);
            }
        } finally {
            g.dispose();
        }
        return small;
    }
}
