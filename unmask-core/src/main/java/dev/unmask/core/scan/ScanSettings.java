package dev.unmask.core.scan;

import dev.unmask.core.media.MediaLimits;

/**
 * How a scan runs.
 *
 * @param threads worker threads (files analysed in parallel); at least 1
 * @param limits the central guard's limits
 * @param pixelBudget total decoded pixels allowed in memory at once across workers; a single image larger than
 *     the budget still runs, alone
 * @param previews make a reduced JPEG of each decoded image for reports ({@link FileResult#preview()})
 * @param skipUnsupported report files of unknown formats as skipped (not applicable) instead of as errors, even
 *     when the user named them (files found in folders are always skipped)
 */
public record ScanSettings(int threads, MediaLimits limits, long pixelBudget, boolean skipUnsupported, boolean previews) {
    /** Validates the settings. */
    public ScanSettings {
        if (threads < 1 || threads > 512) {
            throw new IllegalArgumentException("threads must be in 1..512: " + threads);
        }
        if (pixelBudget < 1) {
            throw new IllegalArgumentException("pixel budget must be positive");
        }
    }

    /** One thread per core, default limits, a 200-megapixel budget. */
    public static ScanSettings defaults() {
        return new ScanSettings(Runtime.getRuntime().availableProcessors(), MediaLimits.DEFAULT, 200_000_000L, false, false);
    }
}
