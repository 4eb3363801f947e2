package dev.unmask.faces.sbi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.core.imaging.Planes;
import dev.unmask.faces.Face;
import dev.unmask.faces.FaceAligner;
import dev.unmask.faces.FaceDetector;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SelfBlendTest {
    static final int SIZE = 128;
    static BufferedImage crop;

    @BeforeAll
    static void face() throws Exception {
        BufferedImage astronaut = TestData.media("photos/astronaut.png").image();
        try (FaceDetector d = FaceDetector.open()) {
            List<Face> faces = d.detect(astronaut);
            assertEquals(1, faces.size());
            crop = FaceAligner.crop(astronaut, faces.get(0), SIZE, FaceAligner.DEFAULT_MARGIN);
        }
    }

    @Test
    void changesOnlyPixelsInsideTheMaskAndLeavesTheCornersAlone() {
        SelfBlend sbi = new SelfBlend();
        int[] in = Planes.rgbPixels(crop);
        for (long seed = 1; seed <= 20; seed++) {
            SelfBlend.Blended b = sbi.blend(crop, seed);
            int[] out = Planes.rgbPixels(b.image());
            int changed = 0;
            for (int i = 0; i < in.length; i++) {
                if ((in[i] & 0xffffff) != (out[i] & 0xffffff)) {
                    changed++;
                    assertTrue(b.mask()[i] > 0, "pixel " + i + " changed outside the mask, seed " + seed);
                }
            }
            assertTrue(changed > in.length / 10, "seed " + seed + " changed only " + changed + " pixels");
            int corner = SIZE / 10;
            for (int y = 0; y < corner; y++) {
                for (int x = 0; x < corner; x++) {
                    for (int[] p : new int[][] {{x, y}, {SIZE - 1 - x, y}, {x, SIZE - 1 - y}, {SIZE - 1 - x, SIZE - 1 - y}}) {
                        int i = p[1] * SIZE + p[0];
                        assertEquals(0f, b.mask()[i], "mask in a corner, seed " + seed);
                        assertEquals(in[i] & 0xffffff, out[i] & 0xffffff, "corner pixel changed, seed " + seed);
                    }
                }
            }
            assertTrue(List.of(0.25, 0.5, 0.75, 1.0).contains(b.ratio()), "ratio " + b.ratio());
        }
    }

    @Test
    void theMaskIsFullOverTheFaceAndHasASoftBoundary() {
        for (long seed = 1; seed <= 10; seed++) {
            float[] m = new SelfBlend().blend(crop, seed).mask();
            assertEquals(1f, m[(int) (0.53 * SIZE) * SIZE + SIZE / 2], 1e-3, "mask at the face centre, seed " + seed);
            int soft = 0;
            int full = 0;
            for (float v : m) {
                assertTrue(v >= 0 && v <= 1, "mask value " + v);
                soft += v > 0.02 && v < 0.98 ? 1 : 0;
                full += v >= 0.98 ? 1 : 0;
            }
            assertTrue(soft > 2 * SIZE, "seed " + seed + ": only " + soft + " boundary pixels");
            assertTrue(full > SIZE * SIZE / 10, "seed " + seed + ": only " + full + " pixels fully inside");
        }
    }

    @Test
    void theSameSeedGivesTheSameImageAndAnotherSeedAnother() {
        SelfBlend sbi = new SelfBlend();
        int[] a = Planes.rgbPixels(sbi.apply(crop, 42));
        int[] b = Planes.rgbPixels(sbi.apply(crop, 42));
        int[] c = Planes.rgbPixels(sbi.apply(crop, 43));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void refusesTinyImagesAndBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SelfBlend().apply(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), 1));
        assertTrue(e.getMessage().contains("at least 16 x 16"), e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> new SelfBlendSettings(0.03, 1.05, 0.95, 0.1, 0.1,
                0.05, 1.2, 1, 0.53, 0.27, 0.33, 0.15, 0.01, 0.04, List.of(1.0)));
        assertTrue(s.getMessage().startsWith("maxScale must be in"), s.getMessage());
    }
}
