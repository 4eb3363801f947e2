package dev.unmask.analyzers.jpeg;

import dev.unmask.core.imaging.FloatPlane;

/**
 * Runs the aligned double-compression test on a decoded luma plane: DCT on the JPEG grid and on the grid
 * shifted by 4 pixels, the per-frequency models of {@link DoubleQuantization}, the primary (first) quantization
 * steps, the IJG quality whose Annex K table best explains them, and each block's log-likelihood ratio of
 * single over double compression (Bianchi &amp; Piva 2012).
 */
final class DoubleCompressionAnalysis {
    /** Pixel offset of the calibration grid (half a block breaks the quantization lattice). */
    private static final int CALIBRATION_SHIFT = 4;
    /** The IJG table must explain at least this share of the free per-frequency gain to name a quality. */
    private static final double IJG_EXPLAINED_SHARE = 0.75;
    /** The calibration histogram uses about this many blocks at most (a regular subsample). */
    private static final int CALIBRATION_BLOCKS = 65_536;
    /**
     * Largest first step searched freely per frequency (IJG quality 20 has low-frequency steps up to about 60;
     * the IJG-table search below covers every quality regardless).
     */
    private static final int MAX_FREE_Q1 = 128;

    private DoubleCompressionAnalysis() {}

    /**
     * The outcome.
     *
     * @param statistic mean best gain per non-zero coefficient over the examined frequencies (nats)
     * @param gains per frequency (zig-zag 1..n) best gain
     * @param q1 per frequency estimated first step (the IJG table's when a quality was named)
     * @param q2 per frequency current step
     * @param primaryQuality IJG quality of the first compression, or 0 when none explains the histograms
     * @param primaryMin lowest IJG quality fitting equally well (0 when none)
     * @param primaryMax highest IJG quality fitting equally well (0 when none)
     * @param usedFrequencies frequencies whose gain passed the per-frequency threshold
     * @param llr per block log-likelihood ratio of single over double compression (null unless detected)
     * @param informative per block number of coefficients that added to {@code llr} (null unless detected)
     * @param blocksX blocks per row
     * @param blocksY block rows
     */
    record Result(double statistic, double[] gains, double[] q1, double[] q2, int primaryQuality, int primaryMin,
            int primaryMax, int usedFrequencies, float[] llr, float[] informative, int blocksX, int blocksY) {}

    static Result run(FloatPlane luma, int[] q2Table, JpegSettings s) {
        int n = s.coefficients();
        BlockDct.Grid aligned = BlockDct.compute(luma, 0, 0, n);
        long blocks = (long) (luma.width() / 8) * (luma.height() / 8);
        int stride = (int) Math.max(1, Math.ceil(Math.sqrt((double) blocks / CALIBRATION_BLOCKS)));
        BlockDct.Grid calibrated = BlockDct.compute(luma, CALIBRATION_SHIFT, CALIBRATION_SHIFT, n, stride);
        DoubleQuantization dq = new DoubleQuantization(aligned, calibrated, q2Table, s.histogramRange(), s.noiseMix());
        double[] gains = new double[n];
        double[] q1 = new double[n];
        double[] q2 = new double[n];
        double weighted = 0;
        double weight = 0;
        for (int k = 0; k < n; k++) {
            int b = dq.bestQ1(k, MAX_FREE_Q1);
            gains[k] = Math.max(0, dq.gain(k, b));
            q1[k] = b;
            q2[k] = dq.q2(k);
            weighted += gains[k] * dq.nonZero(k);
            weight += dq.nonZero(k);
        }
        double statistic = weight > 0 ? weighted / weight : 0;
        // the IJG quality whose luma table, as first table, best explains all histograms together
        double best = Double.NEGATIVE_INFINITY;
        double[] perQuality = new double[101];
        for (int q = 1; q <= 100; q++) {
            int[] t = IjgQuality.table(IjgQuality.LUMA_BASE, q);
            double g = 0;
            for (int k = 0; k < n; k++) {
                g += dq.gain(k, t[JpegParser.ZIGZAG[k + 1]]) * dq.nonZero(k);
            }
            perQuality[q] = weight > 0 ? g / weight : 0;
            best = Math.max(best, perQuality[q]);
        }
        int qMin = 0;
        int qMax = 0;
        if (statistic >= s.dqThreshold() && best >= s.dqThreshold() && best >= IJG_EXPLAINED_SHARE * statistic) {
            for (int q = 1; q <= 100; q++) {
                if (perQuality[q] >= best - 1e-12) {
                    qMin = qMin == 0 ? q : qMin;
                    qMax = q;
                }
            }
            int[] t = IjgQuality.table(IjgQuality.LUMA_BASE, (qMin + qMax + 1) / 2);
            for (int k = 0; k < n; k++) {
                q1[k] = t[JpegParser.ZIGZAG[k + 1]];
            }
        }
        int primary = qMin == 0 ? 0 : (qMin + qMax + 1) / 2;
        float[] llr = null;
        float[] informative = null;
        int used = 0;
        if (statistic >= s.dqThreshold()) {
            llr = new float[aligned.blocksX() * aligned.blocksY()];
            informative = new float[llr.length];
            for (int k = 0; k < n; k++) {
                int step = (int) q1[k];
                if (step != (int) q2[k] && dq.gain(k, step) >= s.frequencyThreshold()) {
                    dq.addBlockEvidence(k, step, llr, informative, s.blockLlrClip());
                    used++;
                }
            }
        }
        return new Result(statistic, gains, q1, q2, primary, qMin, qMax, used, llr, informative, aligned.blocksX(),
                aligned.blocksY());
    }
}
