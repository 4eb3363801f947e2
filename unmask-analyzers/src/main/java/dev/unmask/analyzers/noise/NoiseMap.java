package dev.unmask.analyzers.noise;

import dev.unmask.core.imaging.FloatPlane;
import java.util.Arrays;

/**
 * Per-block noise level of the luma plane from the first-level Haar wavelet subbands.
 *
 * <p>For each 2&times;2 cell {@code [a b; c d]} the orthonormal Haar details are {@code HH = (a - b - c + d)/2},
 * {@code LH = (a + b - c - d)/2} and {@code HL = (a - b + c - d)/2}. White noise of standard deviation
 * {@code sigma} gives each detail coefficient the same {@code sigma}, while image structure concentrates in
 * LH and HL far more than in the diagonal HH band. The noise level of a block is estimated from its HH
 * coefficients (Donoho &amp; Johnstone 1994 use {@code median(|HH|) / 0.6745}; here the mean of the smallest
 * 75% of {@code |HH|} divided by its Gaussian expectation 0.5149, an equally edge-robust estimator that does not
 * collapse to exactly 0 on 8-bit, JPEG-smoothed photos whose median |HH| is often 0). The same estimator on LH
 * and HL gives the block's texture level, used to predict the HH level texture alone would produce.
 *
 * <p>Public so that other modules can compare the noise of one region with the rest of an image (the face-region
 * checks of the {@code faces} analyzer); the accessors return copies.
 */
public final class NoiseMap {
    /** Fraction of the smallest |coefficients| kept by the trimmed-mean estimator. */
    static final double KEEP = 0.75;
    /** E[|X| ; |X| below its 75% quantile] / 0.75 for a standard normal X: the estimator's scale. */
    static final double TRIMMED_SCALE = 0.5149;
    /** Luma at or below this, or at or above {@link #SAT_HIGH}, counts as clipped. */
    static final float SAT_LOW = 3;
    /** Upper clipping level. */
    static final float SAT_HIGH = 252;
    /** A block with more than this fraction of clipped 2&times;2 cells is excluded (clipping removes noise). */
    static final double MAX_CLIPPED = 0.25;

    /** Per-block noise sigma (grey levels). */
    final double[] sigma;
    /** Per-block texture level from LH and HL (grey levels). */
    final double[] texture;
    /** Whether the block enters the statistics (not clipped). */
    final boolean[] valid;
    /** Block grid width. */
    final int bw;
    /** Block grid height. */
    final int bh;
    /** Block side in pixels. */
    final int block;

    private NoiseMap(double[] sigma, double[] texture, boolean[] valid, int bw, int bh, int block) {
        this.sigma = sigma;
        this.texture = texture;
        this.valid = valid;
        this.bw = bw;
        this.bh = bh;
        this.block = block;
    }

    /**
     * Estimates the block noise levels of {@code luma} on blocks of {@code block} pixels (even), on a grid anchored
     * at the top-left pixel; partial blocks at the right and bottom edges are left out.
     */
    public static NoiseMap compute(FloatPlane luma, int block) {
        if (block < 2 || block % 2 != 0) {
            throw new IllegalArgumentException("noise block size must be even and at least 2: " + block);
        }
        int w = luma.width();
        int bw = w / block;
        int bh = luma.height() / block;
        float[] d = luma.data();
        int cells = (block / 2) * (block / 2);
        float[] hh = new float[cells];
        float[] tx = new float[2 * cells];
        double[] sigma = new double[bw * bh];
        double[] texture = new double[bw * bh];
        boolean[] valid = new boolean[bw * bh];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int c = 0;
                int clipped = 0;
                for (int y = by * block; y < by * block + block; y += 2) {
                    int row = y * w;
                    for (int x = bx * block; x < bx * block + block; x += 2) {
                        float a = d[row + x];
                        float b = d[row + x + 1];
                        float cc = d[row + w + x];
                        float dd = d[row + w + x + 1];
                        hh[c] = Math.abs(a - b - cc + dd) * 0.5f;
                        tx[2 * c] = Math.abs(a + b - cc - dd) * 0.5f;
                        tx[2 * c + 1] = Math.abs(a - b + cc - dd) * 0.5f;
                        float lo = Math.min(Math.min(a, b), Math.min(cc, dd));
                        float hi = Math.max(Math.max(a, b), Math.max(cc, dd));
                        if (lo <= SAT_LOW || hi >= SAT_HIGH) {
                            clipped++;
                        }
                        c++;
                    }
                }
                int i = by * bw + bx;
                sigma[i] = trimmedSigma(hh);
                texture[i] = trimmedSigma(tx);
                valid[i] = clipped <= MAX_CLIPPED * cells;
            }
        }
        return new NoiseMap(sigma, texture, valid, bw, bh, block);
    }

    /** Per-block noise sigma in grey levels, row-major on the block grid (a copy). */
    public double[] sigma() {
        return sigma.clone();
    }

    /** Per-block texture level from the LH and HL subbands, grey levels (a copy). */
    public double[] texture() {
        return texture.clone();
    }

    /** Whether each block enters the statistics: not clipped to black or white (a copy). */
    public boolean[] valid() {
        return valid.clone();
    }

    /** Blocks per row. */
    public int blocksX() {
        return bw;
    }

    /** Block rows. */
    public int blocksY() {
        return bh;
    }

    /** Block side in pixels. */
    public int blockSize() {
        return block;
    }

    /** Gaussian sigma from the mean of the smallest {@link #KEEP} of {@code |v|} (sorts {@code v} in place). */
    static double trimmedSigma(float[] v) {
        Arrays.sort(v);
        int k = Math.max(1, (int) (v.length * KEEP));
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += v[i];
        }
        return s / k / TRIMMED_SCALE;
    }
}
