package dev.unmask.detect.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.detect.TestImages;
import dev.unmask.detect.data.Crops;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpectralFeaturesTest {
    @Test
    void fastAndDirectTransformsMatchTheDefinition() {
        for (int n : new int[] {8, 6, 16}) {
            Random r = new Random(n);
            double[] x = new double[n * n];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian();
            }
            double[] p = new SquareDft(n).power(x);
            for (int v = 0; v < n; v++) {
                for (int u = 0; u < n; u++) {
                    double re = 0;
                    double im = 0;
                    for (int y = 0; y < n; y++) {
                        for (int k = 0; k < n; k++) {
                            double a = -2 * Math.PI * ((double) u * k / n + (double) v * y / n);
                            re += x[y * n + k] * Math.cos(a);
                            im += x[y * n + k] * Math.sin(a);
                        }
                    }
                    assertEquals(re * re + im * im, p[v * n + u], 1e-9 * (1 + re * re + im * im), "n=" + n + " (" + u + "," + v + ")");
                }
            }
        }
    }

    @Test
    void featuresAreNormalisedAndSeeUpSampling() {
        AzimuthalSpectrum s = new AzimuthalSpectrum(64);
        assertEquals(32, s.featureCount());
        Random r = new Random(3);
        double realTail = 0;
        double fakeTail = 0;
        for (int i = 0; i < 10; i++) {
            double[] f = s.features(Crops.at(TestImages.scene(64, 64, r), 0, 0, 64));
            double[] g = s.features(Crops.at(TestImages.upsample(TestImages.scene(32, 32, r), false), 0, 0, 64));
            for (double v : f) {
                assertTrue(v >= 0 && v <= 1);
            }
            for (int b = 24; b < 32; b++) {
                realTail += f[b];
                fakeTail += g[b];
            }
        }
        assertTrue(realTail > 1.3 * fakeTail, "bilinear up-sampling removes power near Nyquist: " + realTail + " vs " + fakeTail);
    }

    @Test
    void logisticRegressionSeparatesAndIsDeterministic() {
        Random r = new Random(9);
        int n = 400;
        double[][] x = new double[n][3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[i][0] = r.nextGaussian() + (y[i] == 1 ? 1.5 : -1.5);
            x[i][1] = r.nextGaussian() * 10;
            x[i][2] = 5;
        }
        SpectralClassifier a = LogisticRegression.fit(x, y, 1e-3);
        SpectralClassifier b = LogisticRegression.fit(x, y, 1e-3);
        assertEquals(a.bias(), b.bias(), 0.0);
        int right = 0;
        for (int i = 0; i < n; i++) {
            right += (a.logit(x[i]) > 0) == (y[i] == 1) ? 1 : 0;
        }
        assertTrue(right > 0.9 * n, right + " of " + n);
        assertTrue(Math.abs(a.weights()[0]) > 5 * Math.abs(a.weights()[1]), "the informative feature dominates");
        SpectralClassifier back = SpectralClassifier.fromMap(new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(a.toMap(), java.util.Map.class));
        assertEquals(a.logit(x[7]), back.logit(x[7]), 0.0);
    }
}
