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

    /**
     * Bytes of heap budgeted per decoded pixel while the default analyzers run on it (RGB image, shared luma plane,
     * per-analyzer residuals and maps). Measured: a 12-megapixel JPEG runs every default analyzer in a 200 MB heap
     * (about 17 bytes per pixel) and loses analyzers to OutOfMemoryError, reported as failed, at 160 MB; 24 leaves a
     * margin for the JVM's own use.
     */
    public static final long BYTES_PER_PIXEL_IN_FLIGHT = 24;

    /** One thread per core, default limits, and a pixel budget derived from the heap ({@link #pixelBudgetFor}). */
    public static ScanSettings defaults() {
        return new ScanSettings(Runtime.getRuntime().availableProcessors(), MediaLimits.DEFAULT,
                pixelBudgetFor(Runtime.getRuntime().maxMemory()), false, false);
    }

    /**
     * The pixel budget for a heap of {@code maxHeapBytes}: the heap divided by {@link #BYTES_PER_PIXEL_IN_FLIGHT},
     * kept between 16 and 400 megapixels. A single image larger than the budget still runs, alone.
     */
    public static long pixelBudgetFor(long maxHeapBytes) {
        long budget = maxHeapBytes / BYTES_PER_PIXEL_IN_FLIGHT;
        return Math.max(16_000_000L, Math.min(400_000_000L, budget));
    }
}
