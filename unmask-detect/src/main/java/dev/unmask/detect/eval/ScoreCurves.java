package dev.unmask.detect.eval;

import java.util.Arrays;

/**
 * The ROC and precision-recall operating points of a detector's scores on labelled images, one point per distinct
 * score (the cut "called fake when the score is at or above this value"), from the strictest cut to the loosest,
 * as scikit-learn's {@code roc_curve}/{@code precision_recall_curve} build them (Fawcett, "An introduction to ROC
 * analysis", Pattern Recognition Letters 27, 2006, algorithm 2). Immutable.
 *
 * @param thresholds the distinct scores, descending
 * @param truePositives fakes scoring at or above each threshold
 * @param falsePositives reals scoring at or above each threshold
 * @param fakes number of fake images (positives)
 * @param reals number of real images (negatives)
 */
public record ScoreCurves(double[] thresholds, int[] truePositives, int[] falsePositives, int fakes, int reals) {
    /** Copies the arrays. */
    public ScoreCurves {
        thresholds = thresholds.clone();
        truePositives = truePositives.clone();
        falsePositives = falsePositives.clone();
    }

    /**
     * The operating points of the scores.
     *
     * @param real scores of real images (label 0)
     * @param fake scores of fake images (label 1)
     * @throws IllegalArgumentException when a class is empty or a score is not finite
     */
    public static ScoreCurves of(double[] real, double[] fake) {
        if (real.length == 0 || fake.length == 0) {
            throw new IllegalArgumentException("ROC analysis needs real and fake images (have " + real.length + " real, "
                    + fake.length + " fake)");
        }
        int n = real.length + fake.length;
        double[] s = new double[n];
        boolean[] pos = new boolean[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            boolean isFake = i >= real.length;
            s[i] = isFake ? fake[i - real.length] : real[i];
            if (!Double.isFinite(s[i])) {
                throw new IllegalArgumentException("score " + s[i] + " is not finite");
            }
            pos[i] = isFake;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
        double[] thr = new double[n];
        int[] tp = new int[n];
        int[] fp = new int[n];
        int m = 0;
        int tpc = 0;
        int fpc = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (pos[i]) {
                tpc++;
            } else {
                fpc++;
            }
            if (k == n - 1 || s[order[k + 1]] != s[i]) {
                thr[m] = s[i];
                tp[m] = tpc;
                fp[m] = fpc;
                m++;
            }
        }
        return new ScoreCurves(Arrays.copyOf(thr, m), Arrays.copyOf(tp, m), Arrays.copyOf(fp, m), fake.length, real.length);
    }

    /** The false-positive rates of the ROC, starting with the point (0, 0) before the strictest cut. */
    public double[] rocFpr() {
        double[] f = new double[thresholds.length + 1];
        for (int i = 0; i < thresholds.length; i++) {
            f[i + 1] = falsePositives[i] / (double) reals;
        }
        return f;
    }

    /** The true-positive rates of the ROC, starting with 0 (see {@link #rocFpr}). */
    public double[] rocTpr() {
        double[] t = new double[thresholds.length + 1];
        for (int i = 0; i < thresholds.length; i++) {
            t[i + 1] = truePositives[i] / (double) fakes;
        }
        return t;
    }

    /** Recall at each threshold (descending thresholds, so recall ascends). */
    public double[] recall() {
        double[] r = new double[thresholds.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = truePositives[i] / (double) fakes;
        }
        return r;
    }

    /** Precision at each threshold: true positives over everything called fake. */
    public double[] precision() {
        double[] p = new double[thresholds.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = truePositives[i] / (double) (truePositives[i] + falsePositives[i]);
        }
        return p;
    }
}
