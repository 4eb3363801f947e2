package dev.unmask.detect.eval;

/**
 * The figures by which a real-vs-fake detector is judged on a labelled set; fakes are the positive class and an
 * image is called fake when its probability is at or above the threshold.
 *
 * <ul>
 *   <li>{@code auc}: area under the ROC curve as the Mann-Whitney U statistic with ties counted one half, i.e. the
 *       probability that a random fake scores above a random real (Hanley &amp; McNeil, Radiology 143, 1982).</li>
 *   <li>{@code averagePrecision}: the step-wise sum {@code Σ (R_k − R_(k−1)) P_k} over the distinct scores from the
 *       highest down, with {@code R_0 = 0}; no interpolation (scikit-learn's {@code average_precision_score}).</li>
 *   <li>{@code eer}: the equal-error rate, where the false-positive rate equals the false-negative rate, found on
 *       the ROC curve (starting at (0, 0)) by linear interpolation between the two operating points that bracket
 *       the crossing.</li>
 *   <li>{@code accuracy}, {@code tprAtThreshold}, {@code fprAtThreshold}: at the model's stored threshold.</li>
 *   <li>{@code tprAt1PctFpr}: the true-positive rate at a false-positive rate of 1%, linearly interpolated between
 *       the last ROC point with a false-positive rate of at most 1% (the highest true-positive rate there) and the
 *       next point, i.e. the rate a randomised choice between those two thresholds reaches. With fewer than 100
 *       real images this is an interpolation towards the first false positive and should be read as such.</li>
 * </ul>
 *
 * @param nReal number of real images
 * @param nFake number of fake images
 * @param auc ROC area
 * @param averagePrecision average precision
 * @param eer equal-error rate
 * @param accuracy fraction of images labelled correctly at the threshold
 * @param tprAtThreshold fraction of fakes at or above the threshold
 * @param fprAtThreshold fraction of reals at or above the threshold
 * @param tprAt1PctFpr true-positive rate at 1% false-positive rate
 */
public record DetectionMetrics(int nReal, int nFake, double auc, double averagePrecision, double eer, double accuracy,
                               double tprAtThreshold, double fprAtThreshold, double tprAt1PctFpr) {
    /** The false-positive rate at which {@link #tprAt1PctFpr} is read. */
    public static final double LOW_FPR = 0.01;

    /**
     * Computes every figure.
     *
     * @param real probabilities of the real images
     * @param fake probabilities of the fake images
     * @param threshold the model's decision threshold
     * @throws IllegalArgumentException when a class is empty or a score is not finite
     */
    public static DetectionMetrics of(double[] real, double[] fake, double threshold) {
        ScoreCurves c = ScoreCurves.of(real, fake);
        int tp = 0;
        int fp = 0;
        for (double s : fake) {
            tp += s >= threshold ? 1 : 0;
        }
        for (double s : real) {
            fp += s >= threshold ? 1 : 0;
        }
        int n = real.length + fake.length;
        return new DetectionMetrics(real.length, fake.length, auc(real, fake), averagePrecision(c), eer(c),
                (tp + real.length - fp) / (double) n, tp / (double) fake.length, fp / (double) real.length,
                tprAtFpr(c, LOW_FPR));
    }

    /** Mann-Whitney AUC with average ranks for ties (a tie counts as half a correct ordering). */
    public static double auc(double[] real, double[] fake) {
        int n = real.length + fake.length;
        double[] all = new double[n];
        System.arraycopy(real, 0, all, 0, real.length);
        System.arraycopy(fake, 0, all, real.length, fake.length);
        double[] sorted = all.clone();
        java.util.Arrays.sort(sorted);
        double rankSum = 0;
        for (double s : fake) {
            int lo = lowerBound(sorted, s);
            int hi = upperBound(sorted, s);
            rankSum += (lo + 1 + hi) / 2.0; // average of the 1-based ranks lo+1 .. hi
        }
        double u = rankSum - fake.length * (fake.length + 1) / 2.0;
        return u / ((double) fake.length * real.length);
    }

    private static int lowerBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static double averagePrecision(ScoreCurves c) {
        double[] r = c.recall();
        double[] p = c.precision();
        double ap = 0;
        double prev = 0;
        for (int k = 0; k < r.length; k++) {
            ap += (r[k] - prev) * p[k];
            prev = r[k];
        }
        return ap;
    }

    static double eer(ScoreCurves c) {
        double[] f = c.rocFpr();
        double[] t = c.rocTpr();
        double prev = f[0] + t[0] - 1;
        for (int k = 1; k < f.length; k++) {
            double d = f[k] + t[k] - 1; // FPR - FNR
            if (d >= 0) {
                double a = -prev / (d - prev);
                return f[k - 1] + a * (f[k] - f[k - 1]);
            }
            prev = d;
        }
        return f[f.length - 1]; // unreachable: the last point is (1, 1)
    }

    static double tprAtFpr(ScoreCurves c, double target) {
        double[] f = c.rocFpr();
        double[] t = c.rocTpr();
        int a = 0;
        while (a + 1 < f.length && f[a + 1] <= target) {
            a++;
        }
        if (f[a] == target || a + 1 == f.length) {
            return t[a];
        }
        double w = (target - f[a]) / (f[a + 1] - f[a]);
        return t[a] + w * (t[a + 1] - t[a]);
    }
}
