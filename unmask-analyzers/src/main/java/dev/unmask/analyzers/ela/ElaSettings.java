package dev.unmask.analyzers.ela;

import dev.unmask.api.AnalyzerOptions;

/**
 * Validated settings of {@link ElaAnalyzer}, read from options {@code ela.<key>}.
 *
 * @param quality JPEG quality (IJG scale) of the re-save; 90 is the customary ELA quality (Krawetz 2007)
 * @param errorFloor grey levels added to observed and expected block error before taking their ratio, so
 *     that flat blocks (error near 0) cannot produce large ratios from rounding noise
 * @param thresholdMads a block is "high error" when its smoothed log ratio exceeds the image's median by this
 *     many robust standard deviations (1.4826 MAD)
 * @param minRatio a block must also exceed its texture-expected error level by at least this factor
 * @param minRegionBlocks connected high-error regions smaller than this many 8&times;8 blocks are ignored
 * @param areaScale region area fraction at which the area factor of the score reaches 63% (1 - 1/e)
 * @param fullContrastRatio texture-normalised error ratio of a region at which the contrast factor is 1
 * @param maxRegionFraction a "region" covering more than this fraction of the image is not a localised
 *     anomaly (it is the image's overall compression state) and scores 0
 * @param scoreCap largest score ELA can give: it is a weak, easily confounded cue
 * @param amplify gain applied to the absolute difference in the amplified ELA picture
 */
public record ElaSettings(int quality, double errorFloor, double thresholdMads, double minRatio, int minRegionBlocks,
                          double areaScale, double fullContrastRatio, double maxRegionFraction, double scoreCap,
                          double amplify) {
    /** Defaults, tuned on testdata/camera-jpeg and testdata/photos (real photos score below 0.1). */
    public static final ElaSettings DEFAULTS = new ElaSettings(90, 0.5, 3.0, 1.5, 16, 0.01, 2.5, 0.5, 0.6, 20);

    /** Validates the components. */
    public ElaSettings {
        if (quality < 50 || quality > 99) {
            throw new IllegalArgumentException("ela.quality must be in 50..99: " + quality);
        }
        if (!(fullContrastRatio > minRatio)) {
            throw new IllegalArgumentException("ela.full-contrast-ratio must exceed ela.min-ratio");
        }
    }

    /** Reads every option, with {@link #DEFAULTS} for those unset. */
    public static ElaSettings from(AnalyzerOptions o) {
        ElaSettings d = DEFAULTS;
        return new ElaSettings(
                o.getInt("quality", d.quality, 50, 99),
                o.getDouble("error-floor", d.errorFloor, 0.01, 10),
                o.getDouble("threshold-mads", d.thresholdMads, 0.5, 20),
                o.getDouble("min-ratio", d.minRatio, 1.0, 10),
                o.getInt("min-region-blocks", d.minRegionBlocks, 1, 100_000),
                o.getDouble("area-scale", d.areaScale, 0.0001, 1),
                o.getDouble("full-contrast-ratio", d.fullContrastRatio, 1.01, 20),
                o.getDouble("max-region-fraction", d.maxRegionFraction, 0.01, 1),
                o.getDouble("score-cap", d.scoreCap, 0, 1),
                o.getDouble("amplify", d.amplify, 1, 255));
    }
}
