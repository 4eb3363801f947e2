package dev.unmask.gan.measure;

import java.awt.image.BufferedImage;

/**
 * Deterministic, pure-Java resampling of an image to a square of RGB planes in [0, 1], so that feature extractors
 * give the same numbers on every JVM: the centred square crop of the image (the largest one), then area averaging
 * when shrinking (each output pixel is the coverage-weighted mean of the source pixels under it) or bilinear
 * interpolation with pixel centres at half-integers (the convention of PyTorch's {@code align_corners=False})
 * when enlarging.
 */
final class SquareResampler {
    private SquareResampler() {
    }

    /** Planes {@code [3][side * side]} (R, G, B, row-major) of the centre square of {@code img}. */
    static float[][] rgb(BufferedImage img, int side) {
        int w = img.getWidth();
        int h = img.getHeight();
        int s = Math.min(w, h);
        int[] argb = img.getRGB((w - s) / 2, (h - s) / 2, s, s, null, 0, s);
        float[][] src = new float[3][s * s];
        for (int i = 0; i < argb.length; i++) {
            int c = argb[i];
            src[0][i] = ((c >> 16) & 0xFF) / 255f;
            src[1][i] = ((c >> 8) & 0xFF) / 255f;
            src[2][i] = (c & 0xFF) / 255f;
        }
        if (s == side) {
            return src;
        }
        float[][] out = new float[3][];
        for (int c = 0; c < 3; c++) {
            out[c] = s > side ? area(src[c], s, side) : bilinear(src[c], s, side);
        }
        return out;
    }

    /** Separable area averaging from {@code n x n} to {@code m x m}, m < n. */
    static float[] area(float[] src, int n, int m) {
        double[][] weights = new double[m][n];
        double scale = (double) n / m;
        for (int o = 0; o < m; o++) {
            double lo = o * scale;
            double hi = lo + scale;
            for (int i = (int) Math.floor(lo); i < Math.min(n, (int) Math.ceil(hi)); i++) {
                double overlap = Math.min(hi, i + 1) - Math.max(lo, i);
                if (overlap > 0) {
                    weights[o][i] = overlap / scale;
                }
            }
        }
        return separable(src, n, m, weights);
    }

    /** Separable bilinear interpolation from {@code n x n} to {@code m x m}, m > n. */
    static float[] bilinear(float[] src, int n, int m) {
        double[][] weights = new double[m][n];
        double scale = (double) n / m;
        for (int o = 0; o < m; o++) {
            double x = Math.max(0, (o + 0.5) * scale - 0.5);
            int i0 = Math.min(n - 1, (int) Math.floor(x));
            int i1 = Math.min(n - 1, i0 + 1);
            double f = x - i0;
            weights[o][i0] += 1 - f;
            weights[o][i1] += f;
        }
        return separable(src, n, m, weights);
    }

    private static float[] separable(float[] src, int n, int m, double[][] weights) {
        int[] first = new int[m];
        int[] last = new int[m];
        for (int o = 0; o < m; o++) {
            int f = 0;
            while (f < n - 1 && weights[o][f] == 0) {
                f++;
            }
            int l = n - 1;
            while (l > f && weights[o][l] == 0) {
                l--;
            }
            first[o] = f;
            last[o] = l;
        }
        double[] rows = new double[n * m];
        for (int y = 0; y < n; y++) {
            for (int o = 0; o < m; o++) {
                double[] wo = weights[o];
                double s = 0;
                for (int i = first[o]; i <= last[o]; i++) {
                    s += wo[i] * src[y * n + i];
                }
                rows[y * m + o] = s;
            }
        }
        float[] out = new float[m * m];
        for (int o = 0; o < m; o++) {
            double[] wo = weights[o];
            for (int x = 0; x < m; x++) {
                double s = 0;
                for (int i = first[o]; i <= last[o]; i++) {
                    s += wo[i] * rows[i * m + x];
                }
                out[o * m + x] = (float) s;
            }
        }
        return out;
    }
}
