package dev.unmask.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.testkit.TestData;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {
    @Test
    void aTiltedFaceComesOutUpright() throws Exception {
        BufferedImage astronaut = TestData.media("photos/astronaut.png").image();
        BufferedImage tilted = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tilted.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(astronaut, AffineTransform.getRotateInstance(Math.toRadians(30), 225, 125), null);
        g.dispose();
        try (FaceDetector d = FaceDetector.open()) {
            Face f = FaceDetectorTest.single(d.detect(tilted));
            assertEquals(Math.toRadians(30), f.eyeLineAngle(), Math.toRadians(8), "the eye line follows the tilt");
            BufferedImage crop = FaceAligner.crop(tilted, f, 256, 0.3);
            assertEquals(256, crop.getWidth());
            assertEquals(256, crop.getHeight());
            Face again = FaceDetectorTest.single(d.detect(crop));
            assertEquals(0, again.eyeLineAngle(), Math.toRadians(8), "upright after alignment");
            // margin 0.3: the face box is 1/1.3 of the crop, centred
            assertEquals(256 / 1.3, Math.max(again.box().width(), again.box().height()), 0.2 * 256 / 1.3);
            assertEquals(128, again.box().centerX(), 20);
        }
    }

    @Test
    void anUprightBoxCropIsThePlainResampledRegion() {
        BufferedImage img = new BufferedImage(100, 60, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 100; x++) {
                img.setRGB(x, y, (x * 2) << 16 | (y * 4) << 8);
            }
        }
        List<Face.Point> eyes = List.of(new Face.Point(40, 30), new Face.Point(60, 30), new Face.Point(50, 35),
                new Face.Point(50, 40), new Face.Point(30, 30), new Face.Point(70, 30));
        Face f = new Face(new FaceBox(30, 20, 40, 40), 0.9, eyes);
        BufferedImage crop = FaceAligner.crop(img, f, 40, 0);
        // 1:1 scale, no rotation: crop pixel (u, v) = image pixel (30 + u, 20 + v)
        for (int v = 0; v < 40; v += 7) {
            for (int u = 0; u < 40; u += 7) {
                assertEquals(img.getRGB(30 + u, 20 + v), crop.getRGB(u, v), "pixel " + u + "," + v);
            }
        }
    }

    @Test
    void outsideTheImageIsMirroredNotBlack() {
        BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                img.setRGB(x, y, 0xffffff);
            }
        }
        List<Face.Point> kp = java.util.Collections.nCopies(6, new Face.Point(0, 0));
        BufferedImage crop = FaceAligner.crop(img, new Face(new FaceBox(-10, -10, 20, 20), 0.9, kp), 20, 0);
        assertEquals(0xffffff, crop.getRGB(0, 0) & 0xffffff);
        assertTrue(FaceAligner.reflect(-1, 20) == 1 && FaceAligner.reflect(20, 20) == 18);
    }

    @Test
    void badSizesAreRefused() {
        BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        Face f = new Face(new FaceBox(0, 0, 10, 10), 0.9, java.util.Collections.nCopies(6, new Face.Point(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> FaceAligner.crop(img, f, 0, 0.3));
        assertThrows(IllegalArgumentException.class, () -> FaceAligner.crop(img, f, 64, -0.1));
    }
}
