package dev.unmask.analyzers.metadata;

import dev.unmask.api.AnalyzerOptions;

/**
 * Validated settings of the {@link MetadataAnalyzer}, read once in {@code init}.
 *
 * @param promptMaxChars longest prompt text kept in a finding's values ({@code prompt-max-chars}, default 500);
 *     longer prompts are cut and end with an ellipsis
 * @param thumbnailMaxBytes largest embedded EXIF thumbnail decoded ({@code thumbnail-max-bytes}, default 1 MiB)
 * @param thumbnailMaxPixels largest embedded thumbnail decoded, width &times; height ({@code thumbnail-max-pixels},
 *     default 1,000,000)
 * @param thumbnailMadThreshold mean absolute luma difference (0..255) between the thumbnail and the main image
 *     shrunk to the thumbnail's size above which they are called different ({@code thumbnail-mad-threshold},
 *     default 20: a faithful thumbnail differs by 2-8 levels through resampling and its own JPEG coding)
 * @param thumbnailAspectTolerance relative difference of aspect ratios above which the thumbnail shows a
 *     different framing ({@code thumbnail-aspect-tolerance}, default 0.06)
 * @param modifyGapHours time between capture and last modification above which the file is reported as
 *     modified later ({@code modify-gap-hours}, default 24)
 * @param stealth whether to look for A1111 "stealth" parameters in the pixel LSBs of PNG files
 *     ({@code stealth}, default true)
 * @param stealthMaxBytes largest hidden payload read from the LSBs ({@code stealth-max-bytes}, default 1 MiB)
 * @param jsonMaxChars longest JSON text parsed from a text chunk ({@code json-max-chars}, default 4,000,000)
 */
public record MetadataSettings(int promptMaxChars, int thumbnailMaxBytes, int thumbnailMaxPixels,
                               double thumbnailMadThreshold, double thumbnailAspectTolerance, double modifyGapHours,
                               boolean stealth, int stealthMaxBytes, int jsonMaxChars) {

    /** The defaults. */
    public static final MetadataSettings DEFAULT =
            new MetadataSettings(500, 1 << 20, 1_000_000, 20.0, 0.06, 24.0, true, 1 << 20, 4_000_000);

    /** Validates the ranges. */
    public MetadataSettings {
        if (promptMaxChars < 16 || thumbnailMaxBytes < 1024 || thumbnailMaxPixels < 64 || stealthMaxBytes < 64
                || jsonMaxChars < 1024) {
            throw new IllegalArgumentException("metadata settings out of range");
        }
        if (!(thumbnailMadThreshold > 0 && thumbnailMadThreshold <= 255) || !(thumbnailAspectTolerance > 0)
                || !(modifyGapHours > 0)) {
            throw new IllegalArgumentException("metadata settings out of range");
        }
    }

    /** Reads every option, falling back to the defaults. */
    public static MetadataSettings read(AnalyzerOptions o) {
        MetadataSettings d = DEFAULT;
        return new MetadataSettings(
                o.getInt("prompt-max-chars", d.promptMaxChars(), 16, 100_000),
                o.getInt("thumbnail-max-bytes", d.thumbnailMaxBytes(), 1024, 16 << 20),
                o.getInt("thumbnail-max-pixels", d.thumbnailMaxPixels(), 64, 16_000_000),
                o.getDouble("thumbnail-mad-threshold", d.thumbnailMadThreshold(), 1, 255),
                o.getDouble("thumbnail-aspect-tolerance", d.thumbnailAspectTolerance(), 0.001, 1),
                o.getDouble("modify-gap-hours", d.modifyGapHours(), 0.01, 1_000_000),
                o.getBoolean("stealth", d.stealth()),
                o.getInt("stealth-max-bytes", d.stealthMaxBytes(), 64, 64 << 20),
                o.getInt("json-max-chars", d.jsonMaxChars(), 1024, 64 << 20));
    }
}
