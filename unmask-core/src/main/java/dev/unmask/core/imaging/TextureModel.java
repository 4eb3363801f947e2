package dev.unmask.core.imaging;

import java.util.Arrays;

/**
 * The value (error level, noise level) a block is expected to have given its texture, learned from the image itself: blocks are
 * sorted by texture, split into equal-count bins, and the median error of each bin is interpolated linearly
 * in texture. Comparing each block with this curve removes the main confound of block statistics, that textured blocks
 * show more re-compression error and more high-frequency energy than smooth ones whatever their history.
 */
public final class TextureModel {
    /** Number of equal-count texture bins. */
    public static final int BINS = 16;
    /** Fewest blocks per bin; fewer bins are used on small images. */
    public static final int MIN_PER_BIN = 8;

    private final double[] binTexture;
    private final double[] binValue;

    private TextureModel(double[] binTexture, double[] binValue) {
        this.binTexture = binTexture;
        this.binValue = binValue;
    }

    /**
     * Fits the curve on the blocks where {@code use} is true (all when null).
     *
     * @param texture per-block texture measure
     * @param value per-block observed quantity
     */
    public static TextureModel fit(double[] texture, double[] value, boolean[] use) {
        int n = texture.length;
        int m = 0;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            if (use == null || use[i]) {
                // sort indices by texture: texture is >= 0, so its raw bits order like the value
                keys[m++] = (Double.doubleToLongBits(texture[i]) & ~0xFFFFFFFFL) | i;
            }
        }
        if (m == 0) {
            return new TextureModel(new double[] {0}, new double[] {0});
        }
        long[] k = Arrays.copyOf(keys, m);
        Arrays.sort(k);
        int bins = Math.max(1, Math.min(BINS, m / MIN_PER_BIN));
        double[] bt = new double[bins];
        double[] bv = new double[bins];
        for (int b = 0; b < bins; b++) {
            int lo = (int) ((long) b * m / bins);
            int hi = (int) ((long) (b + 1) * m / bins);
            double[] vals = new double[hi - lo];
            double[] tex = new double[hi - lo];
            for (int i = lo; i < hi; i++) {
                int idx = (int) (k[i] & 0xFFFFFFFFL);
                vals[i - lo] = value[idx];
                tex[i - lo] = texture[idx];
            }
            Arrays.sort(vals);
            Arrays.sort(tex);
            bv[b] = vals[vals.length / 2];
            bt[b] = tex[tex.length / 2];
        }
        return new TextureModel(bt, bv);
    }

    /** The expected value for a block of texture {@code t}. */
    public double expected(double t) {
        int last = binTexture.length - 1;
        if (t <= binTexture[0]) {
            return binValue[0];
        }
        if (t >= binTexture[last]) {
            return binValue[last];
        }
        int b = Arrays.binarySearch(binTexture, t);
        if (b >= 0) {
            return binValue[b];
        }
        int hi = -b - 1;
        int lo = hi - 1;
        double span = binTexture[hi] - binTexture[lo];
        double u = span > 0 ? (t - binTexture[lo]) / span : 0;
        return binValue[lo] * (1 - u) + binValue[hi] * u;
    }
}
