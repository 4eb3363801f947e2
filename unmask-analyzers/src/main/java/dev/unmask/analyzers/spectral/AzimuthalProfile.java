package dev.unmask.analyzers.spectral;

/**
 * Log-scale normalisation of a 2-D power spectrum and its azimuthal average, the 1-D spectrum of Durall, Keuper
 * &amp; Keuper, "Watch your up-convolution: CNN based generative deep neural networks are failing to reproduce
 * spectral distributions", CVPR 2020.
 *
 * <p>Normalisation: power is divided by its mean over all non-DC frequencies, so 0 dB means "as much power as a
 * white spectrum of the same total power". This makes tiles of different sizes and images of different contrast
 * comparable. Radius is measured as a fraction of the Nyquist frequency (0.5 cycles/pixel) along the axes; the
 * corners beyond Nyquist are left out of the profile.
 *
 * @param db the profile in dB relative to white, {@link SpectralSettings#RADIAL_BINS} bins over [0, 1] Nyquist
 * @param tailSlopeDbPerNyquist least-squares slope of the profile over the tail bins, dB per unit of Nyquist
 * @param tailEnergy fraction of the non-DC power at radii &ge; the tail start (corners included)
 */
record AzimuthalProfile(double[] db, double tailSlopeDbPerNyquist, double tailEnergy) {
    /** The spectrum in dB relative to white, floored at {@link SpectralSettings#FLOOR_DB}; natural order. */
    static double[] toDb(double[] power) {
        double mean = 0;
        for (int i = 1; i < power.length; i++) {
            mean += power[i];
        }
        mean /= Math.max(1, power.length - 1);
        double[] out = new double[power.length];
        for (int i = 0; i < power.length; i++) {
            out[i] = mean > 0 ? Math.max(SpectralSettings.FLOOR_DB, 10 * Math.log10(power[i] / mean + 1e-30))
                    : SpectralSettings.FLOOR_DB;
        }
        return out;
    }

    /** Radius of FFT bin {@code (u, v)} of an {@code n x n} spectrum as a fraction of Nyquist. */
    static double radius(int u, int v, int n) {
        double fu = signed(u, n);
        double fv = signed(v, n);
        return Math.hypot(fu, fv) * 2.0 / n;
    }

    /** The signed frequency index of natural-order bin {@code k}: in [-n/2, n/2). */
    static int signed(int k, int n) {
        return k < n / 2 ? k : k - n;
    }

    /** Computes the profile of a natural-order power spectrum of side {@code n}. */
    static AzimuthalProfile of(double[] power, int n, double tailStart) {
        int bins = SpectralSettings.RADIAL_BINS;
        double[] sum = new double[bins];
        int[] count = new int[bins];
        double total = 0;
        double tail = 0;
        for (int v = 0; v < n; v++) {
            for (int u = 0; u < n; u++) {
                if (u == 0 && v == 0) {
                    continue;
                }
                double p = power[v * n + u];
                double r = radius(u, v, n);
                total += p;
                if (r >= tailStart) {
                    tail += p;
                }
                if (r <= 1) {
                    int b = Math.min(bins - 1, (int) (r * bins));
                    sum[b] += p;
                    count[b]++;
                }
            }
        }
        double mean = total / Math.max(1, n * n - 1);
        double[] lin = new double[bins];
        boolean[] has = new boolean[bins];
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                lin[b] = sum[b] / count[b];
                has[b] = true;
            }
        }
        fillGaps(lin, has);
        double[] db = new double[bins];
        for (int b = 0; b < bins; b++) {
            db[b] = mean > 0 ? Math.max(SpectralSettings.FLOOR_DB, 10 * Math.log10(lin[b] / mean + 1e-30))
                    : SpectralSettings.FLOOR_DB;
        }
        return new AzimuthalProfile(db, slope(db, tailStart), total > 0 ? tail / total : 0);
    }

    /** Linear interpolation over bins no frequency sample fell in (small tiles have sparse low radii). */
    private static void fillGaps(double[] v, boolean[] has) {
        int prev = -1;
        for (int i = 0; i < v.length; i++) {
            if (!has[i]) {
                continue;
            }
            if (prev < 0) {
                for (int j = 0; j < i; j++) {
                    v[j] = v[i];
                }
            } else {
                for (int j = prev + 1; j < i; j++) {
                    double t = (double) (j - prev) / (i - prev);
                    v[j] = v[prev] * (1 - t) + v[i] * t;
                }
            }
            prev = i;
        }
        if (prev >= 0) {
            for (int j = prev + 1; j < v.length; j++) {
                v[j] = v[prev];
            }
        }
    }

    private static double slope(double[] db, double tailStart) {
        int bins = db.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int m = 0;
        for (int b = 0; b < bins; b++) {
            double x = (b + 0.5) / bins;
            if (x < tailStart) {
                continue;
            }
            sx += x;
            sy += db[b];
            sxx += x * x;
            sxy += x * db[b];
            m++;
        }
        double den = m * sxx - sx * sx;
        return m < 2 || den == 0 ? 0 : (m * sxy - sx * sy) / den;
    }
}
