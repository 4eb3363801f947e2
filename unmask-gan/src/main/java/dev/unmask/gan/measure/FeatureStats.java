package dev.unmask.gan.measure;

import java.util.stream.IntStream;

/**
 * First and second moments of a set of feature vectors, in double precision: the mean and the unbiased sample
 * covariance (divisor n - 1), computed in two passes (mean first, then centred products) so that large means do
 * not cancel the covariance's digits. When there are no more vectors than dimensions the centred vectors are
 * kept as well: they are an exact low-rank square-root factor of the covariance, which {@link FrechetDistance}
 * uses instead of an eigendecomposition.
 */
public final class FeatureStats {
    private final int count;
    private final double[] mean;
    private final double[][] covariance;
    private final double[][] centredRows;

    private FeatureStats(int count, double[] mean, double[][] covariance, double[][] centredRows) {
        this.count = count;
        this.mean = mean;
        this.covariance = covariance;
        this.centredRows = centredRows;
    }

    /**
     * The statistics of {@code features} (one row per sample, all the same length).
     *
     * @throws IllegalArgumentException with fewer than 2 rows, ragged rows or a non-finite value
     */
    public static FeatureStats of(float[][] features) {
        int n = features.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 feature vectors for a covariance, got " + n);
        }
        int d = features[0].length;
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            float[] f = features[i];
            if (f.length != d) {
                throw new IllegalArgumentException("feature vector " + i + " has " + f.length + " values, not " + d);
            }
            for (int k = 0; k < d; k++) {
                if (!Float.isFinite(f[k])) {
                    throw new IllegalArgumentException("feature " + k + " of vector " + i + " is " + f[k]);
                }
                mean[k] += f[k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= n;
        }
        double[][] centred = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                centred[i][k] = features[i][k] - mean[k];
            }
        }
        double[][] cov = new double[d][d];
        double inv = 1.0 / (n - 1);
        IntStream.range(0, d).parallel().forEach(a -> {
            double[] row = cov[a];
            for (double[] c : centred) {
                double ca = c[a];
                if (ca != 0) {
                    for (int b = 0; b <= a; b++) {
                        row[b] += ca * c[b];
                    }
                }
            }
            for (int b = 0; b <= a; b++) {
                row[b] *= inv;
            }
        });
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[b][a] = cov[a][b];
            }
        }
        double[][] rows = null;
        if (n <= d) {
            double s = Math.sqrt(inv);
            for (double[] c : centred) {
                for (int k = 0; k < d; k++) {
                    c[k] *= s;
                }
            }
            rows = centred;
        }
        return new FeatureStats(n, mean, cov, rows);
    }

    /** Number of vectors. */
    public int count() {
        return count;
    }

    /** Feature dimension. */
    public int dimension() {
        return mean.length;
    }

    /** The mean vector. */
    public double[] mean() {
        return mean.clone();
    }

    /** The covariance matrix (a copy). */
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    double[][] covarianceView() {
        return covariance;
    }

    /**
     * Rows R (k x d) with R^T R equal to the covariance: the centred vectors divided by sqrt(n - 1) when
     * n <= d, else sqrt(lambda_i) times each eigenvector of the covariance.
     */
    double[][] factorRows() {
        if (centredRows != null) {
            return centredRows;
        }
        SymmetricEigen e = SymmetricEigen.of(covariance, true);
        double[] l = e.values();
        double[][] u = e.vectors();
        int d = l.length;
        double[][] rows = new double[d][d];
        for (int i = 0; i < d; i++) {
            double s = Math.sqrt(Math.max(0, l[i]));
            for (int k = 0; k < d; k++) {
                rows[i][k] = s * u[k][i];
            }
        }
        return rows;
    }
}
