package dev.unmask.detect.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The metrics against values worked out by hand, and against slow textbook definitions (every pair for the AUC;
 * every distinct cut counted from scratch for AP) on random arrays with ties.
 */
class DetectionMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void scikitLearnDocumentationExample() {
        // y_true = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8]: roc_auc_score 0.75, average_precision_score 0.8333
        DetectionMetrics m = DetectionMetrics.of(new double[] {0.1, 0.4}, new double[] {0.35, 0.8}, 0.5);
        assertEquals(0.75, m.auc(), EPS);
        assertEquals(0.5 * 1 + 0.5 * (2 / 3.0), m.averagePrecision(), EPS);
        // ROC (0,0) (0,.5) (.5,.5) (.5,1) (1,1): FPR = FNR = 0.5 at (.5,.5)
        assertEquals(0.5, m.eer(), EPS);
        assertEquals(0.5, m.tprAt1PctFpr(), EPS);
        assertEquals(0.75, m.accuracy(), EPS); // 0.8 called fake, 0.35 missed, both reals right
        assertEquals(0.5, m.tprAtThreshold(), EPS);
        assertEquals(0.0, m.fprAtThreshold(), EPS);
    }

    @Test
    void tiesCountOneHalfAndShareOnePoint() {
        double[] real = {0.2, 0.5, 0.5, 0.9};
        double[] fake = {0.5, 0.7, 0.9, 0.9};
        ScoreCurves c = ScoreCurves.of(real, fake);
        assertArrayEquals(new double[] {0.9, 0.7, 0.5, 0.2}, c.thresholds());
        assertArrayEquals(new int[] {2, 3, 4, 4}, c.truePositives());
        assertArrayEquals(new int[] {1, 1, 3, 4}, c.falsePositives());
        DetectionMetrics m = DetectionMetrics.of(real, fake, 0.6);
        // pairs: 0.5 -> 1 + .5 + .5; 0.7 -> 3; 0.9 -> 3.5 twice; 12 of 16
        assertEquals(12 / 16.0, m.auc(), EPS);
        // P = 2/3, 3/4, 4/7, 1/2 at R = .5, .75, 1, 1
        assertEquals(0.5 * 2 / 3 + 0.25 * 0.75 + 0.25 * 4 / 7.0, m.averagePrecision(), EPS);
        // ROC (0,0) (.25,.5) (.25,.75) (.75,1) (1,1): FPR = FNR = .25 at (.25,.75)
        assertEquals(0.25, m.eer(), EPS);
        // between (0,0) and (.25,.5): 0.5 * 0.01 / 0.25
        assertEquals(0.02, m.tprAt1PctFpr(), EPS);
        assertEquals(0.75, m.accuracy(), EPS);
        assertEquals(0.75, m.tprAtThreshold(), EPS);
        assertEquals(0.25, m.fprAtThreshold(), EPS);
    }

    @Test
    void equalErrorRateIsInterpolatedBetweenTheBracketingPoints() {
        // ROC (0,0) (0,.5) (1/3,.5) (1/3,1) (2/3,1) (1,1); FPR - FNR = -1, -.5, -1/6, 1/3: the crossing lies on the
        // vertical segment at FPR 1/3
        assertEquals(1 / 3.0, DetectionMetrics.of(new double[] {0.1, 0.2, 0.3}, new double[] {0.25, 0.4}, 0.5).eer(), EPS);
        // a diagonal segment (tied scores): (0,0) -> (1,1) in one step; crossing at 0.5
        assertEquals(0.5, DetectionMetrics.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, 0.5).eer(), EPS);
        // ROC (0,0) (0,.25) (.5,1) (1,1): d = -1, -.75, .5; a = .75/1.25 = .6 -> FPR .3
        assertEquals(0.3, DetectionMetrics.of(new double[] {0.1, 0.5}, new double[] {0.5, 0.5, 0.5, 0.9}, 0.5).eer(), EPS);
    }

    @Test
    void perfectAndInvertedDetectors() {
        DetectionMetrics good = DetectionMetrics.of(new double[] {0.1, 0.2}, new double[] {0.8, 0.9}, 0.5);
        assertEquals(1, good.auc(), EPS);
        assertEquals(1, good.averagePrecision(), EPS);
        assertEquals(0, good.eer(), EPS);
        assertEquals(1, good.tprAt1PctFpr(), EPS);
        assertEquals(1, good.accuracy(), EPS);
        DetectionMetrics bad = DetectionMetrics.of(new double[] {0.8, 0.9}, new double[] {0.1, 0.2}, 0.5);
        assertEquals(0, bad.auc(), EPS);
        assertEquals(1, bad.eer(), EPS);
        assertEquals(0, bad.tprAt1PctFpr(), EPS);
        assertEquals(0, bad.accuracy(), EPS);
        // the fakes are found only at the two loosest cuts: R .5 at P 1/3, R 1 at P 1/2
        assertEquals(0.5 / 3 + 0.5 * 0.5, bad.averagePrecision(), EPS);
    }

    @Test
    void agreesWithTheTextbookDefinitionsOnRandomArraysWithTies() {
        Random rnd = new Random(20240611L);
        for (int trial = 0; trial < 200; trial++) {
            double[] real = new double[1 + rnd.nextInt(12)];
            double[] fake = new double[1 + rnd.nextInt(12)];
            for (int i = 0; i < real.length; i++) {
                real[i] = Math.round(rnd.nextDouble() * 10) / 10.0;
            }
            for (int i = 0; i < fake.length; i++) {
                fake[i] = Math.round((0.2 + 0.8 * rnd.nextDouble()) * 10) / 10.0;
            }
            DetectionMetrics m = DetectionMetrics.of(real, fake, 0.5);
            assertEquals(pairwiseAuc(real, fake), m.auc(), 1e-12, "trial " + trial);
            assertEquals(bruteForceAp(real, fake), m.averagePrecision(), 1e-12, "trial " + trial);
            assertEquals(bisectedEer(real, fake), m.eer(), 1e-9, "trial " + trial);
        }
    }

    @Test
    void emptyClassOrNonFiniteScoreIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DetectionMetrics.of(new double[0], new double[] {0.5}, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> DetectionMetrics.of(new double[] {Double.NaN}, new double[] {0.5}, 0.5));
    }

    private static double pairwiseAuc(double[] real, double[] fake) {
        double u = 0;
        for (double f : fake) {
            for (double r : real) {
                u += f > r ? 1 : f == r ? 0.5 : 0;
            }
        }
        return u / (real.length * (double) fake.length);
    }

    /** Walks the ROC polyline as a path u in [0, points-1] and bisects for the first u where FPR - FNR reaches 0. */
    private static double bisectedEer(double[] real, double[] fake) {
        ScoreCurves c = ScoreCurves.of(real, fake);
        double[] f = c.rocFpr();
        double[] t = c.rocTpr();
        double lo = 0;
        double hi = f.length - 1;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double[] p = at(f, t, mid);
            if (p[0] + p[1] - 1 >= 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return at(f, t, hi)[0];
    }

    private static double[] at(double[] f, double[] t, double u) {
        int k = Math.min((int) Math.floor(u), f.length - 2);
        double w = u - k;
        return new double[] {f[k] + w * (f[k + 1] - f[k]), t[k] + w * (t[k + 1] - t[k])};
    }

    private static double bruteForceAp(double[] real, double[] fake) {
        TreeSet<Double> cuts = new TreeSet<>();
        for (double s : real) {
            cuts.add(s);
        }
        for (double s : fake) {
            cuts.add(s);
        }
        double ap = 0;
        double prevRecall = 0;
        for (double t : cuts.descendingSet()) {
            int tp = 0;
            int fp = 0;
            for (double s : fake) {
                tp += s >= t ? 1 : 0;
            }
            for (double s : real) {
                fp += s >= t ? 1 : 0;
            }
            double recall = tp / (double) fake.length;
            double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
            ap += (recall - prevRecall) * precision;
            prevRecall = recall;
        }
        return ap;
    }
}
