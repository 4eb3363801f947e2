package dev.unmask.gan.measure;

import java.util.stream.IntStream;

/**
 * The Fréchet distance between two Gaussians fitted to two feature sets (Dowson and Landau, "The Fréchet distance
 * between multivariate normal distributions", J. Multivariate Anal. 12, 1982), which is the FID of Heusel et al.,
 * "GANs Trained by a Two Time-Scale Update Rule Converge to a Local Nash Equilibrium", NeurIPS 2017, when the
 * features are Inception-v3 pool3 activations:
 *
 * <pre>d^2 = |mu1 - mu2|^2 + tr(C1) + tr(C2) - 2 tr((C1^(1/2) C2 C1^(1/2))^(1/2))</pre>
 *
 * <p>The last trace is computed without a matrix square root of a non-symmetric matrix. For any factors with
 * C1 = F1 F1^T and C2 = F2 F2^T, the eigenvalues of C1^(1/2) C2 C1^(1/2) are those of C1 C2, whose non-zero
 * eigenvalues are those of (F2^T F1)^T (F2^T F1), so the trace is the sum of the singular values of
 * P = F2^T F1 (its nuclear norm), found by one-sided Jacobi directly on P (no squaring, so singular values near
 * zero, which a rank-deficient covariance has many of, do not turn into square roots of round-off noise).
 * Factors: with n <= d samples the centred data themselves (exact, and cheaper: P is n1 x n2), otherwise
 * sqrt(lambda) times the eigenvectors of the covariance ({@link SymmetricEigen}; round-off negative eigenvalues
 * count as zero). A distance below zero by round-off is reported as zero.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /**
     * The distance and its parts.
     *
     * @param distance d^2 (the quantity published as FID)
     * @param meanTerm |mu1 - mu2|^2
     * @param traceTerm tr(C1) + tr(C2) - 2 tr((C1^(1/2) C2 C1^(1/2))^(1/2))
     */
    public record Result(double distance, double meanTerm, double traceTerm) {
    }

    /** The Fréchet distance between the Gaussians of {@code a} and {@code b}. */
    public static Result between(FeatureStats a, FeatureStats b) {
        int d = a.dimension();
        if (b.dimension() != d) {
            throw new IllegalArgumentException("feature dimensions differ: " + d + " and " + b.dimension());
        }
        double[] ma = a.mean();
        double[] mb = b.mean();
        double meanTerm = 0;
        double traces = 0;
        double[][] ca = a.covarianceView();
        double[][] cb = b.covarianceView();
        for (int i = 0; i < d; i++) {
            double diff = ma[i] - mb[i];
            meanTerm += diff * diff;
            traces += ca[i][i] + cb[i][i];
        }
        double cross = traceSqrtProduct(a, b);
        double traceTerm = traces - 2 * cross;
        double distance = Math.max(0, meanTerm + traceTerm);
        return new Result(distance, meanTerm, traceTerm);
    }

    /** tr((C1^(1/2) C2 C1^(1/2))^(1/2)) = sum of sqrt(eigenvalues of C1 C2) = nuclear norm of F2^T F1. */
    static double traceSqrtProduct(FeatureStats a, FeatureStats b) {
        return nuclearNorm(multiplyTransposed(b.factorRows(), a.factorRows()));
    }

    /**
     * The sum of the singular values of {@code p}: by one-sided Jacobi (Hestenes 1958; Demmel and Veselić, "Jacobi's
     * method is more accurate than QR", SIAM J. Matrix Anal. Appl. 13, 1992), which finds each singular value to
     * about one ulp of the largest, when the smaller side is at most {@value #JACOBI_LIMIT}; above that, from the
     * eigenvalues of the smaller Gram matrix, which is much faster but resolves singular values below about 1e-8
     * of the largest only roughly.
     */
    static double nuclearNorm(double[][] p) {
        int m = p.length;
        int n = m == 0 ? 0 : p[0].length;
        if (m == 0 || n == 0) {
            return 0;
        }
        double[][] cols = n <= m ? transpose(p) : copy(p);
        if (cols.length <= JACOBI_LIMIT) {
            return oneSidedJacobi(cols);
        }
        double[][] gram = multiplyTransposed(cols, cols);
        double sum = 0;
        for (double l : SymmetricEigen.of(gram, false).values()) {
            if (l > 0) {
                sum += Math.sqrt(l);
            }
        }
        return sum;
    }

    /** Largest side solved by one-sided Jacobi. */
    static final int JACOBI_LIMIT = 1024;
    private static final int MAX_SWEEPS = 60;

    /** Orthogonalises the rows pairwise by plane rotations until all pairs are orthogonal; returns the sum of row norms. */
    private static double oneSidedJacobi(double[][] rows) {
        int k = rows.length;
        double eps = Math.ulp(1.0);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int i = 0; i < k - 1; i++) {
                double[] a = rows[i];
                for (int j = i + 1; j < k; j++) {
                    double[] b = rows[j];
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    for (int t = 0; t < a.length; t++) {
                        alpha += a[t] * a[t];
                        beta += b[t] * b[t];
                        gamma += a[t] * b[t];
                    }
                    if (gamma == 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double tan = Math.copySign(1, zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + tan * tan);
                    double s = c * tan;
                    for (int t = 0; t < a.length; t++) {
                        double x = a[t];
                        double y = b[t];
                        a[t] = c * x - s * y;
                        b[t] = s * x + c * y;
                    }
                }
            }
            if (!rotated) {
                break;
            }
        }
        double sum = 0;
        for (double[] r : rows) {
            double q = 0;
            for (double v : r) {
                q += v * v;
            }
            sum += Math.sqrt(q);
        }
        return sum;
    }

    private static double[][] transpose(double[][] p) {
        double[][] t = new double[p[0].length][p.length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p[0].length; j++) {
                t[j][i] = p[i][j];
            }
        }
        return t;
    }

    private static double[][] copy(double[][] p) {
        double[][] c = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            c[i] = p[i].clone();
        }
        return c;
    }

    /** X Y^T for row-major X (m x k) and Y (n x k). */
    static double[][] multiplyTransposed(double[][] x, double[][] y) {
        int m = x.length;
        int n = y.length;
        double[][] out = new double[m][n];
        IntStream.range(0, m).parallel().forEach(i -> {
            double[] xi = x[i];
            for (int j = 0; j < n; j++) {
                double[] yj = y[j];
                double s = 0;
                for (int k = 0; k < xi.length; k++) {
                    s += xi[k] * yj[k];
                }
                out[i][j] = s;
            }
        });
        return out;
    }
}
