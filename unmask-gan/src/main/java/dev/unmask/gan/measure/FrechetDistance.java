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
 * <p>The last trace is computed without a non-symmetric matrix square root. For any factors with
 * C1 = F1 F1^T and C2 = F2 F2^T, the eigenvalues of C1^(1/2) C2 C1^(1/2) are those of C1 C2, whose non-zero
 * eigenvalues are those of the symmetric positive semi-definite Gram matrix (F2^T F1)^T (F2^T F1) (or of
 * F1^T C2 F1), so the trace is the sum of the square roots of that matrix's eigenvalues, found with the symmetric
 * solver {@link SymmetricEigen}. Factors: with n <= d samples the centred data themselves (exact, and cheaper:
 * the matrices are n x n), otherwise sqrt(lambda) times the eigenvectors of the covariance. Negative eigenvalues
 * (round-off, at most a few ulps of the largest) are treated as zero, and a distance below zero by round-off is
 * reported as zero.
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

    /** tr((C1^(1/2) C2 C1^(1/2))^(1/2)) = sum of sqrt(eigenvalues of C1 C2). */
    static double traceSqrtProduct(FeatureStats a, FeatureStats b) {
        double[][] h;
        if (a.hasDataFactor() && b.hasDataFactor()) {
            double[][] p = multiplyTransposed(b.factorRows(), a.factorRows());
            h = p.length >= p[0].length ? gramOfColumns(p) : multiplyTransposed(p, p);
        } else if (a.hasDataFactor()) {
            h = sandwich(a.factorRows(), b.covarianceView());
        } else if (b.hasDataFactor()) {
            h = sandwich(b.factorRows(), a.covarianceView());
        } else {
            h = sandwich(a.factorRows(), b.covarianceView());
        }
        double sum = 0;
        for (double l : SymmetricEigen.of(h, false).values()) {
            if (l > 0) {
                sum += Math.sqrt(l);
            }
        }
        return sum;
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

    /** P^T P for P (m x n). */
    private static double[][] gramOfColumns(double[][] p) {
        int n = p[0].length;
        double[][] out = new double[n][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (double[] row : p) {
                    s += row[i] * row[j];
                }
                out[i][j] = s;
            }
        });
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                out[j][i] = out[i][j];
            }
        }
        return out;
    }

    /** R C R^T for rows R (k x d) and symmetric C (d x d). */
    private static double[][] sandwich(double[][] r, double[][] c) {
        double[][] rc = multiplyTransposed(r, c);
        return multiplyTransposed(rc, r);
    }
}
