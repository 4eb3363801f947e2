package dev.unmask.detect.augment;

/**
 * Down-scaling of packed-RGB pixels by area averaging: each output pixel is the mean of the input area it covers,
 * with fractional weights at its edges (the "box" or "area" filter, which does not alias when shrinking). Pure
 * Java, so the result is identical on every JDK and platform.
 */
public final class AreaScaling {
    private AreaScaling() {
    }

    /** Scales {@code rgb} ({@code w x h}) down to {@code ow x oh} (each at most the input's). */
    public static int[] down(int[] rgb, int w, int h, int ow, int oh) {
        if (ow > w || oh > h || ow < 1 || oh < 1) {
            throw new IllegalArgumentException("area scaling only shrinks: " + w + "x" + h + " -> " + ow + "x" + oh);
        }
        float[][] wx = weights(w, ow);
        float[][] wy = weights(h, oh);
        int[] x0 = first(w, ow);
        int[] y0 = first(h, oh);
        float[] rows = new float[3 * ow * h];
        for (int y = 0; y < h; y++) {
            for (int ox = 0; ox < ow; ox++) {
                float r = 0;
                float g = 0;
                float b = 0;
                float[] k = wx[ox];
                for (int j = 0; j < k.length; j++) {
                    int p = rgb[y * w + x0[ox] + j];
                    r += k[j] * ((p >> 16) & 0xff);
                    g += k[j] * ((p >> 8) & 0xff);
                    b += k[j] * (p & 0xff);
                }
                int i = 3 * (y * ow + ox);
                rows[i] = r;
                rows[i + 1] = g;
                rows[i + 2] = b;
            }
        }
        int[] out = new int[ow * oh];
        for (int oy = 0; oy < oh; oy++) {
            float[] k = wy[oy];
            for (int ox = 0; ox < ow; ox++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int j = 0; j < k.length; j++) {
                    int i = 3 * ((y0[oy] + j) * ow + ox);
                    r += k[j] * rows[i];
                    g += k[j] * rows[i + 1];
                    b += k[j] * rows[i + 2];
                }
                out[oy * ow + ox] = (GaussianBlur.clamp(r) << 16) | (GaussianBlur.clamp(g) << 8) | GaussianBlur.clamp(b);
            }
        }
        return out;
    }

    private static int[] first(int n, int on) {
        int[] f = new int[on];
        double s = (double) n / on;
        for (int o = 0; o < on; o++) {
            f[o] = (int) Math.floor(o * s);
        }
        return f;
    }

    /** For each output index the weights of the input samples it covers, starting at {@link #first}. */
    private static float[][] weights(int n, int on) {
        double s = (double) n / on;
        float[][] out = new float[on][];
        for (int o = 0; o < on; o++) {
            double a = o * s;
            double b = Math.min(n, (o + 1) * s);
            int i0 = (int) Math.floor(a);
            int i1 = Math.min(n - 1, (int) Math.ceil(b) - 1);
            float[] k = new float[i1 - i0 + 1];
            for (int i = i0; i <= i1; i++) {
                double cover = Math.min(b, i + 1) - Math.max(a, i);
                k[i - i0] = (float) (Math.max(0, cover) / s);
            }
            out[o] = k;
        }
        return out;
    }
}
