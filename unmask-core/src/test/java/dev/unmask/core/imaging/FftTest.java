package dev.unmask.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftTest {
    @Test
    void matchesNaiveDftForEverySmallSize() {
        Random rnd = new Random(42);
        for (int n = 1; n <= 128; n <<= 1) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = rnd.nextGaussian() * 100;
                im[i] = rnd.nextGaussian() * 100;
            }
            double[][] ref = Fft.naiveDft(re, im);
            double[] r = re.clone();
            double[] m = im.clone();
            new Fft(n).transform(r, m, 0, 1);
            for (int k = 0; k < n; k++) {
                assertEquals(ref[0][k], r[k], 1e-8 * n * 100, "re n=" + n + " k=" + k);
                assertEquals(ref[1][k], m[k], 1e-8 * n * 100, "im n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void pureToneLandsInItsBin() {
        int n = 64;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = Math.cos(2 * Math.PI * 5 * i / n);
        }
        new Fft(n).transform(re, im, 0, 1);
        assertEquals(n / 2.0, re[5], 1e-9);
        assertEquals(n / 2.0, re[n - 5], 1e-9);
        assertEquals(0, re[4], 1e-9);
        assertEquals(0, im[5], 1e-9);
    }

    @Test
    void twoDimensionalIsSeparableNaiveDft() {
        int n = 8;
        Random rnd = new Random(7);
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int i = 0; i < re.length; i++) {
            re[i] = rnd.nextDouble();
        }
        double[] r = re.clone();
        double[] m = im.clone();
        new Fft(n).transform2d(r, m);
        for (int v = 0; v < n; v++) {
            for (int u = 0; u < n; u++) {
                double sr = 0;
                double si = 0;
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        double a = -2 * Math.PI * ((double) u * x / n + (double) v * y / n);
                        sr += re[y * n + x] * Math.cos(a);
                        si += re[y * n + x] * Math.sin(a);
                    }
                }
                assertEquals(sr, r[v * n + u], 1e-9);
                assertEquals(si, m[v * n + u], 1e-9);
            }
        }
    }

    @Test
    void rejectsSizesThatAreNotPowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new Fft(12));
        assertThrows(IllegalArgumentException.class, () -> new Fft(0));
    }
}
