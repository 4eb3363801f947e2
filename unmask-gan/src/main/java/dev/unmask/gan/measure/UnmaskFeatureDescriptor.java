package dev.unmask.gan.measure;

import dev.unmask.core.imaging.Fft;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * UFD-v1, the Unmask feature descriptor version 1: a fixed, hand-designed, 75-dimensional description of an
 * image's colour, texture and spectrum, computed in pure Java with {@link StrictMath} so that every JVM gives the same
 * numbers. It is what {@code unmask gan measure} compares image sets with when no Inception-v3 model is supplied.
 * Distances in this space are <b>not comparable to published FID figures</b> (which use Inception-v3 pool3
 * features); they are comparable with each other (same version, same sample counts) to follow a training run or
 * to rank checkpoints.
 *
 * <p>The image's centre square is resampled to 64x64 ({@link SquareResampler}: area averaging down, bilinear up),
 * RGB in [0, 1], and turned into the opponent channels L = (R+G+B)/3, O1 = (R-G)/2, O2 = (R+G-2B)/4
 * (colour moments after Stricker and Orengo, "Similarity of color images", SPIE 1995). Features, in order:
 * <ol>
 *   <li>colour (26): mean and standard deviation of L, O1, O2 (6); the mean of each over the four quadrants (12);
 *       an 8-bin histogram of L over [0, 1] with linear soft binning, summing to 1 (8);</li>
 *   <li>texture (33), at 64, 32 and 16 px (2x2 box reduction of L), each: mean and standard deviation of the
 *       central-difference gradient magnitude (2); an 8-bin histogram of unsigned gradient orientation over
 *       [0, pi) weighted by magnitude, linearly soft-binned and summing to 1, or 1/8 each on a flat image (as in
 *       HOG, Dalal and Triggs, CVPR 2005) (8); mean absolute 4-neighbour Laplacian (1);</li>
 *   <li>spectrum (16): the power spectrum of the Hann-windowed, mean-removed L at 64x64, averaged over 16 rings of
 *       radius (0, 2], (2, 4], ..., (30, 32] cycles per image (the azimuthal average of Durall, Keuper and Keuper,
 *       "Watch your Up-Convolution", CVPR 2020), each ring's share p of the total, as log10(p + 1e-6) / 6 (1/16 each
 *       for a flat image).</li>
 * </ol>
 * Border pixels are skipped by the gradient and Laplacian. Every feature is of order 0.01 to 1, so no feature
 * dominates the distances by its unit alone.
 */
public final class UnmaskFeatureDescriptor implements FeatureSpace {
    /** The descriptor's name and version. */
    public static final String NAME = "UFD-v1";
    /** Working resolution. */
    public static final int SIDE = 64;
    /** Feature count. */
    public static final int DIMENSION = 75;
    private static final int BINS = 8;
    private static final int RINGS = 16;
    /**
     * Ring power below which the image counts as flat (round-off of a constant image is ~1e-28; one grey level of
     * contrast over one cycle already gives ~1e-2).
     */
    private static final double FLAT_POWER = 1e-12;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Unmask feature descriptor v1: 75 fixed colour, gradient-texture and spectral statistics at 64x64 "
                + "(pure Java, deterministic); not comparable to published FID";
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public boolean comparableToPublishedFid() {
        return false;
    }

    @Override
    public float[][] features(List<BufferedImage> images) {
        return images.parallelStream().map(UnmaskFeatureDescriptor::describe).toArray(float[][]::new);
    }

