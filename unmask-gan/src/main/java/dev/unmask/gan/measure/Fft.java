package dev.unmask.gan.measure;

/** In-place iterative radix-2 complex FFT (Cooley and Tukey 1965) for power-of-two lengths, with StrictMath twiddles. */
final class Fft {
    private Fft() {
    }

    /** Forward transform (sign -1, no scaling) of {@code re + i im}; the length must be a power of two. */
    static void transform(double[] re, double[] im) {
        int n = re.length;
        if (Integer.bitCount(n) != 1 || im.length != n) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j |= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * StrictMath.PI / len;
            for (int k = 0; k < len / 2; k++) {
                double wr = StrictMath.cos(angle * k);
                double wi = StrictMath.sin(angle * k);
                for (int start = 0; start < n; start += len) {
                    int a = start + k;
                    int b = a + len / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
