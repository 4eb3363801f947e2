package dev.unmask.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.Detectors;
import dev.unmask.detect.augment.Augmentation;
import dev.unmask.detect.model.NprDetector;
import dev.unmask.detect.train.TrainConfig;
import dev.unmask.detect.train.TrainingRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code rgb} architecture (the NPR trunk on the pixels) end to end: fakes carry a soft-edged, re-coloured
 * ellipse blended into the scene, like a crude face swap, at a 32-pixel crop to keep the test short.
 */
class RgbTrainingTest {
    @TempDir
    Path dir;

    @Test
    void learnsABlendedColourPatchAndOpensAsKindRgb() throws Exception {
        Path real = dir.resolve("real");
        Path fake = dir.resolve("fake");
        Files.createDirectories(real);
        Files.createDirectories(fake);
        Random r = new Random(5);
        for (int i = 0; i < 64; i++) {
            ImageIO.write(TestImages.scene(32, 32, r), "png", real.resolve("r" + i + ".png").toFile());
            ImageIO.write(blendedPatch(TestImages.scene(32, 32, r), r), "png", fake.resolve("f" + i + ".png").toFile());
        }
        TrainConfig config = TrainingFixture.config(Architecture.RGB, real, fake, 32, 6, 16, 1e-3, Augmentation.NONE);
        Path model = dir.resolve("rgb");
        TrainingRun.Result trained = TrainingFixture.train(config, model, false);
        assertTrue(trained.validation().auc() > 0.85, "validation AUC " + trained.validation().auc());
        DetectorDescriptor d = DetectorDescriptor.read(model);
        assertEquals("rgb", d.kind());
        assertEquals("none: RGB pixels scaled to [-1, 1]", d.property("npr.residual", ""));
        Random fresh = new Random(77);
        int realsAbove = 0;
        int fakesAbove = 0;
        try (Detector det = Detectors.open(model)) {
            assertInstanceOf(NprDetector.class, det);
            for (int i = 0; i < 16; i++) {
                realsAbove += det.probabilityFake(TestImages.scene(32, 32, fresh)) >= 0.5 ? 1 : 0;
                fakesAbove += det.probabilityFake(blendedPatch(TestImages.scene(32, 32, fresh), fresh)) >= 0.5 ? 1 : 0;
            }
        }
        assertTrue(realsAbove <= 3, realsAbove + " of 16 fresh reals at or above 0.5");
        assertTrue(fakesAbove >= 12, fakesAbove + " of 16 fresh fakes at or above 0.5");
    }

    /** The image with a reddened, brightened ellipse blended in through a soft mask. */
    static BufferedImage blendedPatch(BufferedImage img, Random r) throws IOException {
        int w = img.getWidth();
        int h = img.getHeight();
        double cx = w * (0.4 + 0.2 * r.nextDouble());
        double cy = h * (0.4 + 0.2 * r.nextDouble());
        double ax = w * 0.25;
        double ay = h * 0.3;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.hypot((x - cx) / ax, (y - cy) / ay);
                double m = Math.max(0, Math.min(1, (1.2 - d) / 0.4));
                int p = img.getRGB(x, y);
                int red = (int) Math.min(255, ((p >> 16) & 255) * (1 - m) + Math.min(255, ((p >> 16) & 255) * 1.5 + 60) * m);
                int green = (int) (((p >> 8) & 255) * (1 - 0.4 * m));
                int blue = (int) ((p & 255) * (1 - 0.4 * m));
                out.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        return out;
    }
}
