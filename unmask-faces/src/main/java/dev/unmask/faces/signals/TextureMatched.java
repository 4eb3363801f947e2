package dev.unmask.faces.signals;

import dev.unmask.core.imaging.TextureModel;
import java.util.Arrays;
import java.util.Locale;

/**
 * A per-block quantity (noise sigma, re-compression error) normalised by the level the background's own blocks of
 * equal texture show: {@code log((v + f) / (v_exp(T) + f))}, where {@code v_exp} is fitted on the background blocks
 * only ({@link TextureModel}), so a face with other statistics cannot pull the expectation towards itself. The face's
 * statistic is the median (noise: robust to eyes and edges) or the mean (error level: sparse, mostly-zero block
 * errors make the median jump between a few values) of its blocks' log ratios, compared with the same statistic over
 * the background's face-sized windows ({@link BlockComparison}).
 */
final class TextureMatched {
    /** Fewest background blocks whose texture lies within the face's interquartile texture range. */
    static final int MIN_COMPARABLE = 32;

    /**
     * Per-face outcome.
     *
     * @param comparison the z-score comparison, or a skip
     * @param faceLevel median raw value over the face's blocks
     * @param backgroundLevel median raw value over the background blocks as textured as the face
     * @param comparableBlocks background blocks as textured as the face
     */
    record Outcome(BlockComparison.Result comparison, double faceLevel, double backgroundLevel,
                   int comparableBlocks) {
        /** Texture-normalised ratio of the face's level to the background windows' typical level. */
        double ratio() {
            return Math.exp(comparison.face() - comparison.background());
        }
    }

    final double[] logRatio;
    private final BlockGrid grid;
    private final double[] value;
    private final double[] texture;
    private final boolean[] valid;
    private final boolean[] background;

    /**
     * @param floor added to observed and expected values before their ratio (the analyzers' own floor)
     */
    TextureMatched(BlockGrid grid, double[] value, double[] texture, boolean[] valid, boolean[] background,
            double floor) {
        this.grid = grid;
        this.value = value;
        this.texture = texture;
        this.valid = valid;
        this.background = background;
        boolean[] fitOn = new boolean[valid.length];
        for (int i = 0; i < valid.length; i++) {
            fitOn[i] = valid[i] && background[i];
        }
        TextureModel model = TextureModel.fit(texture, value, fitOn);
        logRatio = new double[value.length];
        for (int i = 0; i < value.length; i++) {
            logRatio[i] = valid[i] ? Math.log((value[i] + floor) / (model.expected(texture[i]) + floor)) : 0;
        }
    }

    /** @param mean pool the log ratios by their mean, else by their median */
    Outcome compare(int[] face, BlockComparison.Spec spec, boolean mean) {
        BlockComparison.Result c = BlockComparison.compare(grid, face, valid, background,
                (b, n) -> mean ? BlockComparison.mean(logRatio, b, n) : BlockComparison.median(logRatio, b, n), spec);
        if (!c.compared()) {
            return new Outcome(c, Double.NaN, Double.NaN, 0);
        }
        int[] fb = blocks(face);
        double[] ft = new double[fb.length];
        for (int i = 0; i < fb.length; i++) {
            ft[i] = texture[fb[i]];
        }
        Arrays.sort(ft);
        double lo = ft[ft.length / 4];
        double hi = ft[(3 * ft.length) / 4];
        int[] comparable = new int[value.length];
        int m = 0;
        for (int i = 0; i < value.length; i++) {
            if (valid[i] && background[i] && texture[i] >= lo && texture[i] <= hi) {
                comparable[m++] = i;
            }
        }
        if (m < MIN_COMPARABLE) {
            return new Outcome(BlockComparison.Result.skipped(String.format(Locale.ROOT, "the background is too"
                    + " uniform: only %d of its blocks are as textured as the face (texture %.2f to %.2f grey"
                    + " levels), and the comparison needs %d", m, lo, hi, MIN_COMPARABLE)), Double.NaN, Double.NaN, m);
        }
        return new Outcome(c, BlockComparison.median(value, fb, fb.length),
                BlockComparison.median(value, comparable, m), m);
    }

    /** The usable blocks inside the face rectangle. */
    private int[] blocks(int[] face) {
        int[] out = new int[Math.max(0, (face[2] - face[0] + 1) * (face[3] - face[1] + 1))];
        int n = 0;
        for (int y = face[1]; y <= face[3]; y++) {
            for (int x = face[0]; x <= face[2]; x++) {
                int i = y * grid.blocksX() + x;
                if (valid[i]) {
                    out[n++] = i;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }
}
