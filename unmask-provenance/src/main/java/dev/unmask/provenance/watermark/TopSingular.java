package dev.unmask.provenance.watermark;

/**
 * Largest singular value and its singular vectors of a small square matrix (the 4x4 blocks of the dwtDctSvd
 * method), by cyclic Jacobi diagonalisation of {@code B^T B}. The orthonormal DCT leaves singular values unchanged,
 * so {@code svd(dct(B))} and {@code svd(B)} share {@code s[0]}, and changing {@code s[0]} by {@code d} in the DCT
 * domain equals adding {@code d u v^T} to {@code B}.
 */
final class TopSingular {
    private static final int SWEEPS = 30;
    private static final double EPS = 1e-15;
    private static final int POWER_ITERATIONS = 200;
    private static final double POWER_TOLERANCE = 1e-15;

    /** The singular value. */
    final double sigma;
    /** Left singular vector (length n). */
    final double[] u;
    /** Right singular vector (length n). */
    final double[] v;

    private TopSingular(double sigma, double[] u, double[] v) {
        this.sigma = sigma;
        this.u = u;
        this.v = v;
    }

    /**
     * Largest singular value only, by power iteration on {@code B^T B} (fast for the nearly rank-one blocks of a
     * chroma approximation band), falling back to {@link #of} when it has not converged.
     */
    static double sigma(double[] b, int n) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += b[k * n + i] * b[k * n + j];
                }
                m[i * n + j] = s;
                m[j * n + i] = s;
            }
        }
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1);
        double lambda = 0;
        double[] y = new double[n];
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += m[i * n + k] * x[k];
                }
                y[i] = s;
                norm += s * s;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return of(b, n).sigma;
            }
            double next = 0;
            for (int i = 0; i < n; i++) {
                next += x[i] * y[i];
                x[i] = y[i] / norm;
            }
            if (it > 0 && Math.abs(norm - lambda) <= POWER_TOLERANCE * norm) {
                return Math.sqrt(norm);
            }
            lambda = norm;
        }
        return of(b, n).sigma;
    }

    /** Top triplet of the {@code n x n} row-major matrix {@code b}. */
    static TopSingular of(double[] b, int n) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += b[k * n + i] * b[k * n + j];
                }
                m[i * n + j] = s;
            }
        }
        double[] vecs = new double[n * n];
        for (int i = 0; i < n; i++) {
            vecs[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += m[p * n + q] * m[p * n + q];
                }
            }
            if (off < EPS * EPS) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = m[p * n + q];
                    if (Math.abs(apq) < EPS) {
                        continue;
                    }
                    double theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double mkp = m[k * n + p];
                        double mkq = m[k * n + q];
                        m[k * n + p] = c * mkp - s * mkq;
                        m[k * n + q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double mpk = m[p * n + k];
                        double mqk = m[q * n + k];
                        m[p * n + k] = c * mpk - s * mqk;
                        m[q * n + k] = s * mpk + c * mqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = vecs[k * n + p];
                        double vkq = vecs[k * n + q];
                        vecs[k * n + p] = c * vkp - s * vkq;
                        vecs[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (m[i * n + i] > m[best * n + best]) {
                best = i;
            }
        }
        double sigma = Math.sqrt(Math.max(0, m[best * n + best]));
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = vecs[k * n + best];
        }
        double[] u = new double[n];
        if (sigma > 0) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += b[i * n + k] * v[k];
                }
                u[i] = s / sigma;
            }
        } else {
            u[0] = 1;
        }
        return new TopSingular(sigma, u, v);
    }
}
