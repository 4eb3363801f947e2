package dev.unmask.provenance.watermark;

import dev.unmask.core.imaging.Codecs;
import dev.unmask.testkit.TestData;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import javax.imageio.ImageIO;

/** Real photos and the attacks the watermark tests apply to them. */
final class WatermarkTestImages {
    static final List<String> PHOTOS = List.of("photos/astronaut.png", "photos/camera.png", "photos/chelsea.png",
            "photos/coffee.png", "camera-jpeg/sample1.jpg", "camera-jpeg/sample2.jpg", "camera-jpeg/sample3.jpg");

    private WatermarkTestImages() {}

    static BufferedImage load(String name) throws Exception {
        BufferedImage img = ImageIO.read(Files.newInputStream(TestData.file(name)));
        return rgb(img);
    }

    static BufferedImage rgb(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage jpeg(BufferedImage img, int quality) throws Exception {
        return rgb(ImageIO.read(new ByteArrayInputStream(Codecs.jpeg(img, quality))));
    }

    static BufferedImage resize(BufferedImage img, double f) {
        return resizeTo(img, Math.max(1, (int) Math.round(img.getWidth() * f)),
                Math.max(1, (int) Math.round(img.getHeight() * f)));
    }

    static BufferedImage resizeTo(BufferedImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Removes {@code f} of the width and height from each side. */
    static BufferedImage crop(BufferedImage img, double f) {
        int dx = (int) Math.round(img.getWidth() * f);
        int dy = (int) Math.round(img.getHeight() * f);
        return rgb(img.getSubimage(dx, dy, img.getWidth() - 2 * dx, img.getHeight() - 2 * dy));
    }

    static BufferedImage swapRedBlue(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                out.setRGB(x, y, (p & 0xFF00) | ((p >> 16) & 0xFF) | ((p & 0xFF) << 16));
            }
        }
        return out;
    }
}
