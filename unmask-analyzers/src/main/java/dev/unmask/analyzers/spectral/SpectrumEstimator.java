package dev.unmask.analyzers.spectral;

import dev.unmask.core.imaging.Fft;
import dev.unmask.core.imaging.FloatPlane;

/**
 * Averages two 2-D power spectra over the tiles of a {@link TileGrid}, each tile Hann-windowed and mean-removed:
 * <ul>
 *   <li>the <em>residual</em> spectrum: of the luma minus its 3x3 mean, a high-pass that removes the scene's
 *       steep 1/f^2 fall-off so up-sampling replicas and checkerboard peaks stand out (the high-pass-filtered
 *       spectra of Zhang, Karaman &amp; Chang, "Detecting and simulating artifacts in GAN fake images", WIFS 2019);
 *       it also feeds the azimuthal profile of Durall, Keuper &amp; Keuper (CVPR 2020);</li>
 *   <li>the <em>periodicity</em> spectrum: of |dL/dx| + |dL/dy|, the magnitude of the first differences. Re-sampling
 *       by an integer or rational factor makes the local variance of differences periodic, which a non-linear
 *       magnitude turns into spectral lines even when the linear spectrum shows none (nearest-neighbour and
 *       interpolating up-scaling; A. C. Gallagher, "Detection of linear and cubic interpolation in JPEG compressed
 *       images", CRV 2005; M. Kirchner, "Fast and reliable resampling detection by spectral analysis of fixed
 *       linear predictor residue", ACM MM&amp;Sec 2008).</li>
 * </ul>
 */
final class SpectrumEstimator {
    private SpectrumEstimator() {}

    /**
     * Averaged spectra, in natural FFT order ({@code index = v * n + u}, DC at 0).
     *
     * @param n tile side
     * @param tiles number of tiles averaged
     * @param residual mean power of the high-pass residual
     * @param periodicity mean power of the difference magnitude
     * @param residualRms root-mean-square of the windowed residual, in luma levels (0 on a flat image)
     */
    record Spectra(int n, int tiles, double[] residual, double[] periodicity, double residualRms) {}

    /** Computes the spectra of {@code luma} over the planned tiles. */
    static Spectra estimate(FloatPlane luma, TileGrid grid) {
        int n = grid.size();
        Fft fft = new Fft(n);
        double[] hann = new double[n];
        for (int i = 0; i < n; i++) {
            double s = Math.sin(Math.PI * i / n);
            hann[i] = s * s;
        }
        double[] accR = new double[n * n];
        double[] accP = new double[n * n];
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        double energy = 0;
        double windowEnergy = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                windowEnergy += hann[x] * hann[y] * hann[x] * hann[y];
            }
        }
        for (int[] o : grid.origins()) {
            fillTile(luma, o[0], o[1], n, re, im);
            energy += transformPair(fft, re, im, hann, accR, accP);
        }
        int k = grid.origins().size();
        for (int i = 0; i < accR.length; i++) {
            accR[i] /= k;
            accP[i] /= k;
        }
        double rms = Math.sqrt(energy / (k * windowEnergy));
        return new Spectra(n, k, accR, accP, rms);
    }

    /** Writes the 3x3-mean residual into {@code res} and the difference magnitude into {@code mag}. */
    private static void fillTile(FloatPlane luma, int x0, int y0, int n, double[] res, double[] mag) {
        int w = luma.width();
        int h = luma.height();
        float[] d = luma.data();
        for (int y = 0; y < n; y++) {
            int gy = y0 + y;
            int up = Math.max(0, gy - 1) * w;
            int row = gy * w;
            int down = Math.min(h - 1, gy + 1) * w;
            for (int x = 0; x < n; x++) {
                int gx = x0 + x;
                int l = Math.max(0, gx - 1);
                int r = Math.min(w - 1, gx + 1);
                double sum = d[up + l] + d[up + gx] + d[up + r] + d[row + l] + d[row + gx] + d[row + r]
                        + d[down + l] + d[down + gx] + d[down + r];
                double c = d[row + gx];
                res[y * n + x] = c - sum / 9.0;
                mag[y * n + x] = Math.abs(d[row + r] - c) + Math.abs(d[down + gx] - c);
            }
        }
    }

    /**
     * Removes each signal's mean, windows both, and transforms them together as one complex signal
     * {@code re + i im} (two real FFTs for the price of one); then adds |F_re|^2 to {@code accR} and |F_im|^2 to
     * {@code accP}, using F_re(k) = (Z(k) + conj Z(-k)) / 2 and F_im(k) = (Z(k) - conj Z(-k)) / 2i.
     *
     * @return the energy of the windowed {@code re} signal
     */
    private static double transformPair(Fft fft, double[] re, double[] im, double[] hann, double[] accR, double[] accP) {
        int n = hann.length;
        double meanR = 0;
        double meanI = 0;
        for (int i = 0; i < re.length; i++) {
            meanR += re[i];
            meanI += im[i];
        }
        meanR /= re.length;
        meanI /= im.length;
        double energy = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int i = y * n + x;
                double w = hann[x] * hann[y];
                re[i] = (re[i] - meanR) * w;
                im[i] = (im[i] - meanI) * w;
                energy += re[i] * re[i];
            }
        }
        fft.transform2d(re, im);
        for (int v = 0; v < n; v++) {
            int mv = (n - v) % n;
            for (int u = 0; u < n; u++) {
                int i = v * n + u;
                int j = mv * n + (n - u) % n;
                double ar = (re[i] + re[j]) / 2; // F_re = (Z(k) + conj Z(-k)) / 2
                double ai = (im[i] - im[j]) / 2;
                double br = (im[i] + im[j]) / 2; // F_im = (Z(k) - conj Z(-k)) / 2i
                double bi = (re[j] - re[i]) / 2;
                accR[i] += ar * ar + ai * ai;
                accP[i] += br * br + bi * bi;
            }
        }
        return energy;
    }
}
