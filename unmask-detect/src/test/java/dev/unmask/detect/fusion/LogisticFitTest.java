package dev.unmask.detect.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fit against the optimality conditions it must satisfy and against a known generating model. */
class LogisticFitTest {
    private static double[][] x;
    private static int[] y;

    /** Data from p = sigmoid(-1 + 2 x0 + 0.5 x1 + b2 x2), features exponential like log-evidence, many zeros. */
    private static void simulate(int n, long seed, double b2) {
        Random rnd = new Random(seed);
        x = new double[n][3];
        y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rnd.nextDouble() < 0.5 ? 0 : -Math.log(rnd.nextDouble());
            }
            double z = -1 + 2 * x[i][0] + 0.5 * x[i][1] + b2 * x[i][2];
            y[i] = rnd.nextDouble() < LogisticFit.sigmoid(z) ? 1 : 0;
        }
    }

    @Test
    void recoversTheGeneratingCoefficientsWithAWeakPenalty() {
        simulate(20000, 11, 0.25);
        double[] w = new double[x.length];
        java.util.Arrays.fill(w, 1);
        LogisticFit.Result r = LogisticFit.fit(x, y, w, new double[] {1, 1, 1}, -1, false, 1e-3);
        assertTrue(r.converged());
        assertEquals(2, r.coefficients()[0], 0.1);
        assertEquals(0.5, r.coefficients()[1], 0.1);
        assertEquals(0.25, r.coefficients()[2], 0.1);
        LogisticFit.Result free = LogisticFit.fit(x, y, w, new double[] {1, 1, 1}, 0, true, 1e-3);
        assertEquals(-1, free.intercept(), 0.1, "with the intercept fitted, it is recovered too");
        simulate(5000, 12, -1);
        w = new double[x.length];
        java.util.Arrays.fill(w, 1);
        assertEquals(0, LogisticFit.fit(x, y, w, new double[] {1, 1, 1}, -1, false, 1e-3).coefficients()[2], 0,
                "a negative association is cut at zero");
    }

    @Test
    void satisfiesTheOptimalityConditions() {
        simulate(300, 5, -1);
        double[] w = FusionFitter.weights(y);
        double[] prior = {3, 3, 3};
        double lambda = 2;
        LogisticFit.Result r = LogisticFit.fit(x, y, w, prior, -2, false, lambda);
        assertTrue(r.converged(), "sweeps " + r.sweeps());
        for (int j = 0; j < 3; j++) {
            double g = lambda * (r.coefficients()[j] - prior[j]);
            for (int i = 0; i < x.length; i++) {
                double z = r.intercept();
                for (int k = 0; k < 3; k++) {
                    z += r.coefficients()[k] * x[i][k];
                }
                g += w[i] * (LogisticFit.sigmoid(z) - y[i]) * x[i][j];
            }
            if (r.coefficients()[j] > 0) {
                assertEquals(0, g, 1e-6, "zero gradient at a free coefficient " + j);
            } else {
                assertTrue(g >= -1e-6, "at the bound the gradient points outwards: " + g);
            }
        }
    }

    @Test
    void aFeatureThatNeverFiresKeepsItsPriorAndTheFitIsDeterministic() {
        simulate(200, 9, 0.5);
        for (double[] row : x) {
            row[1] = 0;
        }
        double[] w = FusionFitter.weights(y);
        LogisticFit.Result a = LogisticFit.fit(x, y, w, new double[] {4.9, 4.9, 4.9}, -3, false, 1);
        LogisticFit.Result b = LogisticFit.fit(x, y, w, new double[] {4.9, 4.9, 4.9}, -3, false, 1);
        assertEquals(4.9, a.coefficients()[1], 0);
        assertArrayEquals(a.coefficients(), b.coefficients(), 0);
        assertEquals(-3, a.intercept(), 0, "a fixed intercept stays fixed");
    }

    @Test
    void classWeightsGiveEachClassHalfTheTotal() {
        assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3, 2.0 / 3, 2}, FusionFitter.weights(new int[] {0, 0, 0, 1}), 1e-12);
    }
}
