package dev.unmask.faces.signals;

import dev.unmask.core.imaging.FloatPlane;

/**
 * Where a region's 8x8 JPEG blocking grid lies (after Fan &amp; de Queiroz, "Identification of bitmap compression
 * history: JPEG detection and quantizer estimation", IEEE TIP 12(2), 2003, and the block artifact grid of Li, Yuan
 * &amp; Yu, "Passive detection of doctored JPEG image via block artifact grid extraction", Signal Processing 89(9),
 * 2009). JPEG quantises each 8x8 block on its own, so the luma steps between neighbouring pixels are larger, on
 * average, across block boundaries than inside blocks. For each of the 8 column phases (and row phases) the mean
 * absolute step between a pixel and its right (lower) neighbour is summed per block of the image's 8x8 grid; a region
 * whose steps peak at another phase than the image's own boundary (between pixels 7 and 8) was compressed on another
 * grid: a face cut from another JPEG and pasted at an offset that is not a multiple of 8.
 *
 * <p>Steps are clipped to {@link #CLIP} grey levels, so that the edges of the scene (large steps at every phase)
 * do not drown the few-level steps of blocking.
 */
final class BlockingGrid {
    /** Block and grid period. */
    static final int PERIOD = 8;
    /** Largest step counted, grey levels. */
    static final float CLIP = 10;
    /** A region whose mean clipped step is below this (grey levels) is too flat to show a grid. */
    static final double MIN_MEAN_STEP = 0.1;

    /** Per block of the 8x8 grid, 8 horizontal then 8 vertical step sums (floats: one byte per image pixel). */
    final float[] sums;
    final BlockGrid grid;

    private BlockingGrid(float[] sums, BlockGrid grid) {
        this.sums = sums;
        this.grid = grid;
    }

    static BlockingGrid measure(FloatPlane luma) {
        int w = luma.width();
        int h = luma.height();
        BlockGrid g = new BlockGrid(PERIOD, w / PERIOD, h / PERIOD);
        float[] s = new float[g.size() * 2 * PERIOD];
        float[] d = luma.data();
        for (int by = 0; by < g.blocksY(); by++) {
            for (int bx = 0; bx < g.blocksX(); bx++) {
                int o = (by * g.blocksX() + bx) * 2 * PERIOD;
                for (int y = by * PERIOD; y < by * PERIOD + PERIOD; y++) {
                    int row = y * w;
                    for (int x = bx * PERIOD; x < bx * PERIOD + PERIOD; x++) {
                        int p = x - bx * PERIOD;
                        if (x + 1 < w) {
                            s[o + p] += Math.min(CLIP, Math.abs(d[row + x + 1] - d[row + x]));
                        }
                        if (y + 1 < h) {
                            s[o + PERIOD + (y - by * PERIOD)] += Math.min(CLIP, Math.abs(d[row + w + x] - d[row + x]));
                        }
                    }
                }
            }
        }
        return new BlockingGrid(s, g);
    }

    /**
     * The phase profile of a set of blocks: per phase the summed steps divided by their mean over the 8 phases,
     * horizontal phases 0..7 then vertical; null when the blocks are too flat.
     */
    double[] profile(int[] blocks, int n) {
        double[] p = new double[2 * PERIOD];
        for (int i = 0; i < n; i++) {
            int o = blocks[i] * 2 * PERIOD;
            for (int k = 0; k < 2 * PERIOD; k++) {
                p[k] += sums[o + k];
            }
        }
        double mh = 0;
        double mv = 0;
        for (int k = 0; k < PERIOD; k++) {
            mh += p[k] / PERIOD;
            mv += p[PERIOD + k] / PERIOD;
        }
        double samples = (double) n * PERIOD;
        if (mh / samples < MIN_MEAN_STEP || mv / samples < MIN_MEAN_STEP) {
            return null;
        }
        for (int k = 0; k < PERIOD; k++) {
            p[k] /= mh;
            p[PERIOD + k] /= mv;
        }
        return p;
    }

    /**
     * The phases that belong to the picture's own grid: the file's 8x8 grid when it is a JPEG (phase 7, the boundary
     * between pixels 7 and 8), and per direction the background's strongest phase when it rises at least
     * {@code minPeak} above the mean (a PNG saved from a decoded JPEG, or a JPEG cropped before its last save, carries
     * an older grid everywhere). Horizontal phases 0..7, then vertical.
     *
     * @param background the background's profile, or null when it is too flat
     */
    static boolean[] ownPhases(boolean jpeg, double[] background, double minPeak) {
        boolean[] own = new boolean[2 * PERIOD];
        for (int axis = 0; axis < 2; axis++) {
            int o = axis * PERIOD;
            own[o + PERIOD - 1] = jpeg;
            if (background != null) {
                int best = argMax(background, o, null);
                own[o + best] |= background[o + best] - 1 >= minPeak;
            }
        }
        return own;
    }

    /** How far the strongest phase not among {@code own} rises above the mean step, in either direction. */
    static double offGridPeak(double[] profile, boolean[] own) {
        double best = 0;
        for (int k = 0; k < 2 * PERIOD; k++) {
            if (!own[k]) {
                best = Math.max(best, profile[k] - 1);
            }
        }
        return best;
    }

    /**
     * The offset of a region's grid from the picture's: per direction, {@code (k + 1) mod 8} for the strongest phase
     * k not among {@code own} when it rises at least {@code minPeak} above the mean, else 0 (no grid of its own).
     */
    static int[] offset(double[] profile, boolean[] own, double minPeak) {
        int[] out = new int[2];
        for (int axis = 0; axis < 2; axis++) {
            int o = axis * PERIOD;
            int k = argMax(profile, o, own);
            out[axis] = k >= 0 && profile[o + k] - 1 >= minPeak ? (k + 1) % PERIOD : 0;
        }
        return out;
    }

    /** The phase 0..7 of the largest entry of {@code p[o .. o + 7]} not marked in {@code skip}; -1 if none. */
    private static int argMax(double[] p, int o, boolean[] skip) {
        int best = -1;
        for (int k = 0; k < PERIOD; k++) {
            if ((skip == null || !skip[o + k]) && (best < 0 || p[o + k] > p[o + best])) {
                best = k;
            }
        }
        return best;
    }
}
