package dev.unmask.detect.calibrate;

/**
 * A reliability diagram's numbers: probabilities grouped into equal-width bins over [0, 1], with each bin's mean
 * predicted probability and observed fraction of fakes, and the expected calibration error
 * {@code ECE = sum_b (n_b / N) |mean p_b - frequency_b|} (Naeini, Cooper and Hauskrecht, AAAI 2015; Guo et al.,
 * ICML 2017).
 *
 * @param count images per bin
 * @param meanProbability mean predicted probability per bin (NaN when empty)
 * @param frequency observed fraction of fakes per bin (NaN when empty)
 * @param ece the expected calibration error
 */
public record ReliabilityBins(int[] count, double[] meanProbability, double[] frequency, double ece) {
    /** Bins {@code probabilities} against 0/1 {@code targets}. */
    public static ReliabilityBins of(double[] probabilities, int[] targets, int bins) {
        if (probabilities.length != targets.length || bins < 1) {
            throw new IllegalArgumentException("need as many targets as probabilities and at least one bin");
        }
        int[] n = new int[bins];
        double[] sp = new double[bins];
        double[] sy = new double[bins];
        for (int i = 0; i < probabilities.length; i++) {
            int b = Math.min(bins - 1, Math.max(0, (int) (probabilities[i] * bins)));
            n[b]++;
            sp[b] += probabilities[i];
            sy[b] += targets[i];
        }
        double ece = 0;
        double[] mp = new double[bins];
        double[] fr = new double[bins];
        for (int b = 0; b < bins; b++) {
            mp[b] = n[b] == 0 ? Double.NaN : sp[b] / n[b];
            fr[b] = n[b] == 0 ? Double.NaN : sy[b] / n[b];
            if (n[b] > 0) {
                ece += (double) n[b] / probabilities.length * Math.abs(mp[b] - fr[b]);
            }
        }
        return new ReliabilityBins(n, mp, fr, probabilities.length == 0 ? 0 : ece);
    }
}
