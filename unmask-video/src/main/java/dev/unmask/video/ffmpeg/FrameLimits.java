package dev.unmask.video.ffmpeg;

import dev.unmask.core.media.MediaLimits;

/**
 * The central guard's frame-size limits ({@link MediaLimits#maxPixels()}, {@link MediaLimits#maxDimension()}, set with
 * {@code --limit}) applied to video: to the sizes a container declares, before any decoder allocates a frame, and to
 * FFmpeg's stream probing as {@code max_pixels}.
 *
 * @param maxPixels largest width &times; height of one frame
 * @param maxDimension largest width or height
 */
public record FrameLimits(long maxPixels, int maxDimension) {
    /** The frame limits of the core's guard limits ({@code max-pixels}, {@code max-dimension}). */
    public static FrameLimits from(MediaLimits limits) {
        return new FrameLimits(Math.min(Integer.MAX_VALUE, limits.maxPixels()), limits.maxDimension());
    }

    /** Validates the limits. */
    public FrameLimits {
        if (maxPixels < 1 || maxPixels > Integer.MAX_VALUE || maxDimension < 1) {
            throw new IllegalArgumentException("frame limits must be positive (max-pixels at most " + Integer.MAX_VALUE + ")");
        }
    }

    /**
     * Refuses a declared frame size.
     *
     * @param what what declares the size, e.g. "the video stream's header"
     * @throws VideoException {@code bad_dimensions} or {@code too_many_pixels}
     */
    public void check(long w, long h, String what) throws VideoException {
        if (w <= 0 || h <= 0) {
            throw new VideoException(VideoException.BAD_DIMENSIONS, what + " declares " + w + "x" + h + " pixels (zero size)");
        }
        if (w > maxDimension || h > maxDimension) {
            throw new VideoException(VideoException.BAD_DIMENSIONS, what + " declares " + w + "x" + h
                    + " pixels; a side over " + maxDimension + " is refused before decoding (limit max-dimension)");
        }
        if (w * h > maxPixels) {
            throw new VideoException(VideoException.TOO_MANY_PIXELS, what + " declares " + w + "x" + h + " = " + (w * h)
                    + " pixels per frame, over the limit of " + maxPixels + "; refused before decoding (limit max-pixels)");
        }
    }
}
