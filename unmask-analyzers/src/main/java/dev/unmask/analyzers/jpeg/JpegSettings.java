package dev.unmask.analyzers.jpeg;

import dev.unmask.api.AnalyzerOptions;

/**
 * Settings of the JPEG traces analyzer, read and validated from {@link AnalyzerOptions}.
 *
 * @param coefficients low-frequency AC coefficients examined, in zig-zag order (option {@code coefficients})
 * @param histogramRange coefficient histograms cover quantized values -range..range ({@code histogram-range})
 * @param noiseMix weight of the single-compression histogram mixed into the double-compression model, so a
 *     few stray coefficients in a predicted-empty bin do not dominate ({@code noise-mix})
 * @param minBlocks fewest whole 8x8 luma blocks for the histogram analysis to run ({@code min-blocks})
 * @param dqThreshold mean log-likelihood gain (nats per non-zero coefficient) of double over single
 *     compression above which double compression is reported; singly compressed photos measure below 0.03,
 *     aligned re-compressions at a higher quality above 0.5 ({@code dq-threshold})
 * @param frequencyThreshold a frequency takes part in the block map only when its own gain exceeds this
 *     ({@code frequency-threshold})
 * @param blockLlrClip each coefficient's log-likelihood ratio is clipped to +-this before blocks are summed,
 *     so the map's boundaries follow the majority of coefficients rather than a few extreme ones
 *     ({@code block-llr-clip})
 * @param maxDoubleScore score of a strong double-compression finding; capped because innocent re-saving also
 *     compresses twice ({@code max-dq-score})
 * @param smoothRadius radius, in blocks, of the box over which block log-likelihood ratios are summed
 *     ({@code smooth-radius})
 * @param regionLlr summed log-likelihood ratio (single over double) above which a block counts as singly
 *     compressed ({@code region-llr})
 * @param minRegionFraction smallest singly compressed region reported, as a fraction of the blocks
 *     ({@code min-region-fraction})
 * @param maxRegionFraction largest such region; beyond it the image is not "a region inside a doubly
 *     compressed image" ({@code max-region-fraction})
 * @param maxSpliceScore score of a compact, clearly singly compressed region ({@code max-splice-score})
 */
public record JpegSettings(int coefficients, int histogramRange, double noiseMix, int minBlocks, double dqThreshold,
        double frequencyThreshold, double blockLlrClip, double maxDoubleScore, int smoothRadius, double regionLlr,
        double minRegionFraction, double maxRegionFraction, double maxSpliceScore) {

    /** Defaults, documented on the components. */
    public static final JpegSettings DEFAULTS =
            new JpegSettings(14, 40, 0.05, 256, 0.1, 0.1, 1.0, 0.45, 2, 2.0, 0.01, 0.5, 0.7);

    /** Validates the components. */
    public JpegSettings {
        if (coefficients < 1 || coefficients > 27) {
            throw new IllegalArgumentException("coefficients must be in 1..27");
        }
        if (!(maxDoubleScore >= 0 && maxDoubleScore <= 1 && maxSpliceScore >= 0 && maxSpliceScore <= 1)) {
            throw new IllegalArgumentException("scores must be in [0,1]");
        }
        if (!(minRegionFraction < maxRegionFraction)) {
            throw new IllegalArgumentException("min-region-fraction must be below max-region-fraction");
        }
    }

    /** Reads every option, with {@link #DEFAULTS} for those unset. */
    public static JpegSettings from(AnalyzerOptions o) {
        JpegSettings d = DEFAULTS;
        return new JpegSettings(
                o.getInt("coefficients", d.coefficients, 1, 27),
                o.getInt("histogram-range", d.histogramRange, 4, 500),
                o.getDouble("noise-mix", d.noiseMix, 1e-4, 0.5),
                o.getInt("min-blocks", d.minBlocks, 16, 1_000_000),
                o.getDouble("dq-threshold", d.dqThreshold, 1e-3, 10),
                o.getDouble("frequency-threshold", d.frequencyThreshold, 1e-3, 10),
                o.getDouble("block-llr-clip", d.blockLlrClip, 0.01, 100),
                o.getDouble("max-dq-score", d.maxDoubleScore, 0, 1),
                o.getInt("smooth-radius", d.smoothRadius, 0, 16),
                o.getDouble("region-llr", d.regionLlr, 0, 100),
                o.getDouble("min-region-fraction", d.minRegionFraction, 0, 1),
                o.getDouble("max-region-fraction", d.maxRegionFraction, 0, 1),
                o.getDouble("max-splice-score", d.maxSpliceScore, 0, 1));
    }
}
