package dev.unmask.provenance.watermark;

/** Orthonormal 8x8 DCT-II and its inverse (JPEG's block transform, ITU-T T.81 A.3.3). */
final class Dct8 {
    static final int N = 8;
    private static final double[] BASIS = new double[N * N];

    static {
        for (int k = 0; k < N; k++) {
            double c = k == 0 ? Math.sqrt(1.0 / N) : Math.sqrt(2.0 / N);
            for (int x = 0; x < N; x++) {
                BASIS[k * N + x] = c * Math.cos((2 * x + 1) * k * Math.PI / (2 * N));
            }
        }
    }

    private Dct8() {}

    /** Forward transform of the block at ({@code bx}, {@code by}) of a plane of width {@code w} into {@code out}. */
    static void forward(float[] plane, int w, int bx, int by, double[] out) {
        double[] tmp = new double[N * N];
        for (int y = 0; y < N; y++) {
            int row = (by * N + y) * w + bx * N;
            for (int u = 0; u < N; u++) {
                double s = 0;
                for (int x = 0; x < N; x++) {
                    s += BASIS[u * N + x] * plane[row + x];
                }
                tmp[y * N + u] = s;
            }
        }
        for (int v = 0; v < N; v++) {
            for (int u = 0; u < N; u++) {
                double s = 0;
                for (int y = 0; y < N; y++) {
                    s += BASIS[v * N + y] * tmp[y * N + u];
                }
                out[v * N + u] = s;
            }
        }
    }

    /** Inverse transform of coefficients {@code coef}, added into the block of {@code plane}. */
    static void inverseAdd(double[] coef, float[] plane, int w, int bx, int by) {
        double[] tmp = new double[N * N];
        for (int v = 0; v < N; v++) {
            for (int x = 0; x < N; x++) {
                double s = 0;
                for (int u = 0; u < N; u++) {
                    s += BASIS[u * N + x] * coef[v * N + u];
                }
                tmp[v * N + x] = s;
            }
        }
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double s = 0;
                for (int v = 0; v < N; v++) {
                    s += BASIS[v * N + y] * tmp[v * N + x];
                }
                plane[(by * N + y) * w + bx * N + x] += (float) s;
            }
        }
    }
}
