package dev.unmask.detect.spectral;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares; Hastie,
 * Tibshirani and Friedman, "The Elements of Statistical Learning", 2nd ed., section 4.4.1), minimising
 * {@code mean_i log(1 + exp(-s_i z_i)) + (lambda / 2) |w|^2} on standardised features (the intercept is not
 * penalised). Each Newton step is solved by Cholesky decomposition and halved until the objective decreases, so
 * the fit converges from any start. Pure Java and sequential: the same data give the same weights, bit for bit.
 */
public final class LogisticRegression {
    /** Smallest feature standard deviation used for standardisation. */
    static final double MIN_SCALE = 1e-6;
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    private LogisticRegression() {
    }

    /**
     * Fits a classifier.
     *
     * @param x n rows of d features
     * @param y n targets, 0 or 1
     * @param lambda the L2 penalty (> 0)
     */
    public static SpectralClassifier fit(double[][] x, int[] y, double lambda) {
        int n = x.length;
        if (n == 0 || n != y.length) {
            throw new IllegalArgumentException("need as many targets as rows, and at least one row");
        }
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("L2 penalty must be > 0: " + lambda);
        }
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double t = row[j] - mean[j];
                scale[j] += t * t;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.max(MIN_SCALE, Math.sqrt(scale[j] / n));
        }
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
            z[i][d] = 1;
        }
        double[] theta = new double[d + 1];
        double obj = objective(z, y, theta, lambda);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] g = new double[d + 1];
            double[][] h = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(z[i], theta));
                double r = (p - y[i]) / n;
                double s = p * (1 - p) / n;
                for (int a = 0; a <= d; a++) {
                    g[a] += r * z[i][a];
                    double sa = s * z[i][a];
                    for (int b = 0; b <= a; b++) {
                        h[a][b] += sa * z[i][b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                g[a] += lambda * theta[a];
                h[a][a] += lambda;
            }
            h[d][d] += 1e-12;
            double[] step = choleskySolve(h, g);
            double t = 1;
            double[] next = new double[d + 1];
            double nextObj = obj;
            for (int half = 0; half < 40; half++) {
                for (int a = 0; a <= d; a++) {
                    next[a] = theta[a] - t * step[a];
                }
                nextObj = objective(z, y, next, lambda);
                if (nextObj <= obj) {
                    break;
                }
                t /= 2;
            }
            if (nextObj > obj) {
                break;
            }
            double change = 0;
            for (int a = 0; a <= d; a++) {
                change = Math.max(change, Math.abs(next[a] - theta[a]));
            }
            theta = next;
            obj = nextObj;
            if (change < TOLERANCE) {
                break;
            }
        }
        double[] w = new double[d];
        System.arraycopy(theta, 0, w, 0, d);
        return new SpectralClassifier(mean, scale, w, theta[d]);
    }

    static double objective(double[][] z, int[] y, double[] theta, double lambda) {
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            s += logLoss(dot(z[i], theta), y[i]);
        }
        double reg = 0;
        for (int a = 0; a < theta.length - 1; a++) {
            reg += theta[a] * theta[a];
        }
        return s / z.length + lambda / 2 * reg;
    }

    /** The binary cross-entropy of logit {@code z} against target {@code y}, computed without overflow. */
    public static double logLoss(double z, int y) {
        double m = y == 1 ? -z : z;
        return m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
    }

    /** The logistic function. */
    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Solves {@code A x = b} for a symmetric positive definite A given by its lower triangle. */
    static double[] choleskySolve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(s, 1e-300));
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * t[k];
            }
            t[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = t[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
