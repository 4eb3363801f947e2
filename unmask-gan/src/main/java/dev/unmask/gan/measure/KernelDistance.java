package dev.unmask.gan.measure;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Kernel Inception Distance (Bińkowski, Sutherland, Arbel and Gretton, "Demystifying MMD GANs", ICLR 2018): the
 * squared maximum mean discrepancy between two feature sets under the cubic polynomial kernel
 * {@code k(x, y) = (x.y / d + 1)^3}, with the unbiased estimator (Gretton et al., "A Kernel Two-Sample Test",
 * JMLR 13, 2012, equation 3), which allows different set sizes m and n:
 *
 * <pre>MMD^2_u = sum_{i!=j} k(x_i,x_j) / (m(m-1)) + sum_{i!=j} k(y_i,y_j) / (n(n-1)) - 2 sum_{i,j} k(x_i,y_j) / (mn)</pre>
 *
 * <p>Unlike the Fréchet distance it has no bias from the sample size, so it can come out slightly negative when
 * both sets come from one distribution. As in the paper, large sets are measured on random subsets (drawn without
 * replacement within a subset, with a fixed seed) and the mean and standard deviation over subsets are reported;
 * when both sets fit in one subset the estimate uses all of them once.
 */
public final class KernelDistance {
    /** Subset size of the paper's reference implementation. */
    public static final int DEFAULT_SUBSET_SIZE = 1000;
    /** Number of subsets of the paper's reference implementation. */
    public static final int DEFAULT_SUBSETS = 100;

    private KernelDistance() {
    }

    /**
     * An estimate.
     *
     * @param mean the mean unbiased MMD^2 over the subsets (or the single estimate)
     * @param std standard deviation over the subsets (0 for a single estimate)
     * @param subsets subsets averaged (1 when all samples were used at once)
     * @param subsetSize samples per set in each subset
     */
    public record Result(double mean, double std, int subsets, int subsetSize) {
    }

    /** The cubic polynomial kernel {@code (x.y / d + 1)^3}. */
    public static double kernel(float[] x, float[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += (double) x[k] * y[k];
        }
        double v = s / x.length + 1;
        return v * v * v;
    }

    /** Unbiased MMD^2 of all of {@code x} against all of {@code y} (each with at least 2 rows). */
    public static double unbiasedMmd2(float[][] x, float[][] y) {
        int m = x.length;
        int n = y.length;
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("KID needs at least 2 samples per set, got " + m + " and " + n);
        }
        if (x[0].length != y[0].length) {
            throw new IllegalArgumentException("feature dimensions differ: " + x[0].length + " and " + y[0].length);
        }
        double kxx = offDiagonalSum(x);
        double kyy = offDiagonalSum(y);
        double kxy = IntStream.range(0, m).parallel().mapToDouble(i -> {
            double s = 0;
            for (float[] yj : y) {
                s += kernel(x[i], yj);
            }
            return s;
        }).sum();
        return kxx / ((double) m * (m - 1)) + kyy / ((double) n * (n - 1)) - 2 * kxy / ((double) m * n);
    }

    /**
     * KID of {@code x} against {@code y}: the mean over {@code subsets} random subsets of {@code subsetSize}
     * samples from each set, or one estimate on all samples when neither set is larger than the subset size.
     */
    public static Result estimate(float[][] x, float[][] y, int subsets, int subsetSize, long seed) {
        if (subsets < 1 || subsetSize < 2) {
            throw new IllegalArgumentException("KID needs >= 1 subset of >= 2 samples, got " + subsets + " of " + subsetSize);
        }
        if (x.length <= subsetSize && y.length <= subsetSize) {
            return new Result(unbiasedMmd2(x, y), 0, 1, Math.min(x.length, y.length));
        }
        int size = Math.min(subsetSize, Math.min(x.length, y.length));
        Random r = new Random(seed);
        double[] v = new double[subsets];
        for (int s = 0; s < subsets; s++) {
            v[s] = unbiasedMmd2(pick(x, size, r), pick(y, size, r));
        }
        double mean = 0;
        for (double a : v) {
            mean += a;
        }
        mean /= subsets;
        double var = 0;
        for (double a : v) {
            var += (a - mean) * (a - mean);
        }
        double std = subsets > 1 ? Math.sqrt(var / (subsets - 1)) : 0;
        return new Result(mean, std, subsets, size);
    }

    private static double offDiagonalSum(float[][] x) {
        return IntStream.range(0, x.length).parallel().mapToDouble(i -> {
            double s = 0;
            for (int j = i + 1; j < x.length; j++) {
                s += kernel(x[i], x[j]);
            }
            return 2 * s;
        }).sum();
    }

    /** {@code k} distinct rows chosen uniformly (partial Fisher-Yates shuffle of the indices). */
    private static float[][] pick(float[][] rows, int k, Random r) {
        int[] idx = new int[rows.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        float[][] out = new float[k][];
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            out[i] = rows[idx[i]];
        }
        return out;
    }
}
