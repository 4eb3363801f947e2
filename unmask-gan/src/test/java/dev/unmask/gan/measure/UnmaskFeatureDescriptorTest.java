package dev.unmask.gan.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnmaskFeatureDescriptorTest {
    private static final int HIST = 18;
    private static final int TEXTURE = 26;

    @Test
    void hasSeventyFiveDeterministicFeaturesWithNormalisedHistograms() {
        BufferedImage img = shape(new Random(1), 64);
        float[] f = UnmaskFeatureDescriptor.describe(img);
        assertEquals(UnmaskFeatureDescriptor.DIMENSION, f.length);
        assertArrayEquals(f, UnmaskFeatureDescriptor.describe(img), "same image, same numbers");
        assertEquals(1, sum(f, HIST, 8), 1e-5, "luma histogram");
        for (int s = 0; s < 3; s++) {
            assertEquals(1, sum(f, TEXTURE + 11 * s + 2, 8), 1e-5, "orientation histogram at scale " + s);
        }
        for (float v : f) {
            assertTrue(Float.isFinite(v) && Math.abs(v) <= 2, "feature " + v);
        }
        UnmaskFeatureDescriptor d = new UnmaskFeatureDescriptor();
        assertFalse(d.comparableToPublishedFid());
        assertEquals("UFD-v1", d.name());
    }

    @Test
    void aFlatImageHasNoGradientsAndAFlatSpectrumShare() {
        BufferedImage flat = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        g.setColor(new Color(255, 0, 0));
        g.fillRect(0, 0, 40, 40);
        g.dispose();
        float[] f = UnmaskFeatureDescriptor.describe(flat);
        assertEquals(1 / 3f, f[0], 1e-6, "L mean");
        assertEquals(0.5f, f[2], 1e-6, "O1 mean = (R - G) / 2");
        assertEquals(0.25f, f[4], 1e-6, "O2 mean = (R + G - 2B) / 4");
        assertEquals(0, f[TEXTURE], 0, "gradient mean");
        assertEquals(1 / 8f, f[TEXTURE + 2], 1e-7, "orientation histogram is uniform when there is no gradient");
        for (int b = 0; b < 16; b++) {
            assertEquals(Math.log10(1 / 16.0 + 1e-6) / 6, f[59 + b], 1e-6, "ring " + b);
        }
    }

    @Test
    void orientationHistogramsSeeStripeDirection() {
        float[] vertical = UnmaskFeatureDescriptor.describe(stripes(true));
        float[] horizontal = UnmaskFeatureDescriptor.describe(stripes(false));
        // vertical stripes vary along x: gradient angle 0 (bin 0 and its circular neighbour 7); horizontal: pi/2 (bins 3-4)
        assertTrue(vertical[TEXTURE + 2] + vertical[TEXTURE + 9] > 0.9, "vertical stripes, angle 0");
        assertTrue(horizontal[TEXTURE + 5] + horizontal[TEXTURE + 6] > 0.9, "horizontal stripes, angle pi/2");
    }

    @Test
    void tellsShapesFromNoiseFarBetterThanShapesFromOtherShapes() {
        Random r = new Random(3);
        List<BufferedImage> a = new ArrayList<>();
        List<BufferedImage> b = new ArrayList<>();
        List<BufferedImage> noise = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            a.add(shape(r, 32));
            b.add(shape(r, 32));
            noise.add(noise(r, 32));
        }
        UnmaskFeatureDescriptor d = new UnmaskFeatureDescriptor();
        FeatureStats sa = FeatureStats.of(d.features(a));
        double same = FrechetDistance.between(sa, FeatureStats.of(d.features(b))).distance();
        double other = FrechetDistance.between(sa, FeatureStats.of(d.features(noise))).distance();
        assertTrue(other > 10 * same, "shapes vs shapes " + same + ", shapes vs noise " + other);
    }

    @Test
    void resizingKeepsTheDescriptorClose() {
        Random r = new Random(4);
        BufferedImage big = shape(r, 128);
        BufferedImage small = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        small.getGraphics().drawImage(big.getScaledInstance(64, 64, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        float[] a = UnmaskFeatureDescriptor.describe(big);
        float[] b = UnmaskFeatureDescriptor.describe(small);
        double d2 = 0;
        for (int i = 0; i < a.length; i++) {
            d2 += (a[i] - b[i]) * (a[i] - b[i]);
        }
        float[] other = UnmaskFeatureDescriptor.describe(shape(r, 128));
        double o2 = 0;
        for (int i = 0; i < a.length; i++) {
            o2 += (a[i] - other[i]) * (a[i] - other[i]);
        }
        assertTrue(d2 < 0.1 * o2, "resized " + d2 + " vs another image " + o2);
    }

    private static double sum(float[] f, int from, int n) {
        double s = 0;
        for (int i = from; i < from + n; i++) {
            s += f[i];
        }
        return s;
    }

    static BufferedImage shape(Random r, int side) {
        return dev.unmask.gan.Shapes.shape(r, side);
    }

    private static BufferedImage noise(Random r, int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        return img;
    }

    private static BufferedImage stripes(boolean vertical) {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int t = vertical ? x : y;
                int v = (int) (127.5 + 127.5 * Math.sin(2 * Math.PI * t / 8.0));
                img.setRGB(x, y, v * 0x010101);
            }
        }
        return img;
    }
}
