package dev.unmask.detect.calibrate;

import java.util.Arrays;

/**
 * The calibrated probability at or above which an image is called fake, chosen so that at most the target share
 * of held-out real images would be called fake: with n real scores sorted from the highest and {@code k =
 * floor(targetFpr * n)} false positives allowed, the threshold lies just above the (k+1)-th highest real score,
 * halfway to the next higher distinct score among all held-out scores (or to 1). With fewer than
 * {@code 1 / targetFpr} real images k is 0 and the threshold lies above every real score, so the achieved rate
 * ({@link #achievedFpr}) is 0 and the target is only known to be met on the held-out set itself.
 *
 * @param threshold the decision threshold in (0, 1)
 * @param targetFpr the false-positive rate asked for
 * @param achievedFpr the share of held-out real images at or above the threshold
 * @param tpr the share of held-out fake images at or above the threshold
 * @param reals the number of held-out real images it was chosen on
 */
public record DecisionThreshold(double threshold, double targetFpr, double achievedFpr, double tpr, int reals) {
    /** Largest threshold written (the API requires a value below 1). */
    static final double MAX = 1 - 1e-9;

    /**
     * Chooses the threshold.
     *
     * @param realProbabilities calibrated probabilities of held-out real images (at least one)
     * @param fakeProbabilities calibrated probabilities of held-out fake images
     * @param targetFpr in (0, 1)
     */
    public static DecisionThreshold forFalsePositiveRate(double[] realProbabilities, double[] fakeProbabilities, double targetFpr) {
        if (realProbabilities.length == 0) {
            throw new IllegalArgumentException("a threshold needs at least one held-out real image");
        }
        if (!(targetFpr > 0 && targetFpr < 1)) {
            throw new IllegalArgumentException("target false-positive rate must be in (0, 1): " + targetFpr);
        }
        double[] real = realProbabilities.clone();
        Arrays.sort(real);
        int n = real.length;
        int k = (int) Math.floor(targetFpr * n + 1e-9);
        double anchor = real[n - 1 - Math.min(k, n - 1)];
        double next = 1;
        for (double p : real) {
            if (p > anchor && p < next) {
                next = p;
            }
        }
        for (double p : fakeProbabilities) {
            if (p > anchor && p < next) {
                next = p;
            }
        }
        double t = Math.min(MAX, Math.max(Math.nextUp(anchor), (anchor + next) / 2));
        if (!(t > 0)) {
            t = Double.MIN_NORMAL;
        }
        return new DecisionThreshold(t, targetFpr, share(real, t), share(fakeProbabilities, t), n);
    }

    private static double share(double[] p, double t) {
        if (p.length == 0) {
            return 0;
        }
        int c = 0;
        for (double v : p) {
            if (v >= t) {
                c++;
            }
        }
        return (double) c / p.length;
    }
}
