package dev.unmask.analyzers.jpeg;

import javax.imageio.plugins.jpeg.JPEGQTable;

/**
 * Estimates the IJG (libjpeg) quality factor from a quantization table by inverting libjpeg's scaling of the
 * example tables of ITU-T T.81 Annex K (K.1 luminance, K.2 chrominance): for quality q,
 * {@code scale = q < 50 ? 5000 / q : 200 - 2q} and {@code step = clamp((base * scale + 50) / 100, 1, max)}
 * (jcparam.c, {@code jpeg_quality_scaling} and {@code jpeg_add_quant_table}). The quality in 1..100 whose
 * table is closest (least mean absolute difference) is reported, with whether the table equals it exactly.
 */
public final class IjgQuality {
    /** Annex K table K.1 (luminance), natural order. */
    static final int[] LUMA_BASE = JPEGQTable.K1Luminance.getTable();
    /** Annex K table K.2 (chrominance), natural order. */
    static final int[] CHROMA_BASE = JPEGQTable.K2Chrominance.getTable();

    private IjgQuality() {}

    /**
     * The result of matching one table.
     *
     * @param quality the closest IJG quality, 1..100
     * @param standard whether the table equals the IJG table of that quality exactly
     * @param meanAbsDeviation mean absolute difference from that quality's table, in quantization steps
     */
    public record Estimate(int quality, boolean standard, double meanAbsDeviation) {}

    /** libjpeg's step for {@code base} at {@code quality} (8-bit baseline clamp when {@code baseline}). */
    static int step(int base, int quality, boolean baseline) {
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        long t = ((long) base * scale + 50) / 100;
        t = Math.max(1, Math.min(baseline ? 255 : 32767, t));
        return (int) t;
    }

    /** The IJG table for {@code quality} from {@code base} (both natural order). */
    static int[] table(int[] base, int quality) {
        int[] t = new int[64];
        for (int i = 0; i < 64; i++) {
            t[i] = step(base[i], quality, true);
        }
        return t;
    }

    /** Matches {@code table} (natural order) against IJG scalings of {@code base}. */
    public static Estimate estimate(int[] table, int[] base) {
        int best = 1;
        double bestErr = Double.MAX_VALUE;
        boolean exact = false;
        for (int q = 1; q <= 100; q++) {
            for (boolean baseline : new boolean[] {true, false}) {
                long err = 0;
                for (int i = 0; i < 64; i++) {
                    err += Math.abs(table[i] - step(base[i], q, baseline));
                }
                if (err < bestErr) {
                    bestErr = err;
                    best = q;
                    exact = err == 0;
                }
            }
        }
        return new Estimate(best, exact, bestErr / 64.0);
    }
}
