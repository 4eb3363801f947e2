package dev.unmask.detect.testing;

import dev.unmask.core.imaging.Codecs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Deterministic labelled test images: smooth gradients with mild texture. "Fake" ones are a little brighter on
 * average and carry more fine-grained noise, like the excess high-frequency energy of generator up-sampling, so a
 * detector reading brightness and edge energy separates them imperfectly, and blurring or resizing moves them.
 */
public final class SyntheticImages {
    private SyntheticImages() {}

    /** Image {@code i} of the real or fake class, {@code size} pixels square. */
    public static BufferedImage image(boolean fake, int i, int size) {
        Random rnd = new Random((fake ? 1_000_003L : 7L) * 31 + i);
        double base = (fake ? 0.54 : 0.46) + 0.08 * rnd.nextGaussian();
        double grain = fake ? 10 + 4 * rnd.nextDouble() : 3 + 4 * rnd.nextDouble();
        double angle = rnd.nextDouble() * Math.PI;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double g = ((x * Math.cos(angle) + y * Math.sin(angle)) / size - 0.5) * 0.3;
                double v = (base + g) * 255;
                int r = clamp(v + 12 + rnd.nextGaussian() * grain);
                int gr = clamp(v + rnd.nextGaussian() * grain);
                int b = clamp(v - 12 + rnd.nextGaussian() * grain);
                img.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return img;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Writes {@code n} images of each class as PNG into {@code dir/real} and {@code dir/fake}. */
    public static void write(Path dir, int n, int size) throws IOException {
        for (boolean fake : new boolean[] {false, true}) {
            Path d = dir.resolve(fake ? "fake" : "real");
            Files.createDirectories(d);
            for (int i = 0; i < n; i++) {
                Files.write(d.resolve(String.format("%s-%02d.png", fake ? "fake" : "real", i)), Codecs.png(image(fake, i, size)));
            }
        }
    }
}
