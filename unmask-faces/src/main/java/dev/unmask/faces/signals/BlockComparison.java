package dev.unmask.faces.signals;

import dev.unmask.core.imaging.Stats;
import java.util.Arrays;
import java.util.Locale;

/**
 * Compares a statistic of the blocks inside a face box with the same statistic over every face-sized window of the
 * background (the blocks outside all face regions), and expresses the face's value as a robust z-score against
 * the spread of the windows (median and 1.4826 MAD).
 *
 * <p>Comparing with windows of the face's own size, rather than with single blocks, calibrates the comparison: a
 * statistic pooled over 50 blocks varies far less than one block does, and by as much as the background's own
 * variation (light, focus, texture) makes it vary at that size. A face is an outlier only when it lies outside what
 * regions of its size elsewhere in the same picture show.
 */
final class BlockComparison {
    /** Fewest background windows for the spread to mean anything. */
    static final int MIN_WINDOWS = 10;
    /** At most about this many windows are evaluated (a regular subsample on large images). */
    static final int MAX_WINDOWS = 1500;
    /**
     * And at most about this many block visits over all windows, so that a face of thousands of blocks in a very large
     * picture is compared with fewer windows (never fewer than {@code 4 * MIN_WINDOWS} positions tried).
     */
    static final long MAX_BLOCK_VISITS = 2_000_000;
    /** A window counts when at least this share of its blocks is usable background. */
    static final double WINDOW_FILL = 0.6;

    private BlockComparison() {}

    /** A statistic of a set of blocks; NaN when they carry too little signal. */
    @FunctionalInterface
    interface RegionStatistic {
        /** The statistic of the first {@code n} block indices of {@code blocks}. */
        double of(int[] blocks, int n);
    }

    /**
     * What one check needs besides the statistic.
     *
     * @param minFaceBlocks fewest usable blocks inside the face box
     * @param spreadFloor smallest spread used in the z-score (statistic units), so a very uniform background does
     *     not turn a small difference into a large z
     * @param unusable why a block may be unusable, for the skip reason ("clipped to black or white")
     */
    record Spec(int minFaceBlocks, double spreadFloor, String unusable) {}

    /**
     * The outcome.
     *
     * @param face the face's statistic
     * @param background median of the windows' statistic
     * @param spread robust standard deviation of the windows' statistic, at least the floor
     * @param faceBlocks usable blocks inside the face box
     * @param windows background windows compared with
     * @param z {@code (face - background) / spread}
     * @param skip why the face was not compared, or null when it was
     */
    record Result(double face, double background, double spread, int faceBlocks, int windows, double z,
                  String skip) {
        static Result skipped(String why) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN, why);
        }

        boolean compared() {
            return skip == null;
        }
    }

    /**
     * @param g the block grid
     * @param face the face's blocks, {x0, y0, x1, y1} inclusive (see {@link BlockGrid#inside})
     * @param usable whether each block has a value
     * @param background whether each block lies outside every face region
     */
    static Result compare(BlockGrid g, int[] face, boolean[] usable, boolean[] background, RegionStatistic stat,
            Spec spec) {
        int fw = face[2] - face[0] + 1;
        int fh = face[3] - face[1] + 1;
        int area = Math.max(0, fw) * Math.max(0, fh);
        if (fw < 1 || fh < 1 || area < spec.minFaceBlocks()) {
            return Result.skipped(String.format(Locale.ROOT, "the face is too small: its box holds %d whole %d-px"
                    + " blocks, and the comparison needs %d", area, g.block(), spec.minFaceBlocks()));
        }
        int[] buf = new int[area];
        int n = collect(g, face[0], face[1], fw, fh, usable, null, buf);
        if (n < spec.minFaceBlocks()) {
            return Result.skipped(String.format(Locale.ROOT, "only %d of the face's %d blocks are usable (%s); the"
                    + " comparison needs %d", n, area, spec.unusable(), spec.minFaceBlocks()));
        }
        double faceValue = stat.of(buf, n);
        if (!Double.isFinite(faceValue)) {
            return Result.skipped("the face's blocks carry too little signal (" + spec.unusable() + ")");
        }
        int px = g.blocksX() - fw + 1;
        int py = g.blocksY() - fh + 1;
        double[] w = new double[Math.max(0, px) * Math.max(0, py)];
        int count = 0;
        if (px > 0 && py > 0) {
            long budget = Math.max(4L * MIN_WINDOWS, Math.min(MAX_WINDOWS, MAX_BLOCK_VISITS / area));
            int stride = (int) Math.max(1, Math.ceil(Math.sqrt((double) px * py / budget)));
            int need = Math.max(spec.minFaceBlocks(), (int) Math.ceil(WINDOW_FILL * area));
            for (int y = 0; y < py; y += stride) {
                for (int x = 0; x < px; x += stride) {
                    int m = collect(g, x, y, fw, fh, usable, background, buf);
                    if (m >= need) {
                        double v = stat.of(buf, m);
                        if (Double.isFinite(v)) {
                            w[count++] = v;
                        }
                    }
                }
            }
        }
        if (count < MIN_WINDOWS) {
            return Result.skipped(String.format(Locale.ROOT, "the background outside the face regions holds only %d"
                    + " face-sized windows (%dx%d blocks of %d px) with enough usable blocks, and the comparison needs"
                    + " %d", count, fw, fh, g.block(), MIN_WINDOWS));
        }
        double[] ws = Arrays.copyOf(w, count);
        double med = Stats.median(ws);
        double spread = Math.max(spec.spreadFloor(), Stats.mad(ws));
        return new Result(faceValue, med, spread, n, count, (faceValue - med) / spread, null);
    }

    /** Collects into {@code out} the usable (and, when given, background) blocks of a window; returns the count. */
    private static int collect(BlockGrid g, int x0, int y0, int fw, int fh, boolean[] usable, boolean[] background,
            int[] out) {
        int n = 0;
        for (int y = y0; y < y0 + fh; y++) {
            int row = y * g.blocksX();
            for (int x = x0; x < x0 + fw; x++) {
                int i = row + x;
                if (usable[i] && (background == null || background[i])) {
                    out[n++] = i;
                }
            }
        }
        return n;
    }

    /** Mean of {@code v} at the first {@code n} indices of {@code blocks}. */
    static double mean(double[] v, int[] blocks, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[blocks[i]];
        }
        return s / n;
    }

    /** Median of {@code v} at the first {@code n} indices of {@code blocks}. */
    static double median(double[] v, int[] blocks, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = v[blocks[i]];
        }
        Arrays.sort(x);
        return n % 2 == 1 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
    }
}
