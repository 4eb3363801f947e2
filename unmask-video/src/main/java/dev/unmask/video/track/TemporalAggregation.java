package dev.unmask.video.track;

import java.util.Arrays;

/**
 * Turns a track's per-frame scores into one score that a few bad frames do not decide: the mean of the {@code k}
 * highest scores (top-k mean). A manipulated face is often missed in some frames (blur, profile views, occlusion), so
 * a plain mean would dilute the evidence; a plain maximum would let one spurious spike decide. The top-k mean ignores
 * the low frames and divides any single spike by {@code k}. The video's score is then the maximum over tracks long
 * enough to judge (one manipulated face makes a manipulated video). Pooling frame-level predictions per face and then
 * per video is how frame-level detectors are turned into video verdicts (the DFDC benchmark, Dolhansky et al. 2020,
 * scores whole videos from such models); the top-k mean is one robust choice between the mean and the maximum.
 */
public final class TemporalAggregation {
    private TemporalAggregation() {}

    /**
     * A track's pooled scores.
     *
     * @param n scored observations
     * @param k observations in the top-k mean ({@code min(topK, n)})
     * @param topKMean mean of the k highest scores (0 when n = 0)
     * @param max highest score (0 when n = 0)
     * @param mean mean of all scores (0 when n = 0)
     */
    public record Pooled(int n, int k, double topKMean, double max, double mean) {}

    /** Pools {@code scores} with the top-{@code topK} mean. */
    public static Pooled pool(double[] scores, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1");
        }
        int n = scores.length;
        if (n == 0) {
            return new Pooled(0, 0, 0, 0, 0);
        }
        double[] s = scores.clone();
        Arrays.sort(s);
        int k = Math.min(topK, n);
        double top = 0;
        for (int i = n - k; i < n; i++) {
            top += s[i];
        }
        double all = 0;
        for (double x : s) {
            all += x;
        }
        return new Pooled(n, k, top / k, s[n - 1], all / n);
    }
}
