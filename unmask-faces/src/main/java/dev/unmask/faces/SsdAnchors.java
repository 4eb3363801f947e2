package dev.unmask.faces;

/**
 * Anchor centres of an SSD detector, generated the way MediaPipe's {@code SsdAnchorsCalculator} does for BlazeFace
 * (one aspect ratio 1.0, {@code interpolated_scale_aspect_ratio = 1.0}, {@code fixed_anchor_size = true},
 * anchor offset 0.5): consecutive layers with the same stride share one feature map, each layer contributing two
 * anchors per cell (the aspect-ratio anchor and the interpolated-scale anchor); cells run row by row, and the
 * anchors of a cell are consecutive. With a fixed anchor size every anchor is 1&times;1 in normalised units, so only
 * the centres matter.
 */
public final class SsdAnchors {
    /** Anchors each SSD layer adds per cell (aspect ratio 1.0 plus the interpolated scale). */
    static final int ANCHORS_PER_LAYER = 2;
    /** Offset of the anchor centre inside its cell, in cells. */
    static final double OFFSET = 0.5;

    private SsdAnchors() {}

    /**
     * The anchor centres, normalised to [0, 1] of the input side.
     *
     * @param inputSize side of the square input in pixels
     * @param strides the stride of each layer, in order
     * @return {@code [x0, y0, x1, y1, ...]}, one pair per anchor in the model's output order
     */
    public static float[] centers(int inputSize, int[] strides) {
        int count = 0;
        for (int layer = 0; layer < strides.length; ) {
            int next = sameStrideEnd(strides, layer);
            int grid = ceilDiv(inputSize, strides[layer]);
            count += grid * grid * ANCHORS_PER_LAYER * (next - layer);
            layer = next;
        }
        float[] out = new float[2 * count];
        int i = 0;
        for (int layer = 0; layer < strides.length; ) {
            int next = sameStrideEnd(strides, layer);
            int perCell = ANCHORS_PER_LAYER * (next - layer);
            int grid = ceilDiv(inputSize, strides[layer]);
            for (int y = 0; y < grid; y++) {
                for (int x = 0; x < grid; x++) {
                    for (int a = 0; a < perCell; a++) {
                        out[i++] = (float) ((x + OFFSET) / grid);
                        out[i++] = (float) ((y + OFFSET) / grid);
                    }
                }
            }
            layer = next;
        }
        return out;
    }

    private static int sameStrideEnd(int[] strides, int layer) {
        int next = layer;
        while (next < strides.length && strides[next] == strides[layer]) {
            next++;
        }
        return next;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
