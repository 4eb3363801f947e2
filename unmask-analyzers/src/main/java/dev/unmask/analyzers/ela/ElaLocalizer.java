package dev.unmask.analyzers.ela;

import dev.unmask.core.imaging.BlockRegions;
import dev.unmask.core.imaging.Stats;
import dev.unmask.core.imaging.TextureModel;
import java.util.Arrays;
import java.util.List;

/**
 * Finds localised regions whose error level is much higher than the rest of the image at equal texture.
 *
 * <ol>
 *   <li>Each block's texture-normalised error ratio {@code (E + f) / (E_exp(T) + f)}, where {@code E_exp} is
 *       the image's own median error at that texture ({@link TextureModel}) and {@code f} the error floor.</li>
 *   <li>Log ratios are smoothed with a 3&times;3 block median (a spliced region is spatially coherent; isolated
 *       blocks are not), and the robust baseline of the image is its median + k &middot; 1.4826 MAD.</li>
 *   <li>Blocks above the baseline and above {@code minRatio} form 8-connected regions; tiny ones are dropped.</li>
 * </ol>
 * The score rises with the largest region's area and its mean ratio, and is capped low: ELA is a weak cue,
 * confounded by edits that are not manipulation (resizing, local sharpening) and by mixed content.
 */
final class ElaLocalizer {
    /** Robust-sigma floor (natural-log units) so an image with very uniform error does not flag tiny deviations. */
    static final double MIN_SIGMA = 0.05;

    /**
     * The outcome.
     *
     * @param logRatio per-block log texture-normalised error ratio (unsmoothed)
     * @param regions significant regions, largest first
     * @param highBlocks number of blocks above the threshold (before the region-size filter)
     * @param localizedFraction fraction of all blocks inside significant regions
     * @param score MANIPULATED score in [0, scoreCap]
     */
    record Result(double[] logRatio, List<BlockRegions.Region> regions, int highBlocks, double localizedFraction,
                  double score) {}

    private ElaLocalizer() {}

    static Result localize(ErrorLevelMap m, ElaSettings s) {
        int n = m.error.length;
        double f = s.errorFloor();
        TextureModel model = TextureModel.fit(m.texture, m.error, null);
        double[] lr = new double[n];
        for (int i = 0; i < n; i++) {
            lr[i] = Math.log((m.error[i] + f) / (model.expected(m.texture[i]) + f));
        }
        double[] sm = median3x3(lr, m.bw, m.bh);
        double med = Stats.median(sm);
        double sigma = Math.max(MIN_SIGMA, Stats.mad(sm));
        double thr = Math.max(med + s.thresholdMads() * sigma, Math.log(s.minRatio()));
        boolean[] high = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (sm[i] > thr) {
                high[i] = true;
                count++;
            }
        }
        List<BlockRegions.Region> regions = BlockRegions.find(high, lr, m.bw, m.bh, s.minRegionBlocks());
        long inRegions = regions.stream().mapToLong(BlockRegions.Region::blocks).sum();
        double localized = n == 0 ? 0 : (double) inRegions / n;
        double score = 0;
        if (!regions.isEmpty()) {
            BlockRegions.Region top = regions.get(0);
            double area = (double) top.blocks() / n;
            double ratio = Math.exp(top.meanValue());
            double areaFactor = area > s.maxRegionFraction() ? 0 : 1 - Math.exp(-area / s.areaScale());
            double contrast = Stats.clamp01((ratio - s.minRatio()) / (s.fullContrastRatio() - s.minRatio()));
            score = s.scoreCap() * areaFactor * contrast;
        }
        return new Result(lr, regions, count, localized, score);
    }

    /** 3&times;3 median filter with edge replication. */
    static double[] median3x3(double[] v, int w, int h) {
        double[] out = new double[v.length];
        double[] win = new double[9];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = Math.min(h - 1, Math.max(0, y + dy));
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.min(w - 1, Math.max(0, x + dx));
                        win[c++] = v[yy * w + xx];
                    }
                }
                Arrays.sort(win);
                out[y * w + x] = win[4];
            }
        }
        return out;
    }
}
