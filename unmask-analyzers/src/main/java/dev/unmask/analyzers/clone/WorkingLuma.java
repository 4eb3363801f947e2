package dev.unmask.analyzers.clone;

import dev.unmask.core.imaging.FloatPlane;

/**
 * The luma plane reduced by an integer factor with area averaging (each working pixel is the mean of a
 * {@code factor}&times;{@code factor} square), rounded to integer grey levels so the block statistics can be
 * computed exactly with integer running sums.
 *
 * @param width working width
 * @param height working height
 * @param factor how many full-resolution pixels one working pixel spans on each axis
 * @param px row-major grey levels 0..255
 */
record WorkingLuma(int width, int height, int factor, int[] px) {
    /** Reduces {@code luma} by the smallest integer factor giving at most {@code maxPixels} pixels. */
    static WorkingLuma of(FloatPlane luma, int maxPixels) {
        int w = luma.width();
        int h = luma.height();
        int f = 1;
        while ((long) (w / f) * (h / f) > maxPixels) {
            f++;
        }
        int ww = w / f;
        int hh = h / f;
        int[] out = new int[ww * hh];
        float[] d = luma.data();
        if (f == 1) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.round(d[i]);
            }
            return new WorkingLuma(ww, hh, 1, out);
        }
        float[] acc = new float[ww];
        float norm = 1f / (f * f);
        for (int y = 0; y < hh; y++) {
            java.util.Arrays.fill(acc, 0f);
            for (int k = 0; k < f; k++) {
                int row = (y * f + k) * w;
                for (int x = 0; x < ww; x++) {
                    int base = row + x * f;
                    float s = 0;
                    for (int j = 0; j < f; j++) {
                        s += d[base + j];
                    }
                    acc[x] += s;
                }
            }
            int o = y * ww;
            for (int x = 0; x < ww; x++) {
                out[o + x] = Math.round(acc[x] * norm);
            }
        }
        return new WorkingLuma(ww, hh, f, out);
    }
}
