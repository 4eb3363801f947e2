package dev.unmask.detect;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Generated training data with a known difference: "real" images are smooth random colour fields with
 * anti-aliased shapes and mild sensor-like noise, rendered at full resolution; "fake" images are the same kind of
 * picture rendered at half resolution and up-sampled by 2 (nearest neighbour for even-numbered files, bilinear for
 * odd ones), so they carry up-sampling traces. Sides are random even numbers in [minSide, maxSide].
 */
public final class TestImages {
    private TestImages() {
    }

    /** Writes {@code count} real PNGs into {@code real} and {@code count} fake PNGs into {@code fake}. */
    public static void write(Path real, Path fake, int count, int minSide, int maxSide, long seed) throws IOException {
        Files.createDirectories(real);
        Files.createDirectories(fake);
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            int w = even(minSide + r.nextInt(maxSide - minSide + 1));
            int h = even(minSide + r.nextInt(maxSide - minSide + 1));
            ImageIO.write(scene(w, h, r), "png", real.resolve(String.format("real-%03d.png", i)).toFile());
            BufferedImage half = scene(w / 2, h / 2, r);
            BufferedImage up = upsample(half, i % 2 == 0);
            ImageIO.write(up, "png", fake.resolve(String.format("fake-%03d.png", i)).toFile());
        }
    }

    private static int even(int v) {
        return v & ~1;
    }

    /** A smooth colour field with shapes and noise of standard deviation 3 grey levels. */
    public static BufferedImage scene(int w, int h, Random r) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double[][] f = new double[3][4];
        for (double[] c : f) {
            for (int k = 0; k < 4; k++) {
                c[k] = r.nextDouble();
            }
        }
        double fx = 1 + r.nextDouble() * 3;
        double fy = 1 + r.nextDouble() * 3;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double v = 128 + 60 * Math.sin(2 * Math.PI * (fx * x / w + f[c][0])) * Math.cos(2 * Math.PI * (fy * y / h + f[c][1]))
                            + 30 * (f[c][2] - 0.5);
                    rgb = (rgb << 8) | clamp(v);
                }
                img.setRGB(x, y, rgb);
            }
        }
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int shapes = 2 + r.nextInt(4);
        for (int s = 0; s < shapes; s++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            double sw = w * (0.1 + 0.4 * r.nextDouble());
            double sh = h * (0.1 + 0.4 * r.nextDouble());
            double x = r.nextDouble() * (w - sw);
            double y = r.nextDouble() * (h - sh);
            if (r.nextBoolean()) {
                g.fill(new Ellipse2D.Double(x, y, sw, sh));
            } else {
                g.setStroke(new BasicStroke((float) (1 + 3 * r.nextDouble())));
                g.drawLine((int) x, (int) y, (int) (x + sw), (int) (y + sh));
            }
        }
        g.dispose();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int out = 0;
                for (int c = 2; c >= 0; c--) {
                    out = (out << 8) | clamp(((p >> (8 * c)) & 0xff) + 3 * r.nextGaussian());
                }
                img.setRGB(x, y, out);
            }
        }
        return img;
    }

    /** Up-samples by 2, nearest neighbour or bilinear. */
    public static BufferedImage upsample(BufferedImage src, boolean nearest) {
        BufferedImage out = new BufferedImage(src.getWidth() * 2, src.getHeight() * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                nearest ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
