package dev.unmask.analyzers.spectral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds isolated peaks in a log power spectrum: local maxima that rise far above the median of their
 * neighbourhood (prominence), well above its robust spread (z), and above everything in it outside the window's
 * main lobe (isolation; textures and edges give clusters and bands of maxima, up-sampling gives lone lines). Periodic up-sampling (transposed convolutions, nearest-neighbour or interpolating up-scaling)
 * leaves such peaks at fractions of the sampling rate, e.g. at 1/2 (2x) and 1/4 (4x) cycles/pixel along the axes
 * and diagonals (Durall et al., CVPR 2020; Frank et al., "Leveraging frequency analysis for deep fake image
 * recognition", ICML 2020; Zhang et al., WIFS 2019).
 */
final class PeakFinder {
    /** Maximum number of peaks reported per spectrum. */
    static final int MAX_PEAKS = 12;
    /** Half-width of the core around a peak left out of its background (the Hann window's main lobe). */
    private static final int CORE = 2;

    private PeakFinder() {}

    /**
     * One peak; the spectrum is symmetric, so only one of each mirrored pair is reported.
     *
     * @param fx horizontal frequency as a signed fraction of Nyquist (1.0 = 0.5 cycles/pixel)
     * @param fy vertical frequency as a signed fraction of Nyquist
     * @param prominenceDb height above the median of the surrounding spectrum
     * @param z prominence in robust standard deviations of the surrounding spectrum
     * @param jpegGrid whether the peak sits on a multiple of 1/8 cycles/pixel on both axes (JPEG 8x8 blocking)
     * @param source which spectrum: "residual" or "periodicity"
     * @param blockingCorrected whether {@code prominenceDb} is the excess over the JPEG blocking harmonics (see
     *     {@link PeakTriage})
     */
    record Peak(double fx, double fy, double prominenceDb, double z, boolean jpegGrid, String source,
                boolean blockingCorrected) {
        /** Radius as a fraction of Nyquist. */
        double radius() {
            return Math.hypot(fx, fy);
        }
    }

    /** The peaks of the natural-order dB spectrum {@code db} of side {@code n}, strongest first. */
    static List<Peak> find(double[] db, int n, SpectralSettings s, String source) {
        int r = Math.min(SpectralSettings.BACKGROUND_RADIUS, n / 4);
        List<Peak> out = new ArrayList<>();
        double cut = s.lowFrequencyCut() * n / 2; // in bins
        double cut2 = cut * cut;
        double[] window = new double[(2 * r + 1) * (2 * r + 1)];
        for (int v = 0; v < n; v++) {
            for (int u = 0; u < n; u++) {
                int idx = v * n + u;
                int mirror = ((n - v) % n) * n + (n - u) % n;
                if (mirror < idx || (u == 0 && v == 0)) {
                    continue;
                }
                int su = AzimuthalProfile.signed(u, n);
                int sv = AzimuthalProfile.signed(v, n);
                if ((double) su * su + (double) sv * sv < cut2 || !isLocalMax(db, n, u, v)) {
                    continue;
                }
                int m = 0;
                double ringMax = Double.NEGATIVE_INFINITY;
                for (int dv = -r; dv <= r; dv++) {
                    for (int du = -r; du <= r; du++) {
                        if (Math.abs(du) <= CORE && Math.abs(dv) <= CORE) {
                            continue;
                        }
                        double x = db[Math.floorMod(v + dv, n) * n + Math.floorMod(u + du, n)];
                        window[m++] = x;
                        ringMax = Math.max(ringMax, x);
                    }
                }
                double[] w = Arrays.copyOf(window, m);
                Arrays.sort(w);
                double median = w[m / 2];
                for (int i = 0; i < m; i++) {
                    w[i] = Math.abs(w[i] - median);
                }
                Arrays.sort(w);
                double sigma = 1.4826 * w[m / 2] + 1e-6;
                double prominence = db[idx] - median;
                double z = prominence / sigma;
                double isolation = db[idx] - ringMax;
                if (prominence >= s.minProminenceDb() && z >= s.minPeakZ() && isolation >= s.minIsolationDb()) {
                    out.add(new Peak(su * 2.0 / n, sv * 2.0 / n, prominence, z, onGrid(su, n) && onGrid(sv, n), source,
                            false));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Peak::prominenceDb).reversed());
        return out.size() > MAX_PEAKS ? List.copyOf(out.subList(0, MAX_PEAKS)) : out;
    }

    /** Whether signed frequency index {@code k} is within the tolerance of a multiple of n/8 (k/8 cycles/pixel). */
    static boolean onGrid(int k, int n) {
        int period = n / 8;
        int off = Math.floorMod(k, period);
        return Math.min(off, period - off) <= SpectralSettings.GRID_TOLERANCE_BINS;
    }

    private static boolean isLocalMax(double[] db, int n, int u, int v) {
        double c = db[v * n + u];
        for (int dv = -1; dv <= 1; dv++) {
            for (int du = -1; du <= 1; du++) {
                if ((du != 0 || dv != 0) && db[Math.floorMod(v + dv, n) * n + Math.floorMod(u + du, n)] >= c) {
                    return false;
                }
            }
        }
        return true;
    }
}
