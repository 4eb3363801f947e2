package dev.unmask.core.imaging;

import java.util.Objects;

/**
 * A single-channel image of floats in row-major order. Used for luma, residuals and score maps.
 *
 * @param width width in samples
 * @param height height in samples
 * @param data {@code width * height} samples, row-major; shared, not copied
 */
public record FloatPlane(int width, int height, float[] data) {
    /** Validates the shape. */
    public FloatPlane {
        Objects.requireNonNull(data, "data");
        if (width <= 0 || height <= 0 || (long) width * height != data.length) {
            throw new IllegalArgumentException("plane shape " + width + "x" + height + " does not match " + data.length);
        }
    }

    /** A zero-filled plane. */
    public static FloatPlane zeros(int width, int height) {
        return new FloatPlane(width, height, new float[Math.multiplyExact(width, height)]);
    }

    /** The sample at column {@code x}, row {@code y}. */
    public float get(int x, int y) {
        return data[y * width + x];
    }

    /** Sets the sample at column {@code x}, row {@code y}. */
    public void set(int x, int y, float v) {
        data[y * width + x] = v;
    }

    /** The smallest and largest finite sample, as {@code {min, max}}. */
    public float[] range() {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : data) {
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        return new float[] {lo, hi};
    }

    /** Mean of all samples. */
    public double mean() {
        double s = 0;
        for (float v : data) {
            s += v;
        }
        return s / data.length;
    }
}
