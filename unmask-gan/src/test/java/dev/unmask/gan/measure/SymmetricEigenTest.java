package dev.unmask.gan.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
    @Test
    void twoByTwoMatchesTheClosedForm() {
        double[][] a = {{2, 1}, {1, 3}};
        double[] l = sorted(SymmetricEigen.of(a, false).values());
        double mid = 2.5;
        double half = Math.sqrt(0.25 + 1);
        assertArrayEquals(new double[] {mid - half, mid + half}, l, 1e-14);
    }

    @Test
    void recoversPrescribedEigenvaluesOfARotatedDiagonalMatrix() {
        int n = 40;
        Random r = new Random(1);
        double[][] q = randomOrthogonal(n, r);
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = i < 5 ? 0 : Math.pow(10, -3 + 6.0 * i / n) * (i % 3 == 0 ? -1 : 1);
        }
        lambda[7] = lambda[8];
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * lambda[k] * q[j][k];
                }
                a[i][j] = s;
            }
        }
        double[] got = sorted(SymmetricEigen.of(a, false).values());
        double[] want = sorted(lambda.clone());
        double norm = Arrays.stream(lambda).map(Math::abs).max().orElseThrow();
        for (int i = 0; i < n; i++) {
            assertEquals(want[i], got[i], 1e-12 * norm, "eigenvalue " + i);
        }
    }

    @Test
    void eigenvectorsAreOrthonormalAndSatisfyAvEqualsLambdaV() {
        int n = 60;
        Random r = new Random(2);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = r.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        SymmetricEigen e = SymmetricEigen.of(a, true);
        double[] l = e.values();
        double[][] v = e.vectors();
        double worstResidual = 0;
        double worstOrtho = 0;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i][j] * v[j][k];
                }
                worstResidual = Math.max(worstResidual, Math.abs(s - l[k] * v[i][k]));
            }
            for (int m = 0; m < n; m++) {
                double d = 0;
                for (int i = 0; i < n; i++) {
                    d += v[i][k] * v[i][m];
                }
                worstOrtho = Math.max(worstOrtho, Math.abs(d - (k == m ? 1 : 0)));
            }
        }
        assertTrue(worstResidual < 1e-12, "residual " + worstResidual);
        assertTrue(worstOrtho < 1e-12, "orthogonality " + worstOrtho);
        assertArrayEquals(sorted(l), sorted(SymmetricEigen.of(a, false).values()), 1e-12, "with and without vectors");
    }

    @Test
    void handlesDiagonalZeroAndTinyMatrices() {
        assertArrayEquals(new double[] {-1, 0, 4}, sorted(SymmetricEigen.of(new double[][] {{4, 0, 0}, {0, -1, 0}, {0, 0, 0}},
                false).values()), 0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, SymmetricEigen.of(new double[4][4], false).values(), 0);
        assertArrayEquals(new double[] {7}, SymmetricEigen.of(new double[][] {{7}}, true).values(), 0);
        assertEquals(0, SymmetricEigen.of(new double[0][0], false).values().length);
        assertNull(SymmetricEigen.of(new double[][] {{1}}, false).vectors());
    }

    @Test
    void rejectsNonSquareAndNonFiniteInput() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}}, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.of(new double[][] {{1, 0}, {Double.NaN, 1}}, false));
        assertTrue(e.getMessage().contains("(1, 0)"), e.getMessage());
    }

    static double[] sorted(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }

    /** Q from Gram-Schmidt on a Gaussian matrix (columns orthonormal). */
    static double[][] randomOrthogonal(int n, Random r) {
        double[][] q = new double[n][n];
        for (int k = 0; k < n; k++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int m = 0; m < k; m++) {
                    double d = 0;
                    for (int i = 0; i < n; i++) {
                        d += v[i] * q[i][m];
                    }
                    for (int i = 0; i < n; i++) {
                        v[i] -= d * q[i][m];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q[i][k] = v[i] / norm;
            }
        }
        return q;
    }
}
