package dev.unmask.analyzers.noise;

import dev.unmask.core.imaging.BlockRegions;
import dev.unmask.core.imaging.Stats;
import dev.unmask.core.imaging.TextureModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds coherent regions whose noise level disagrees with the rest of the image (after Mahdian &amp; Saic,
 * "Using noise inconsistencies for blind image forensics", Image and Vision Computing 27(10), 2009).
 *
 * <ol>
 *   <li>Each valid block's log noise ratio {@code log((sigma + f) / (sigma_exp(T) + f))}, where
 *       {@code sigma_exp} is the image's own median HH noise level at the block's LH/HL texture level
 *       ({@link TextureModel}), fitted twice: the second fit leaves out the first fit's outliers so a large
 *       spliced region cannot pull the curve towards itself.</li>
 *   <li>Robust z-scores against the median and 1.4826 MAD of the log ratios of all valid blocks.</li>
 *   <li>Blocks with {@code |z| > k} form 8-connected regions, separately for too-noisy and too-clean blocks.</li>
 * </ol>
 * The score grows with the largest region's area and its mean |z| and is capped: depth of field, mixed
 * exposure and local denoising in camera pipelines also vary the noise.
 */
final class NoiseLocalizer {
    /** Robust-sigma floor (natural-log units): images whose noise is extremely uniform do not flag tiny changes. */
    static final double MIN_SIGMA = 0.15;

    /**
     * The outcome.
     *
     * @param z per-block robust z-score of the log noise ratio (0 for invalid blocks)
     * @param logRatio per-block log noise ratio (0 for invalid blocks)
     * @param outliers number of valid blocks with {@code |z| > k}
     * @param top the largest significant region, or null
     * @param topHigher whether the top region is noisier (true) or cleaner (false) than expected
     * @param score MANIPULATED score in [0, scoreCap]
     */
    record Result(double[] z, double[] logRatio, int outliers, BlockRegions.Region top, boolean topHigher,
                  double score) {}

    private NoiseLocalizer() {}

    static Result localize(NoiseMap m, NoiseSettings s) {
        int n = m.sigma.length;
        double f = s.sigmaFloor();
        double k = s.thresholdMads();
        TextureModel model = TextureModel.fit(m.texture, m.sigma, m.valid);
        double[] lr = ratios(m, model, f);
        double[] z = zScores(lr, m.valid);
        boolean[] inliers = new boolean[n];
        for (int i = 0; i < n; i++) {
            inliers[i] = m.valid[i] && Math.abs(z[i]) <= k;
        }
        model = TextureModel.fit(m.texture, m.sigma, inliers);
        lr = ratios(m, model, f);
        z = zScores(lr, m.valid);

        boolean[] high = new boolean[n];
        boolean[] low = new boolean[n];
        int outliers = 0;
        for (int i = 0; i < n; i++) {
            high[i] = m.valid[i] && z[i] > k;
            low[i] = m.valid[i] && z[i] < -k;
            if (high[i] || low[i]) {
                outliers++;
            }
        }
        List<BlockRegions.Region> hi = BlockRegions.find(high, z, m.bw, m.bh, s.minRegionBlocks());
        List<BlockRegions.Region> lo = BlockRegions.find(low, z, m.bw, m.bh, s.minRegionBlocks());
        List<BlockRegions.Region> all = new ArrayList<>(hi);
        all.addAll(lo);
        BlockRegions.Region top = null;
        double best = 0;
        for (BlockRegions.Region r : all) {
            double sc = score(r, n, s);
            if (top == null || sc > best || (sc == best && r.blocks() > top.blocks())) {
                top = r;
                best = sc;
            }
        }
        boolean higher = top != null && top.meanValue() > 0;
        return new Result(z, lr, outliers, top, higher, top == null ? 0 : best);
    }

    static double score(BlockRegions.Region r, int totalBlocks, NoiseSettings s) {
        double area = (double) r.blocks() / totalBlocks;
        if (area > s.maxRegionFraction()) {
            return 0;
        }
        double areaFactor = 1 - Math.exp(-area / s.areaScale());
        double contrast = Stats.clamp01((Math.abs(r.meanValue()) - s.thresholdMads())
                / (s.fullContrastZ() - s.thresholdMads()));
        return s.scoreCap() * areaFactor * contrast;
    }

    private static double[] ratios(NoiseMap m, TextureModel model, double f) {
        double[] lr = new double[m.sigma.length];
        for (int i = 0; i < lr.length; i++) {
            lr[i] = m.valid[i] ? Math.log((m.sigma[i] + f) / (model.expected(m.texture[i]) + f)) : 0;
        }
        return lr;
    }

    private static double[] zScores(double[] lr, boolean[] valid) {
        double[] v = validValues(lr, valid);
        double med = v.length == 0 ? 0 : Stats.median(v);
        double sd = v.length == 0 ? MIN_SIGMA : Math.max(MIN_SIGMA, Stats.mad(v));
        double[] z = new double[lr.length];
        for (int i = 0; i < lr.length; i++) {
            z[i] = valid[i] ? (lr[i] - med) / sd : 0;
        }
        return z;
    }

    /** The values of the valid blocks. */
    static double[] validValues(double[] v, boolean[] valid) {
        int c = 0;
        for (boolean b : valid) {
            if (b) {
                c++;
            }
        }
        double[] out = new double[c];
        int j = 0;
        for (int i = 0; i < v.length; i++) {
            if (valid[i]) {
                out[j++] = v[i];
            }
        }
        return out;
    }
}
