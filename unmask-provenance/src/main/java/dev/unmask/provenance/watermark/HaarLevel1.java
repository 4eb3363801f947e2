package dev.unmask.provenance.watermark;

/**
 * Level-1 two-dimensional Haar transform in the order PyWavelets computes it ({@code pywt.dwt2(x, 'haar')}: rows
 * pairs first, then column pairs, each output {@code c*x[2k+1] + c*x[2k]} with {@code c = 1/sqrt(2)} rounded to
 * double), optionally rounding every step to single precision as pywt does for {@code float32} input.
 *
 * <p>{@link #inverseSwapped} reproduces the library's reconstruction call {@code idwt2((cA, (cV, cH, cD)))}, which
 * passes the horizontal and vertical detail bands in swapped order: every 2x2 pixel block comes back transposed.
 */
final class HaarLevel1 {
    /** pywt's Haar filter tap. */
    private static final double C = 0.7071067811865476;

    private HaarLevel1() {}

    private static double r(double v, boolean f32) {
        return f32 ? (float) v : v;
    }

    /**
     * Forward transform of the {@code w x h} plane (both even). Returns {aa, da, ad, dd}, each {@code (w/2) x (h/2)}
     * row-major; {@code aa} is the approximation band cA.
     */
    static double[][] forward(double[] x, int w, int h, boolean f32) {
        int hw = w / 2;
        int hh = h / 2;
        double[] lo = new double[hh * w];
        double[] hi = new double[hh * w];
        for (int i = 0; i < hh; i++) {
            for (int j = 0; j < w; j++) {
                double x0 = x[(2 * i) * w + j];
                double x1 = x[(2 * i + 1) * w + j];
                lo[i * w + j] = r(r(C * x1, f32) + r(C * x0, f32), f32);
                hi[i * w + j] = r(r(-C * x1, f32) + r(C * x0, f32), f32);
            }
        }
        double[][] out = new double[4][hh * hw];
        for (int i = 0; i < hh; i++) {
            for (int k = 0; k < hw; k++) {
                double a0 = lo[i * w + 2 * k];
                double a1 = lo[i * w + 2 * k + 1];
                double d0 = hi[i * w + 2 * k];
                double d1 = hi[i * w + 2 * k + 1];
                int o = i * hw + k;
                out[0][o] = r(r(C * a1, f32) + r(C * a0, f32), f32);
                out[2][o] = r(r(-C * a1, f32) + r(C * a0, f32), f32);
                out[1][o] = r(r(C * d1, f32) + r(C * d0, f32), f32);
                out[3][o] = r(r(-C * d1, f32) + r(C * d0, f32), f32);
            }
        }
        return out;
    }

    /**
     * One row of the approximation band (cA of {@link #forward}, same arithmetic) from the two image rows
     * {@code x0} (even) and {@code x1} (odd) of width {@code w}, written to {@code out} from {@code offset}.
     */
    static void approximationRow(double[] x0, double[] x1, int w, boolean f32, double[] out, int offset) {
        for (int k = 0; k < w / 2; k++) {
            double lo0 = r(r(C * x1[2 * k], f32) + r(C * x0[2 * k], f32), f32);
            double lo1 = r(r(C * x1[2 * k + 1], f32) + r(C * x0[2 * k + 1], f32), f32);
            out[offset + k] = r(r(C * lo1, f32) + r(C * lo0, f32), f32);
        }
    }

    /** Inverse of {@link #forward} with the two detail bands exchanged, as the library calls it. */
    static double[] inverseSwapped(double[][] bands, int w, int h, boolean f32) {
        int hw = w / 2;
        int hh = h / 2;
        double[] aa = bands[0];
        double[] da = bands[2];
        double[] ad = bands[1];
        double[] dd = bands[3];
        double[] a = new double[hh * w];
        double[] d = new double[hh * w];
        for (int i = 0; i < hh; i++) {
            for (int k = 0; k < hw; k++) {
                int o = i * hw + k;
                a[i * w + 2 * k] = r(r(C * aa[o], f32) + r(C * ad[o], f32), f32);
                a[i * w + 2 * k + 1] = r(r(C * aa[o], f32) + r(-C * ad[o], f32), f32);
                d[i * w + 2 * k] = r(r(C * da[o], f32) + r(C * dd[o], f32), f32);
                d[i * w + 2 * k + 1] = r(r(C * da[o], f32) + r(-C * dd[o], f32), f32);
            }
        }
        double[] x = new double[w * h];
        for (int i = 0; i < hh; i++) {
            for (int j = 0; j < w; j++) {
                double av = a[i * w + j];
                double dv = d[i * w + j];
                x[(2 * i) * w + j] = r(r(C * av, f32) + r(C * dv, f32), f32);
                x[(2 * i + 1) * w + j] = r(r(C * av, f32) + r(-C * dv, f32), f32);
            }
        }
        return x;
    }
}
