package dev.unmask.provenance.watermark;

/**
 * Separable resampling of float planes with a triangle (tent) kernel whose radius is the larger of 1 and the
 * scale factor: area-like antialiasing when shrinking, bilinear interpolation when enlarging. Pixel centres are
 * aligned ({@code (o + 0.5) * in/out - 0.5}), so resizing an image does not move the mapping onto a fixed grid.
 */
final class Resampler {
    private final int outLen;
    private final int[] start;
    private final float[][] weights;

    private Resampler(int inLen, int outLen) {
        this.outLen = outLen;
        this.start = new int[outLen];
        this.weights = new float[outLen][];
        double scale = (double) inLen / outLen;
        double radius = Math.max(1.0, scale);
        for (int o = 0; o < outLen; o++) {
            double centre = (o + 0.5) * scale - 0.5;
            int lo = (int) Math.floor(centre - radius) + 1;
            int hi = (int) Math.ceil(centre + radius) - 1;
            float[] w = new float[hi - lo + 1];
            double sum = 0;
            for (int i = lo; i <= hi; i++) {
                double v = Math.max(0, 1 - Math.abs(i - centre) / radius);
                w[i - lo] = (float) v;
                sum += v;
            }
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) (w[k] / sum);
            }
            start[o] = lo;
            weights[o] = w;
        }
    }

    /** Resizes a row-major {@code w x h} plane to {@code ow x oh}. */
    static float[] resize(float[] src, int w, int h, int ow, int oh) {
        Resampler rx = new Resampler(w, ow);
        Resampler ry = new Resampler(h, oh);
        float[] tmp = new float[ow * h];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int o = 0; o < ow; o++) {
                float[] wt = rx.weights[o];
                int s = rx.start[o];
                float acc = 0;
                for (int k = 0; k < wt.length; k++) {
                    int i = Math.min(w - 1, Math.max(0, s + k));
                    acc += wt[k] * src[base + i];
                }
                tmp[y * ow + o] = acc;
            }
        }
        float[] out = new float[ow * oh];
        float[] col = new float[h];
        for (int x = 0; x < ow; x++) {
            for (int y = 0; y < h; y++) {
                col[y] = tmp[y * ow + x];
            }
            for (int o = 0; o < ry.outLen; o++) {
                float[] wt = ry.weights[o];
                int s = ry.start[o];
                float acc = 0;
                for (int k = 0; k < wt.length; k++) {
                    int i = Math.min(h - 1, Math.max(0, s + k));
                    acc += wt[k] * col[i];
                }
                out[o * ow + x] = acc;
            }
        }
        return out;
    }
}
