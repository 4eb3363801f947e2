package dev.unmask.analyzers.jpeg;

/**
 * Aligned double-JPEG-compression analysis of the DCT coefficient histograms.
 *
 * <p>A JPEG compressed twice on the same 8&times;8 grid, first with step {@code q1} then with {@code q2}, has
 * coefficient histograms with periodic peaks and near-empty bins, because each re-quantized value collects a
 * varying number of first-quantization bins (Popescu &amp; Farid, "Statistical tools for digital forensics",
 * 2004; Fan &amp; de Queiroz, "Identification of bitmap compression history", IEEE TIP 2003). Following
 * Bianchi &amp; Piva ("Image forgery localization via block-grained analysis of JPEG artifacts", IEEE TIFS
 * 2012), the histogram of a singly compressed image is predicted from the coefficients of the same picture on
 * a grid shifted by 4 pixels (Fridrich's calibration: the shift breaks the quantization lattice), and the doubly
 * compressed histogram for a candidate {@code q1} by quantizing those calibrated values with {@code q1}, then
 * {@code q2}. Each frequency's gain is the mean log-likelihood ratio per non-zero coefficient of the best
 * {@code q1} over single compression; the blocks' likelihood ratios then localise a singly compressed region
 * (Lin, He, Tang &amp; Tang, Pattern Recognition 2009).
 */
final class DoubleQuantization {
    /** Width of the calibrated fine histogram bins, in DCT units (pixel levels). */
    private static final double FINE_BIN = 0.25;
    /** Half-range of the calibrated fine histogram: larger than any 8-bit AC coefficient (8 * 128). */
    private static final double FINE_RANGE = 1100;
    /** Additive (Laplace) smoothing of histogram bin counts. */
    private static final double PSEUDO_COUNT = 0.5;
    /**
     * Spread, in DCT units, of a dequantized coefficient after the first decoder rounded its pixels to 8 bits
     * (uniform rounding noise has a standard deviation of about 0.29 per pixel, and the orthonormal DCT keeps
     * it); a value on a rounding tie of the second quantizer therefore falls either way.
     */
    private static final double DECODE_NOISE = 0.3;
    /** Largest candidate first-quantization step (Annex K scaling clamps 8-bit tables at 255). */
    static final int MAX_Q1 = 255;

    private final int halfRange;
    private final double noiseMix;
    private final Freq[] freqs;

    /** The model for one frequency. */
    private static final class Freq {
        final int q2;
        final float[] observed;
        final double[] hist;
        final double nonZero;
        final int[] fineIdx;
        final double[] fineCount;
        final double[] h0;
        final double[][] h1 = new double[MAX_Q1 + 1][];
        final double[] gain = new double[MAX_Q1 + 1];
        final boolean[] known = new boolean[MAX_Q1 + 1];

        Freq(int q2, float[] observed, double[] hist, double nonZero, int[] fineIdx, double[] fineCount, double[] h0) {
            this.q2 = q2;
            this.observed = observed;
            this.hist = hist;
            this.nonZero = nonZero;
            this.fineIdx = fineIdx;
            this.fineCount = fineCount;
            this.h0 = h0;
        }
    }

    /**
     * Builds the per-frequency models.
     *
     * @param aligned coefficients on the JPEG grid
     * @param calibrated coefficients on the grid shifted by 4 pixels
     * @param q2Natural the file's luma quantization table, natural order
     * @param halfRange histogram bins are the quantized values -halfRange..halfRange
     * @param noiseMix weight of the single-compression model mixed into the double one (decoder rounding, model
     *     error), in (0,1)
     */
    DoubleQuantization(BlockDct.Grid aligned, BlockDct.Grid calibrated, int[] q2Natural, int halfRange, double noiseMix) {
        this.halfRange = halfRange;
        this.noiseMix = noiseMix;
        int n = aligned.coef().length;
        freqs = new Freq[n];
        int bins = 2 * halfRange + 1;
        int fineBins = (int) Math.round(2 * FINE_RANGE / FINE_BIN) + 1;
        for (int k = 0; k < n; k++) {
            int q2 = Math.max(1, q2Natural[JpegParser.ZIGZAG[k + 1]]);
            float[] obs = aligned.coef()[k];
            double[] hist = new double[bins];
            double nz = 0;
            for (float c : obs) {
                int x = (int) Math.round(c / q2);
                if (x != 0 && Math.abs(x) <= halfRange) {
                    hist[x + halfRange]++;
                    nz++;
                }
            }
            double[] fine = new double[fineBins];
            for (float c : calibrated.coef()[k]) {
                int f = (int) Math.round((c + FINE_RANGE) / FINE_BIN);
                if (f >= 0 && f < fineBins) {
                    fine[f]++;
                }
            }
            int used = 0;
            for (double v : fine) {
                used += v > 0 ? 1 : 0;
            }
            int[] idx = new int[used];
            double[] cnt = new double[used];
            int u = 0;
            for (int f = 0; f < fineBins; f++) {
                if (fine[f] > 0) {
                    idx[u] = f;
                    cnt[u++] = fine[f];
                }
            }
            Freq fr = new Freq(q2, obs, hist, nz, idx, cnt, null);
            freqs[k] = new Freq(q2, obs, hist, nz, idx, cnt, simulate(fr, 0));
        }
    }

