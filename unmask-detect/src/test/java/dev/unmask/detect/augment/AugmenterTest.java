package dev.unmask.detect.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.detect.TestImages;
import dev.unmask.detect.data.Crops;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {
    private static final BufferedImage IMAGE = TestImages.scene(90, 70, new Random(4));

    @Test
    void parsesProbabilitiesAndRangesAndKeepsUnnamedOperations() {
        Augmentation a = Augmentation.parse("blur:0.1,jpeg:0.5:50-95,flip:0", Augmentation.DEFAULT);
        assertEquals(0.1, a.blur());
        assertEquals(0.5, a.jpeg());
        assertEquals(50, a.jpegQualityMin());
        assertEquals(95, a.jpegQualityMax());
        assertEquals(0, a.flip());
        assertEquals(Augmentation.DEFAULT.noise(), a.noise());
        assertEquals(Augmentation.DEFAULT.downscale(), a.downscale());
        assertEquals(0.75, Augmentation.parse("downscale:1:0.75-1", Augmentation.NONE).downscaleMin());
        assertFalse(Augmentation.NONE.enabled());
        assertTrue(Augmentation.DEFAULT.enabled());
        assertEquals(a, Augmentation.fromMap(a.toMap()));
    }

    @Test
    void badSpecificationsNameTheEntry() {
        assertEquals("--augment entry 'blur' must be name:probability or name:probability:lo-hi",
                assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("blur", Augmentation.DEFAULT)).getMessage());
        assertEquals("--augment: unknown operation 'sharpen' (known: blur, jpeg, downscale, flip, noise)",
                assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("sharpen:0.1", Augmentation.DEFAULT)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("jpeg:2", Augmentation.DEFAULT)).getMessage()
                .contains("probabilities must be in [0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("flip:0.5:0-1", Augmentation.DEFAULT)).getMessage()
                .contains("flip takes no range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("jpeg:0.5:20-10", Augmentation.DEFAULT)).getMessage()
                .contains("'jpeg:0.5:20-10'"));
    }

    @Test
    void withoutAugmentationACropIsAnUnchangedWindowAtEvenOffsets() {
        Augmenter none = new Augmenter(Augmentation.NONE);
        for (int seed = 0; seed < 20; seed++) {
            int[] crop = none.crop(IMAGE, 32, new SplittableRandom(seed));
            boolean found = false;
            for (int y = 0; y + 32 <= IMAGE.getHeight() && !found; y += 2) {
                for (int x = 0; x + 32 <= IMAGE.getWidth() && !found; x += 2) {
                    found = Arrays.equals(crop, Crops.at(IMAGE, x, y, 32));
                }
            }
            assertTrue(found, "seed " + seed);
        }
    }

    @Test
    void sameStreamSameCropDifferentStreamDifferentCrop() {
        Augmenter all = new Augmenter(new Augmentation(1, 3, 1, 30, 100, 1, 0.5, 0.5, 1, 3));
        int[] a = all.crop(IMAGE, 32, new SplittableRandom(42));
        int[] b = all.crop(IMAGE, 32, new SplittableRandom(42));
        int[] c = all.crop(IMAGE, 32, new SplittableRandom(43));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        assertEquals(32 * 32, a.length);
    }

    @Test
    void everyOperationChangesPixelsAndImagesOfExactlyTheCropSizeStillWork() {
        BufferedImage exact = TestImages.scene(32, 32, new Random(8));
        int[] plain = Crops.at(exact, 0, 0, 32);
        String[] ops = {"blur:1:0-3", "jpeg:1:30-40", "noise:1:0-3"};
        for (String op : ops) {
            Augmenter one = new Augmenter(Augmentation.parse(op + ",flip:0", Augmentation.NONE));
            int changed = 0;
            for (int seed = 0; seed < 5; seed++) {
                int[] c = one.crop(exact, 32, new SplittableRandom(seed));
                assertEquals(32 * 32, c.length);
                changed += Arrays.equals(c, plain) ? 0 : 1;
            }
            assertTrue(changed >= 4, op + " changed only " + changed + " of 5 crops");
        }
        // down-scaling needs room: an image of exactly the crop size is never enlarged, so it stays unscaled
        Augmenter down = new Augmenter(Augmentation.parse("downscale:1:0.5-1", Augmentation.NONE));
        assertArrayEquals(plain, down.crop(exact, 32, new SplittableRandom(3)));
        BufferedImage larger = TestImages.scene(64, 64, new Random(9));
        int scaled = 0;
        for (int seed = 0; seed < 5; seed++) {
            int[] c = down.crop(larger, 32, new SplittableRandom(seed));
            boolean window = false;
            for (int y = 0; y + 32 <= 64 && !window; y += 2) {
                for (int x = 0; x + 32 <= 64 && !window; x += 2) {
                    window = Arrays.equals(c, Crops.at(larger, x, y, 32));
                }
            }
            scaled += window ? 0 : 1;
        }
        assertTrue(scaled >= 4, "down-scaled crops are not plain windows: " + scaled);
        Augmenter flip = new Augmenter(Augmentation.parse("flip:1", Augmentation.NONE));
        int[] f = flip.crop(exact, 32, new SplittableRandom(1));
        assertEquals(plain[31], f[0]);
    }

    @Test
    void blurKeepsFlatImagesAndAreaScalingAveragesBlocks() {
        int[] flat = new int[16 * 16];
        Arrays.fill(flat, 0x336699);
        assertArrayEquals(flat, GaussianBlur.apply(flat, 16, 16, 2.5));
        int[] px = {0x000000, 0x020202, 0x101010, 0x121212, 0x040404, 0x060606, 0x141414, 0x161616};
        // 4x2 image -> 2x1: each output is the mean of a 2x2 block
        assertArrayEquals(new int[] {0x030303, 0x131313}, AreaScaling.down(px, 4, 2, 2, 1));
    }
}
