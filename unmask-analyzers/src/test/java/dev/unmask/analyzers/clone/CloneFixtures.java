package dev.unmask.analyzers.clone;

import dev.unmask.core.imaging.Planes;
import java.awt.image.BufferedImage;

/** Builds copy-move forgeries in memory: the truth is known exactly. */
final class CloneFixtures {
    private CloneFixtures() {}

    /** A {@code TYPE_INT_RGB} copy of {@code img}. */
    static BufferedImage copy(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] px = Planes.rgbPixels(img);
        out.setRGB(0, 0, img.getWidth(), img.getHeight(), px, 0, img.getWidth());
        return out;
    }

    /**
     * The top-left corner of the {@code size}-square on a grid of step {@code size/2} with the highest luma
     * variance, skipping squares that intersect {@code avoid} ({x, y, w, h} boxes, grown by {@code margin}).
     */
    static int[] mostTextured(BufferedImage img, int size, int margin, int[]... avoid) {
        var luma = Planes.luma(img);
        double best = -1;
        int[] at = null;
        int step = size / 2;
        for (int y = margin; y + size + margin <= img.getHeight(); y += step) {
            for (int x = margin; x + size + margin <= img.getWidth(); x += step) {
                boolean clash = false;
                for (int[] a : avoid) {
                    clash |= x < a[0] + a[2] + margin && a[0] < x + size + margin
                            && y < a[1] + a[3] + margin && a[1] < y + size + margin;
                }
                if (clash) {
                    continue;
                }
                double s = 0;
                double ss = 0;
                for (int yy = y; yy < y + size; yy++) {
                    for (int xx = x; xx < x + size; xx++) {
                        double v = luma.get(xx, yy);
                        s += v;
                        ss += v * v;
                    }
                }
                double n = (double) size * size;
                double var = ss / n - (s / n) * (s / n);
                if (var > best) {
                    best = var;
                    at = new int[] {x, y};
                }
            }
        }
        return at;
    }

    /** Copies the {@code w}&times;{@code h} region at (sx, sy) to (tx, ty). */
    static void paste(BufferedImage img, int sx, int sy, int w, int h, int tx, int ty) {
        int[] px = img.getRGB(sx, sy, w, h, null, 0, w);
        img.setRGB(tx, ty, w, h, px, 0, w);
    }
}