    /** Number of frequencies modelled. */
    int frequencies() {
        return freqs.length;
    }

    /** The current quantization step of frequency {@code k}. */
    int q2(int k) {
        return freqs[k].q2;
    }

    /** Non-zero in-range coefficients of frequency {@code k}. */
    double nonZero(int k) {
        return freqs[k].nonZero;
    }

    /**
     * Predicted probabilities of the non-zero quantized values, from the calibrated coefficients quantized by
     * {@code q1} then {@code q2} ({@code q1 = 0}: by {@code q2} only).
     */
    private double[] simulate(Freq f, int q1) {
        int bins = 2 * halfRange + 1;
        double[] p = new double[bins];
        double total = 0;
        for (int i = 0; i < f.fineIdx.length; i++) {
            double c = f.fineIdx[i] * FINE_BIN - FINE_RANGE;
            if (q1 == 0) {
                total += add(p, Math.round(c / f.q2), f.fineCount[i]);
            } else {
                // the first decoder rounded pixels, so the re-transformed value wanders a little: split it
                double v = Math.round(c / q1) * (double) q1;
                double half = f.fineCount[i] / 2;
                total += add(p, Math.round((v - DECODE_NOISE) / f.q2), half);
                total += add(p, Math.round((v + DECODE_NOISE) / f.q2), half);
            }
        }
        double norm = total + PSEUDO_COUNT * (bins - 1);
        for (int i = 0; i < bins; i++) {
            p[i] = i == halfRange ? 0 : (p[i] + PSEUDO_COUNT) / norm;
        }
        return p;
    }

    private double add(double[] p, long x, double count) {
        if (x != 0 && Math.abs(x) <= halfRange) {
            p[(int) x + halfRange] += count;
            return count;
        }
        return 0;
    }

    private double[] h1(Freq f, int q1) {
        synchronized (f) {
            if (f.h1[q1] == null) {
                double[] s = simulate(f, q1);
                for (int i = 0; i < s.length; i++) {
                    s[i] = (1 - noiseMix) * s[i] + noiseMix * f.h0[i];
                }
                f.h1[q1] = s;
            }
            return f.h1[q1];
        }
    }

    /**
     * Mean log-likelihood ratio, per non-zero coefficient of frequency {@code k}, of double compression with
     * first step {@code q1} over single compression (nats; about 0 or below for a singly compressed image).
     */
    double gain(int k, int q1) {
        Freq f = freqs[k];
        if (q1 < 1 || q1 > MAX_Q1 || f.nonZero == 0) {
            return 0;
        }
        synchronized (f) {
            if (!f.known[q1]) {
                double[] p1 = h1(f, q1);
                double g = 0;
                for (int i = 0; i < p1.length; i++) {
                    if (f.hist[i] > 0) {
                        g += f.hist[i] * Math.log(p1[i] / f.h0[i]);
                    }
                }
                f.gain[q1] = g / f.nonZero;
                f.known[q1] = true;
            }
            return f.gain[q1];
        }
    }

    /** The first step in 1..{@code maxQ1} (other than the current step) that maximises {@link #gain}. */
    int bestQ1(int k, int maxQ1) {
        int best = freqs[k].q2;
        double g = Double.NEGATIVE_INFINITY;
        for (int q1 = 1; q1 <= Math.min(maxQ1, MAX_Q1); q1++) {
            if (q1 == freqs[k].q2) {
                continue;
            }
            double x = gain(k, q1);
            if (x > g) {
                g = x;
                best = q1;
            }
        }
        return best;
    }

    /**
     * Adds to {@code llr} each block's log-likelihood ratio of single over double compression (with first step
     * {@code q1}) for frequency {@code k}, clipped to +-{@code clip} so that one coefficient in a predicted-empty
     * bin cannot outvote its neighbours; zero and out-of-range coefficients add nothing. When {@code informative}
     * is not null, each block's count of coefficients that added evidence (non-zero, in range) grows by those of
     * this frequency.
     */
    void addBlockEvidence(int k, int q1, float[] llr, float[] informative, double clip) {
        Freq f = freqs[k];
        double[] p1 = h1(f, q1);
        double[] table = new double[p1.length];
        for (int i = 0; i < p1.length; i++) {
            table[i] = i == halfRange ? 0 : Math.max(-clip, Math.min(clip, Math.log(f.h0[i] / p1[i])));
        }
        for (int b = 0; b < f.observed.length; b++) {
            int x = (int) Math.round(f.observed[b] / f.q2);
            if (Math.abs(x) <= halfRange) {
                llr[b] += (float) table[x + halfRange];
                if (informative != null && x != 0) {
                    informative[b]++;
                }
            }
        }
    }
}
