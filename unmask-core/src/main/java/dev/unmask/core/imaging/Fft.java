package dev.unmask.core.imaging;

/**
 * An iterative radix-2 Cooley-Tukey fast Fourier transform (decimation in time, bit-reversed input order) for
 * power-of-two sizes, with precomputed twiddle factors. Immutable after construction and therefore safe to share
 * between threads; each call works in the caller's arrays. The one FFT of Unmask: the spectral analyzer, the spectral
 * detector and the GAN studio's feature descriptor use it.
 *
 * <p>Convention: {@code X[k] = sum_n x[n] exp(-2 pi i k n / N)}, no normalisation (J. W. Cooley and J. W.
 * Tukey, "An algorithm for the machine calculation of complex Fourier series", Math. Comp. 19, 1965).
 */
public final class Fft {
    private final int n;
    private final int[] bitReverse;
    private final double[] cos;
    private final double[] sin;

    /**
     * @param n transform size, a power of two &ge; 1
     * @throws IllegalArgumentException when {@code n} is not a power of two
     */
    public Fft(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two: " + n);
        }
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        bitReverse = new int[n];
        for (int i = 0; i < n; i++) {
            bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[Math.max(1, n / 2)];
        sin = new double[Math.max(1, n / 2)];
        for (int k = 0; k < n / 2; k++) {
            double a = -2 * Math.PI * k / n;
            cos[k] = StrictMath.cos(a); // StrictMath: identical twiddles on every platform
            sin[k] = StrictMath.sin(a);
        }
    }

    /** The transform size. */
    public int size() {
        return n;
    }

    /**
     * Transforms {@code n} complex samples in place: element {@code j} is at {@code re[off + j * stride]},
     * {@code im[off + j * stride]}.
     */
    public void transform(double[] re, double[] im, int off, int stride) {
        for (int i = 0; i < n; i++) {
            int j = bitReverse[i];
            if (j > i) {
                int a = off + i * stride;
                int b = off + j * stride;
                double t = re[a];
                re[a] = re[b];
                re[b] = t;
                t = im[a];
                im[a] = im[b];
                im[b] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sin[k * step];
                    int a = off + (start + k) * stride;
                    int b = off + (start + k + half) * stride;
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

    /**
     * Transforms an {@code n x n} row-major complex array in place: rows, transpose, rows, transpose back (the
     * transposes keep every 1-D transform on contiguous memory, which is several times faster than strided columns).
     */
    public void transform2d(double[] re, double[] im) {
        if (re.length != n * n || im.length != n * n) {
            throw new IllegalArgumentException("expected " + n + "x" + n + " samples");
        }
        for (int y = 0; y < n; y++) {
            transform(re, im, y * n, 1);
        }
        transpose(re);
        transpose(im);
        for (int y = 0; y < n; y++) {
            transform(re, im, y * n, 1);
        }
        transpose(re);
        transpose(im);
    }

    private void transpose(double[] a) {
        for (int y = 0; y < n; y++) {
            for (int x = y + 1; x < n; x++) {
                int i = y * n + x;
                int j = x * n + y;
                double t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
    }

    /** The naive O(N^2) DFT of {@code re + i im}, for tests: returns {@code {re, im}}. */
    static double[][] naiveDft(double[] re, double[] im) {
        int len = re.length;
        double[] or = new double[len];
        double[] oi = new double[len];
        for (int k = 0; k < len; k++) {
            double sr = 0;
            double si = 0;
            for (int t = 0; t < len; t++) {
                double a = -2 * Math.PI * ((long) k * t % len) / len;
                double c = Math.cos(a);
                double s = Math.sin(a);
                sr += re[t] * c - im[t] * s;
                si += re[t] * s + im[t] * c;
            }
            or[k] = sr;
            oi[k] = si;
        }
        return new double[][] {or, oi};
    }
}
