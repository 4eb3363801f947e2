package dev.unmask.analyzers.noise;

import dev.unmask.api.AnalyzerOptions;

/**
 * Validated settings of {@link NoiseAnalyzer}, read from options {@code noise.<key>}.
 *
 * @param blockSize side of the square blocks on which the noise level is estimated (even, pixels)
 * @param sigmaFloor grey levels added to observed and expected noise levels before taking their ratio, so
 *     that blocks with almost no noise (flat or heavily compressed) cannot produce large ratios
 * @param thresholdMads a block is an outlier when its log noise ratio differs from the image's median by more
 *     than this many robust standard deviations (1.4826 MAD)
 * @param minRegionBlocks connected outlier regions smaller than this many blocks are ignored
 * @param areaScale region area fraction at which the area factor of the score reaches 63% (1 - 1/e)
 * @param fullContrastZ mean robust z-score of a region at which the contrast factor is 1
 * @param maxRegionFraction a region covering more than this fraction of the image is not localised; scores 0
 * @param scoreCap largest score: noise inconsistency has innocent causes (depth of field, mixed exposure)
 */
public record NoiseSettings(int blockSize, double sigmaFloor, double thresholdMads, int minRegionBlocks,
                            double areaScale, double fullContrastZ, double maxRegionFraction, double scoreCap) {
    /** Defaults, tuned on testdata/camera-jpeg and testdata/photos (real photos score below 0.15). */
    public static final NoiseSettings DEFAULTS = new NoiseSettings(32, 0.25, 3.0, 4, 0.015, 8.0, 0.5, 0.7);

    /** Validates the components. */
    public NoiseSettings {
        if (blockSize < 8 || blockSize > 256 || blockSize % 2 != 0) {
            throw new IllegalArgumentException("noise.block-size must be even and in 8..256: " + blockSize);
        }
        if (!(fullContrastZ > thresholdMads)) {
            throw new IllegalArgumentException("noise.full-contrast-z must exceed noise.threshold-mads");
        }
    }

    /** Reads every option, with {@link #DEFAULTS} for those unset. */
    public static NoiseSettings from(AnalyzerOptions o) {
        NoiseSettings d = DEFAULTS;
        return new NoiseSettings(
                o.getInt("block-size", d.blockSize, 8, 256),
                o.getDouble("sigma-floor", d.sigmaFloor, 0.01, 10),
                o.getDouble("threshold-mads", d.thresholdMads, 0.5, 20),
                o.getInt("min-region-blocks", d.minRegionBlocks, 1, 100_000),
                o.getDouble("area-scale", d.areaScale, 0.0001, 1),
                o.getDouble("full-contrast-z", d.fullContrastZ, 0.6, 50),
                o.getDouble("max-region-fraction", d.maxRegionFraction, 0.01, 1),
                o.getDouble("score-cap", d.scoreCap, 0, 1));
    }
}
