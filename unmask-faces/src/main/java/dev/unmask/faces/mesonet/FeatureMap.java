package dev.unmask.faces.mesonet;

/**
 * A feature map in planar (CHW) layout: value {@code (c, y, x)} at {@code data[(c * height + y) * width + x]}, so
 * the inner loops of convolution and pooling run along contiguous rows, which the JIT compiles to SIMD code. Keras
 * keeps channels last; {@link Flatten} restores Keras's (y, x, c) order before the dense layers. A vector is a
 * 1&times;1 map.
 */
final class FeatureMap {
    final int height;
    final int width;
    final int channels;
    final float[] data;

    FeatureMap(int height, int width, int channels) {
        this(height, width, channels, new float[Math.multiplyExact(Math.multiplyExact(height, width), channels)]);
    }

    FeatureMap(int height, int width, int channels, float[] data) {
        if (data.length != height * width * channels) {
            throw new IllegalArgumentException("data length " + data.length + " != " + height + "x" + width + "x"
                    + channels);
        }
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.data = data;
    }

    /** A planar map from a channels-last (HWC) array, the layout of Keras and of {@link MesoNet#toInput}. */
    static FeatureMap fromChannelsLast(int height, int width, int channels, float[] hwc) {
        FeatureMap m = new FeatureMap(height, width, channels);
        int plane = height * width;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                m.data[c * plane + p] = hwc[p * channels + c];
            }
        }
        return m;
    }

    /** The values in channels-last (y, x, c) order. */
    float[] toChannelsLast() {
        int plane = height * width;
        float[] out = new float[data.length];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < plane; p++) {
                out[p * channels + c] = data[c * plane + p];
            }
        }
        return out;
    }
}
