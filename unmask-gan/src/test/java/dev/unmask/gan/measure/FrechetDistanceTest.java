package dev.unmask.gan.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
    private static final double[][] C1 = {{2, 0.5}, {0.5, 1}};
    private static final double[][] C2 = {{1, -0.3}, {-0.3, 0.5}};

    @Test
    void twoNonCommutingGaussiansGiveTheAnalyticValue() {
        double[] mu1 = {0, 0};
        double[] mu2 = {1, 2};
        FrechetDistance.Result r = FrechetDistance.between(FeatureStats.of(exactSet(mu1, C1)), FeatureStats.of(exactSet(mu2, C2)));
        // for 2x2, tr sqrt(M) = sqrt(tr M + 2 sqrt(det M)) and M = C1^(1/2) C2 C1^(1/2) has tr(C1 C2), det C1 det C2
        double trC1C2 = C1[0][0] * C2[0][0] + 2 * C1[0][1] * C2[0][1] + C1[1][1] * C2[1][1];
        double det = (C1[0][0] * C1[1][1] - C1[0][1] * C1[0][1]) * (C2[0][0] * C2[1][1] - C2[0][1] * C2[0][1]);
        double want = 1 + 4 + 3 + 1.5 - 2 * Math.sqrt(trC1C2 + 2 * Math.sqrt(det));
        assertEquals(5.0, r.meanTerm(), 1e-6);
        assertEquals(want, r.distance(), 1e-5);
        assertEquals(want - 5.0, r.traceTerm(), 1e-5);
    }

    @Test
    void diagonalGaussiansGiveTheSumOfSquaredRootDifferences() {
        int d = 5;
        double[] mu1 = new double[d];
        double[] mu2 = new double[d];
        double[][] c1 = new double[d][d];
        double[][] c2 = new double[d][d];
        double want = 0;
        for (int i = 0; i < d; i++) {
            mu2[i] = 0.5 * i;
            c1[i][i] = 1 + i;
            c2[i][i] = 4.0 / (1 + i);
            want += mu2[i] * mu2[i] + Math.pow(Math.sqrt(c1[i][i]) - Math.sqrt(c2[i][i]), 2);
        }
        double got = FrechetDistance.between(FeatureStats.of(exactSet(mu1, c1)), FeatureStats.of(exactSet(mu2, c2))).distance();
        assertEquals(want, got, 1e-5 * want);
    }

    @Test
    void identicalSetsAreAtDistanceZeroWhetherSmallOrLarge() {
        Random r = new Random(5);
        for (int n : new int[] {6, 200}) {
            float[][] x = gaussian(n, 20, r, 3.0);
            FrechetDistance.Result fd = FrechetDistance.between(FeatureStats.of(x), FeatureStats.of(x));
            assertEquals(0, fd.distance(), 1e-9, "n=" + n);
            assertTrue(fd.distance() >= 0);
        }
    }

    @Test
    void everyFactorPathAgreesWithTheDirectMatrixSquareRoot() {
        Random r = new Random(6);
        int d = 20;
        int[][] sizes = {{8, 12}, {8, 50}, {50, 8}, {60, 45}};
        for (int[] s : sizes) {
            FeatureStats a = FeatureStats.of(gaussian(s[0], d, r, 1.0));
            FeatureStats b = FeatureStats.of(gaussian(s[1], d, r, 2.0));
            double want = directTraceSqrt(a.covariance(), b.covariance());
            double got = FrechetDistance.traceSqrtProduct(a, b);
            // with a rank-deficient covariance the textbook route takes square roots of round-off in its null space
            // (about sqrt(ulp) of the largest eigenvalue each), so it is only good to ~1e-7 there
            double tolerance = s[0] > d && s[1] > d ? 1e-9 : 1e-6;
            assertEquals(want, got, tolerance * want, "n1=" + s[0] + " n2=" + s[1]);
            assertEquals(got, FrechetDistance.traceSqrtProduct(b, a), 1e-9 * got, "symmetric in its arguments");
        }
    }

    @Test
    void samplesOfTwoGaussiansApproachTheAnalyticDistance() {
        Random r = new Random(7);
        int n = 20_000;
        float[][] x = correlated(n, new double[] {0, 0}, C1, r);
        float[][] y = correlated(n, new double[] {1, 2}, C2, r);
        double trC1C2 = C1[0][0] * C2[0][0] + 2 * C1[0][1] * C2[0][1] + C1[1][1] * C2[1][1];
        double det = (C1[0][0] * C1[1][1] - C1[0][1] * C1[0][1]) * (C2[0][0] * C2[1][1] - C2[0][1] * C2[0][1]);
        double want = 5 + 3 + 1.5 - 2 * Math.sqrt(trC1C2 + 2 * Math.sqrt(det));
        assertEquals(want, FrechetDistance.between(FeatureStats.of(x), FeatureStats.of(y)).distance(), 0.1);
    }

    @Test
    void rejectsMismatchedAndDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> FeatureStats.of(new float[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> FeatureStats.of(new float[][] {{1, 2}, {1}}));
        assertThrows(IllegalArgumentException.class, () -> FeatureStats.of(new float[][] {{1, Float.NaN}, {1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(
                FeatureStats.of(new float[][] {{1, 2}, {2, 1}}), FeatureStats.of(new float[][] {{1}, {2}})));
    }

    /** 2d points whose sample mean is exactly mu and sample covariance exactly c: mu + L z, z = sqrt(d - 1/2) (+-e_k). */
    static float[][] exactSet(double[] mu, double[][] c) {
        int d = mu.length;
        double[][] l = cholesky(c);
        int n = 2 * d;
        double s = Math.sqrt((n - 1) / 2.0);
        float[][] out = new float[n][d];
        for (int k = 0; k < d; k++) {
            for (int sign = 0; sign < 2; sign++) {
                for (int i = 0; i < d; i++) {
                    out[2 * k + sign][i] = (float) (mu[i] + (sign == 0 ? s : -s) * l[i][k]);
                }
            }
        }
        return out;
    }

    static double[][] cholesky(double[][] c) {
        int d = c.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = c[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        return l;
    }

    static float[][] gaussian(int n, int d, Random r, double scale) {
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = (float) (scale * r.nextGaussian() * (1 + k % 4) + k);
            }
        }
        return x;
    }

    private static float[][] correlated(int n, double[] mu, double[][] c, Random r) {
        double[][] l = cholesky(c);
        int d = mu.length;
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            double[] z = new double[d];
            for (int k = 0; k < d; k++) {
                z[k] = r.nextGaussian();
            }
            for (int a = 0; a < d; a++) {
                double v = mu[a];
                for (int k = 0; k <= a; k++) {
                    v += l[a][k] * z[k];
                }
                x[i][a] = (float) v;
            }
        }
        return x;
    }

    /** tr sqrt(C1^(1/2) C2 C1^(1/2)) the textbook way: symmetric square root of C1, then the sandwich's eigenvalues. */
    private static double directTraceSqrt(double[][] c1, double[][] c2) {
        int d = c1.length;
        SymmetricEigen e = SymmetricEigen.of(c1, true);
        double[] l = e.values();
        double[][] v = e.vectors();
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += v[i][k] * Math.sqrt(Math.max(0, l[k])) * v[j][k];
                }
                s[i][j] = sum;
            }
        }
        double[][] m = mul(mul(s, c2), s);
        double t = 0;
        for (double x : SymmetricEigen.of(m, false).values()) {
            t += Math.sqrt(Math.max(0, x));
        }
        return t;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i][k] * b[k][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }
}
