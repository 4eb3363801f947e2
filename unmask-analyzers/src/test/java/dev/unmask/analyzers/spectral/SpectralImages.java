package dev.unmask.analyzers.spectral;

import dev.unmask.core.imaging.Scaling;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Test images: generator-like up-sampling of real photos and synthetic patterns, all deterministic. */
final class SpectralImages {
    private SpectralImages() {}

    /** Halves a photo by 2x2 averaging (removes its own high frequencies, like a low-resolution feature map). */
    static BufferedImage halve(BufferedImage img) {
        int w = img.getWidth() / 2;
        int h = img.getHeight() / 2;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int k = 0; k < 4; k++) {
                    int p = img.getRGB(2 * x + (k & 1), 2 * y + (k >> 1));
                    r += (p >> 16) & 0xff;
                    g += (p >> 8) & 0xff;
                    b += p & 0xff;
                }
                out.setRGB(x, y, ((r + 2) / 4 << 16) | ((g + 2) / 4 << 8) | (b + 2) / 4);
            }
        }
        return out;
    }

    /** 2x nearest-neighbour up-sampling (the "upsample" half of an upsample+conv layer). */
    static BufferedImage nearest2x(BufferedImage img) {
        return Scaling.resizeNearest(img, img.getWidth() * 2, img.getHeight() * 2);
    }

    /** 2x bilinear up-scaling (Java2D), i.e. ordinary interpolation. */
    static BufferedImage bilinear2x(BufferedImage img) {
        return Scaling.resize(img, img.getWidth() * 2, img.getHeight() * 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    /**
     * What a stride-2 transposed convolution does: zero insertion, then a 3x3 kernel whose four polyphase
     * components do not have equal sums (as in trained generators), so the output carries a checkerboard.
     */
    static BufferedImage transposedConv2x(BufferedImage img) {
        double[][] k = {{0.30, 0.55, 0.25}, {0.60, 1.00, 0.50}, {0.20, 0.45, 0.35}};
        int w = img.getWidth() * 2;
        int h = img.getHeight() * 2;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] acc = new double[3];
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int sx = x - dx;
                        int sy = y - dy;
                        if ((sx & 1) != 0 || (sy & 1) != 0) {
                            continue; // inserted zero
                        }
                        int p = img.getRGB(Math.min(img.getWidth() - 1, Math.max(0, sx / 2)),
                                Math.min(img.getHeight() - 1, Math.max(0, sy / 2)));
                        double kv = k[dy + 1][dx + 1];
                        acc[0] += kv * ((p >> 16) & 0xff);
                        acc[1] += kv * ((p >> 8) & 0xff);
                        acc[2] += kv * (p & 0xff);
                    }
                }
                // the four phases sum to 1.0, 1.05, 1.10, 0.55 x kernel weights: normalise by the mean gain
                int r = clamp(acc[0] / 1.05);
                int g = clamp(acc[1] / 1.05);
                int b = clamp(acc[2] / 1.05);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /** A flat grey image with a faint 2-pixel checkerboard (amplitude {@code amp} levels) over seeded noise. */
    static BufferedImage checkerboard(int w, int h, int amp, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = clamp(128 + rnd.nextGaussian() * 6 + (((x + y) & 1) == 0 ? amp : -amp));
                out.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return out;
    }

    /** Seeded Gaussian noise on grey (a white spectrum: no peaks). */
    static BufferedImage noise(int w, int h, long seed) {
        return checkerboard(w, h, 0, seed);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
