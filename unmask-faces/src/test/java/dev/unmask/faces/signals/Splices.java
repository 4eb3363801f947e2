package dev.unmask.faces.signals;

import dev.unmask.core.imaging.Planes;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Face splices made in the tests from real photos: a face region of one picture blended into another with a
 * feathered elliptical mask, as a face swap pastes a face.
 */
final class Splices {
    private Splices() {}

    /**
     * Pastes the ellipse inscribed in {@code (sx, sy, w, h)} of {@code donor} at {@code (tx, ty)} of a copy of
     * {@code host}, feathered over {@code feather} pixels.
     */
    static BufferedImage paste(BufferedImage host, BufferedImage donor, int sx, int sy, int tx, int ty, int w, int h,
            int feather) {
        BufferedImage out = Planes.toRgb(host);
        out = copy(out);
        double cx = w / 2.0;
        double cy = h / 2.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x + 0.5 - cx) / cx;
                double dy = (y + 0.5 - cy) / cy;
                double r = Math.sqrt(dx * dx + dy * dy);
                // distance inside the ellipse edge, in pixels along the shorter semi-axis
                double inside = (1 - r) * Math.min(cx, cy);
                double a = Math.max(0, Math.min(1, inside / feather));
                if (a <= 0) {
                    continue;
                }
                int p = donor.getRGB(sx + x, sy + y);
                int q = out.getRGB(tx + x, ty + y);
                out.setRGB(tx + x, ty + y, mix(p, q, a));
            }
        }
        return out;
    }

    /** Adds seeded Gaussian noise of {@code sigma} grey levels inside the feathered ellipse of the box. */
    static BufferedImage noise(BufferedImage host, int x0, int y0, int w, int h, double sigma, long seed) {
        BufferedImage noisy = copy(Planes.toRgb(host));
        Random r = new Random(seed);
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                double n = r.nextGaussian() * sigma;
                int p = noisy.getRGB(x, y);
                noisy.setRGB(x, y, (clamp(((p >> 16) & 0xff) + n) << 16) | (clamp(((p >> 8) & 0xff) + n) << 8)
                        | clamp((p & 0xff) + n));
            }
        }
        return paste(host, noisy, x0, y0, x0, y0, w, h, 8);
    }

    /** Replaces the feathered ellipse of the box by a 5x5 box blur of itself (a smoothed or generated face). */
    static BufferedImage blur(BufferedImage host, int x0, int y0, int w, int h) {
        BufferedImage src = Planes.toRgb(host);
        BufferedImage blurred = copy(src);
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int[] s = new int[3];
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        int p = src.getRGB(x + dx, y + dy);
                        s[0] += (p >> 16) & 0xff;
                        s[1] += (p >> 8) & 0xff;
                        s[2] += p & 0xff;
                    }
                }
                blurred.setRGB(x, y, (Math.round(s[0] / 25f) << 16) | (Math.round(s[1] / 25f) << 8)
                        | Math.round(s[2] / 25f));
            }
        }
        return paste(host, blurred, x0, y0, x0, y0, w, h, 8);
    }

    private static BufferedImage copy(BufferedImage img) {
        BufferedImage c = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        c.getRaster().setRect(img.getRaster());
        return c;
    }

    private static int mix(int p, int q, double a) {
        int r = (int) Math.round(a * ((p >> 16) & 0xff) + (1 - a) * ((q >> 16) & 0xff));
        int g = (int) Math.round(a * ((p >> 8) & 0xff) + (1 - a) * ((q >> 8) & 0xff));
        int b = (int) Math.round(a * (p & 0xff) + (1 - a) * (q & 0xff));
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