    /** The 75 features of one image. */
    public static float[] describe(BufferedImage img) {
        float[][] rgb = SquareResampler.rgb(img, SIDE);
        int n = SIDE * SIDE;
        double[] l = new double[n];
        double[] o1 = new double[n];
        double[] o2 = new double[n];
        for (int i = 0; i < n; i++) {
            double r = rgb[0][i];
            double g = rgb[1][i];
            double b = rgb[2][i];
            l[i] = (r + g + b) / 3;
            o1[i] = (r - g) / 2;
            o2[i] = (r + g - 2 * b) / 4;
        }
        double[] f = new double[DIMENSION];
        int at = 0;
        for (double[] ch : new double[][] {l, o1, o2}) {
            double mean = 0;
            for (double v : ch) {
                mean += v;
            }
            mean /= n;
            double var = 0;
            for (double v : ch) {
                var += (v - mean) * (v - mean);
            }
            f[at++] = mean;
            f[at++] = StrictMath.sqrt(var / n);
        }
        int half = SIDE / 2;
        for (double[] ch : new double[][] {l, o1, o2}) {
            for (int q = 0; q < 4; q++) {
                int x0 = (q % 2) * half;
                int y0 = (q / 2) * half;
                double s = 0;
                for (int y = y0; y < y0 + half; y++) {
                    for (int x = x0; x < x0 + half; x++) {
                        s += ch[y * SIDE + x];
                    }
                }
                f[at++] = s / (half * half);
            }
        }
        double[] hist = new double[BINS];
        for (double v : l) {
            softBin(hist, Math.min(1, Math.max(0, v)) * BINS - 0.5, false);
        }
        for (double h : hist) {
            f[at++] = h / n;
        }
        double[] level = l;
        int side = SIDE;
        for (int s = 0; s < 3; s++) {
            at = texture(level, side, f, at);
            level = halve(level, side);
            side /= 2;
        }
        at = spectrum(l, f, at);
        if (at != DIMENSION) {
            throw new IllegalStateException("UFD-v1 filled " + at + " features");
        }
        float[] out = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            out[i] = (float) f[i];
        }
        return out;
    }

    /** Adds weight 1 split linearly between the two bins nearest to position {@code x} (bin centres at integers). */
    private static void softBin(double[] hist, double x, boolean circular) {
        softBin(hist, x, 1, circular);
    }

    private static void softBin(double[] hist, double x, double weight, boolean circular) {
        int k = hist.length;
        int lo = (int) StrictMath.floor(x);
        double frac = x - lo;
        int hi = lo + 1;
        if (circular) {
            lo = Math.floorMod(lo, k);
            hi = Math.floorMod(hi, k);
        } else {
            lo = Math.max(0, Math.min(k - 1, lo));
            hi = Math.max(0, Math.min(k - 1, hi));
        }
        hist[lo] += weight * (1 - frac);
        hist[hi] += weight * frac;
    }

    private static int texture(double[] g, int side, double[] f, int at) {
        double sum = 0;
        double sumSq = 0;
        double lap = 0;
        double[] orient = new double[BINS];
        int count = 0;
        for (int y = 1; y < side - 1; y++) {
            for (int x = 1; x < side - 1; x++) {
                int i = y * side + x;
                double gx = (g[i + 1] - g[i - 1]) / 2;
                double gy = (g[i + side] - g[i - side]) / 2;
                double m = StrictMath.sqrt(gx * gx + gy * gy);
                sum += m;
                sumSq += m * m;
                lap += Math.abs(g[i + 1] + g[i - 1] + g[i + side] + g[i - side] - 4 * g[i]);
                if (m > 0) {
                    double theta = StrictMath.atan2(gy, gx);
                    if (theta < 0) {
                        theta += StrictMath.PI;
                    }
                    softBin(orient, theta / StrictMath.PI * BINS - 0.5, m, true);
                }
                count++;
            }
        }
        double mean = sum / count;
        f[at++] = mean;
        f[at++] = StrictMath.sqrt(Math.max(0, sumSq / count - mean * mean));
        for (int k = 0; k < BINS; k++) {
            f[at++] = sum > 0 ? orient[k] / sum : 1.0 / BINS;
        }
        f[at++] = lap / count;
        return at;
    }

    private static double[] halve(double[] g, int side) {
        int h = side / 2;
        double[] out = new double[h * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < h; x++) {
                int i = 2 * y * side + 2 * x;
                out[y * h + x] = (g[i] + g[i + 1] + g[i + side] + g[i + side + 1]) / 4;
            }
        }
        return out;
    }

    private static int spectrum(double[] l, double[] f, int at) {
        int n = SIDE;
        double mean = 0;
        for (double v : l) {
            mean += v;
        }
        mean /= l.length;
        double[] window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = 0.5 - 0.5 * StrictMath.cos(2 * StrictMath.PI * i / (n - 1));
        }
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                re[y * n + x] = (l[y * n + x] - mean) * window[y] * window[x];
            }
        }
        new Fft(n).transform2d(re, im);
        double[] ring = new double[RINGS];
        int[] count = new int[RINGS];
        double ringWidth = (n / 2.0) / RINGS;
        for (int y = 0; y < n; y++) {
            int fy = y < n / 2 ? y : y - n;
            for (int x = 0; x < n; x++) {
                int fx = x < n / 2 ? x : x - n;
                double r = StrictMath.sqrt(fx * fx + fy * fy);
                if (r == 0 || r > n / 2.0) {
                    continue;
                }
                int b = Math.min(RINGS - 1, (int) StrictMath.ceil(r / ringWidth) - 1);
                int i = y * n + x;
                ring[b] += re[i] * re[i] + im[i] * im[i];
                count[b]++;
            }
        }
        double total = 0;
        for (int b = 0; b < RINGS; b++) {
            ring[b] /= count[b];
            total += ring[b];
        }
        boolean flat = total < FLAT_POWER;
        for (int b = 0; b < RINGS; b++) {
            double share = flat ? 1.0 / RINGS : ring[b] / total;
            f[at++] = StrictMath.log10(share + 1e-6) / 6;
        }
        return at;
    }

    @Override
    public void close() {
    }
}
