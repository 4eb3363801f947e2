package dev.unmask.detect.spectral;

import dev.unmask.core.imaging.Fft;

/**
 * The 2-D discrete Fourier transform of an {@code n x n} real image, by rows then columns: the shared radix-2
 * Cooley-Tukey FFT ({@link Fft}) when {@code n} is a power of two, a direct transform with tabulated twiddles otherwise (O(n^3), fine for the crop sizes detectors use). Convention
 * {@code X[k] = sum x[j] exp(-2 pi i jk / n)}, unnormalised. Twiddles come from {@link StrictMath}, so results are
 * identical on every platform. Immutable and thread-safe; each call allocates its own work arrays.
 */
public final class SquareDft {
    private final int n;
    private final Fft fft;
    private final double[] cos;
    private final double[] sin;

    /** A transform for {@code n x n} inputs. */
    public SquareDft(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("DFT size must be >= 2: " + n);
        }
        this.n = n;
        this.fft = Integer.bitCount(n) == 1 ? new Fft(n) : null;
        cos = new double[n];
        sin = new double[n];
        for (int k = 0; k < n; k++) {
            double a = -2 * Math.PI * k / n;
            cos[k] = StrictMath.cos(a);
            sin[k] = StrictMath.sin(a);
        }
    }

    /** The side length. */
    public int size() {
        return n;
    }

    /**
     * The power spectrum {@code |X|^2} of a real {@code n x n} row-major image, in natural order (DC at index 0).
     */
    public double[] power(double[] image) {
        if (image.length != n * n) {
            throw new IllegalArgumentException("expected " + n * n + " samples, got " + image.length);
        }
        double[] re = image.clone();
        double[] im = new double[n * n];
        double[] rowRe = new double[n];
        double[] rowIm = new double[n];
        for (int pass = 0; pass < 2; pass++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int i = pass == 0 ? y * n + x : x * n + y;
                    rowRe[x] = re[i];
                    rowIm[x] = im[i];
                }
                transform(rowRe, rowIm);
                for (int x = 0; x < n; x++) {
                    int i = pass == 0 ? y * n + x : x * n + y;
                    re[i] = rowRe[x];
                    im[i] = rowIm[x];
                }
            }
        }
        double[] p = new double[n * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = re[i] * re[i] + im[i] * im[i];
        }
        return p;
    }

    /** Transforms one complex sequence of length {@code n} in place. */
    void transform(double[] re, double[] im) {
        if (fft != null) {
            fft.transform(re, im, 0, 1);
        } else {
            direct(re, im);
        }
    }

    private void direct(double[] re, double[] im) {
        double[] or = new double[n];
        double[] oi = new double[n];
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                int t = (int) ((long) k * j % n);
                sr += re[j] * cos[t] - im[j] * sin[t];
                si += re[j] * sin[t] + im[j] * cos[t];
            }
            or[k] = sr;
            oi[k] = si;
        }
        System.arraycopy(or, 0, re, 0, n);
        System.arraycopy(oi, 0, im, 0, n);
    }
}
