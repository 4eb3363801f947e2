package dev.unmask.gan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** A tiny synthetic data set: coloured discs and squares on light backgrounds, drawn with a fixed seed. */
public final class Shapes {
    private Shapes() {
    }

    /** One light square image with a coloured disc or square on it, drawn from {@code r}. */
    public static BufferedImage shape(Random r, int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200 + r.nextInt(56), 200 + r.nextInt(56), 200 + r.nextInt(56)));
        g.fillRect(0, 0, side, side);
        g.setColor(Color.getHSBColor(r.nextFloat(), 0.8f, 0.5f + r.nextFloat() * 0.5f));
        int s = side / 3 + r.nextInt(side / 3);
        int x = r.nextInt(side - s);
        int y = r.nextInt(side - s);
        if (r.nextBoolean()) {
            g.fillOval(x, y, s, s);
        } else {
            g.fillRect(x, y, s, s);
        }
        g.dispose();
        return img;
    }

    static void write(Path dir, int count, int side, long seed) throws IOException {
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            BufferedImage img = shape(r, side);
            ImageIO.write(img, "png", dir.resolve(String.format("shape-%03d.png", i)).toFile());
        }
    }
}
