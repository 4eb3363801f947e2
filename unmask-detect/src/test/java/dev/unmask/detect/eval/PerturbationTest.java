package dev.unmask.detect.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.detect.testing.SyntheticImages;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerturbationTest {
    @Test
    void parsesEveryKindWithOneRowPerValue() {
        List<Perturbation> p = Perturbation.parse(List.of("jpeg:90,75,50", "resize:0.5", "blur:1.0", "noise:0.02", "crop:0.8"));
        assertEquals(List.of("jpeg:90", "jpeg:75", "jpeg:50", "resize:0.5", "blur:1", "noise:0.02", "crop:0.8"),
                p.stream().map(Perturbation::name).toList());
        assertEquals(Perturbation.Kind.BLUR, p.get(4).kind());
        assertEquals(0.02, p.get(5).value());
    }

    @Test
    void badSpecsGetSpecificMessages() {
        assertEquals("unknown perturbation 'sharpen' in 'sharpen:2' (kinds: jpeg, resize, blur, noise, crop)", message("sharpen:2"));
        assertEquals("perturbation 'jpeg' must look like KIND:VALUE[,VALUE...], e.g. jpeg:90,75 (kinds: jpeg, resize, blur, noise, crop)",
                message("jpeg"));
        assertEquals("perturbation 'jpeg:' has no value: jpeg takes a JPEG quality", message("jpeg:"));
        assertEquals("perturbation 'jpeg:90,x': 'x' is not a number (jpeg takes a JPEG quality)", message("jpeg:90,x"));
        assertEquals("perturbation 'jpeg:101': jpeg takes a JPEG quality in 1..100 (an integer), not 101", message("jpeg:101"));
        assertEquals("perturbation 'jpeg:75.5': jpeg takes a JPEG quality in 1..100 (an integer), not 75.5", message("jpeg:75.5"));
        assertEquals("perturbation 'crop:1.5': crop takes the fraction of each side kept in 0.05..1, not 1.5", message("crop:1.5"));
        assertEquals("perturbation 'resize:0': resize takes a scale factor in 0.05..4, not 0", message("resize:0"));
        assertEquals("perturbation 'noise:-0.1': noise takes a standard deviation as a fraction of full scale in 0.001..1, not -0.1",
                message("noise:-0.1"));
        assertEquals("perturbation 'blur:NaN': blur takes a standard deviation in pixels in 0.1..20, not NaN", message("blur:NaN"));
        assertEquals("perturbation jpeg:90 is given twice", message("jpeg:90", "jpeg:90"));
    }

    private static String message(String... specs) {
        return assertThrows(IllegalArgumentException.class, () -> Perturbation.parse(List.of(specs))).getMessage();
    }

    @Test
    void eachPerturbationChangesTheImageAsDocumented() {
        BufferedImage img = SyntheticImages.image(true, 3, 64);
        List<Perturbation> p = Perturbation.parse(List.of("jpeg:50", "resize:0.5", "blur:2", "noise:0.05", "crop:0.75"));
        BufferedImage jpeg = p.get(0).apply(img, 1);
        assertEquals(64, jpeg.getWidth());
        assertTrue(meanAbsDiff(img, jpeg) > 1, "JPEG 50 changes the pixels");
        BufferedImage half = p.get(1).apply(img, 1);
        assertEquals(32, half.getWidth());
        assertEquals(32, half.getHeight());
        BufferedImage blurred = p.get(2).apply(img, 1);
        assertTrue(edges(blurred) < edges(img) / 3, "blur removes most pixel-to-pixel variation");
        assertEquals(mean(img), mean(blurred), 1.0, "blur keeps the mean");
        BufferedImage n1 = p.get(3).apply(img, 42);
        BufferedImage n2 = p.get(3).apply(img, 42);
        BufferedImage n3 = p.get(3).apply(img, 43);
        assertEquals(0, meanAbsDiff(n1, n2), "same seed, same noise");
        assertNotEquals(0, meanAbsDiff(n1, n3));
        assertEquals(0.05 * 255 * Math.sqrt(2 / Math.PI), meanAbsDiff(img, n1), 1.5, "noise of the stated sigma");
        BufferedImage crop = p.get(4).apply(img, 1);
        assertEquals(48, crop.getWidth());
        assertEquals(img.getRGB(8, 8), crop.getRGB(0, 0), "centred crop");
    }

    private static double meanAbsDiff(BufferedImage a, BufferedImage b) {
        double s = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                s += Math.abs(((a.getRGB(x, y) >> 8) & 0xff) - ((b.getRGB(x, y) >> 8) & 0xff));
            }
        }
        return s / (a.getWidth() * a.getHeight());
    }

    private static double edges(BufferedImage a) {
        double s = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 1; x < a.getWidth(); x++) {
                s += Math.abs(((a.getRGB(x, y) >> 8) & 0xff) - ((a.getRGB(x - 1, y) >> 8) & 0xff));
            }
        }
        return s;
    }

    private static double mean(BufferedImage a) {
        double s = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                s += (a.getRGB(x, y) >> 8) & 0xff;
            }
        }
        return s / (a.getWidth() * a.getHeight());
    }
}
