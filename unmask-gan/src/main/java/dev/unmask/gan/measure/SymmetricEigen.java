package dev.unmask.gan.measure;

/**
 * Eigenvalues (and optionally eigenvectors) of a real symmetric matrix, in double precision: Householder reduction
 * to tridiagonal form followed by the implicit QL algorithm with Wilkinson-style shifts (Golub and Van Loan,
 * "Matrix Computations", 4th ed., sections 8.3.1 and 8.3.5; Bowdler, Martin, Reinsch and Wilkinson, "The QR and QL
 * algorithms for symmetric matrices", Numer. Math. 11, 1968). Both steps use orthogonal transformations only, so
 * the computed eigenvalues are exact for a matrix within a few units of round-off (relative to its norm) of the
 * input, and the eigenvectors are orthonormal to working precision. O(n^3) time, O(n^2) memory.
 */
public final class SymmetricEigen {
    /** QL iterations allowed per eigenvalue before giving up (2-3 are usual). */
    static final int MAX_ITERATIONS = 64;

    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes {@code a} (only its lower triangle is read; the input is not changed).
     *
     * @param withVectors whether to compute eigenvectors (about three times the work)
     * @throws IllegalArgumentException when {@code a} is not square or holds a non-finite number
     * @throws ArithmeticException when QL does not converge (not seen on finite input)
     */
    public static SymmetricEigen of(double[][] a, boolean withVectors) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has " + a[i].length + " columns, not " + n);
            }
            m[i] = new double[n];
            for (int j = 0; j <= i; j++) {
                double v = a[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("matrix element (" + i + ", " + j + ") is " + v);
                }
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        double[][] q = withVectors ? identity(n) : null;
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalize(m, q, d, e);
        ql(d, e, q);
        return new SymmetricEigen(d, q);
    }

    /** The eigenvalues, in no particular order (index i matches column i of {@link #vectors()}). */
    public double[] values() {
        return values.clone();
    }

    /** The eigenvectors as columns ({@code vectors()[row][i]} belongs to eigenvalue i), or null if not computed. */
    public double[][] vectors() {
        if (vectors == null) {
            return null;
        }
        double[][] c = new double[vectors.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = vectors[i].clone();
        }
        return c;
    }

    private static double[][] identity(int n) {
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        return q;
    }

    /**
     * Householder reduction: for each column k, a reflection H = I - beta v v^T zeroes the entries below the
     * sub-diagonal; the trailing block is updated with the symmetric rank-2 form A - v w^T - w v^T, where
     * p = beta A v and w = p - (beta/2)(v^T p) v. Q accumulates the reflections from the right, so that
     * A = Q T Q^T. On return d holds T's diagonal and e[i] its (i+1, i) element.
     */
    private static void tridiagonalize(double[][] a, double[][] q, double[] d, double[] e) {
        int n = a.length;
        double[] v = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            int lo = k + 1;
            double scale = 0;
            for (int i = lo; i < n; i++) {
                scale = Math.max(scale, Math.abs(a[i][k]));
            }
            if (scale == 0) {
                continue;
            }
            double norm2 = 0;
            for (int i = lo; i < n; i++) {
                v[i] = a[i][k] / scale;
                norm2 += v[i] * v[i];
            }
            double first = v[lo];
            double alpha = -Math.copySign(Math.sqrt(norm2), first);
            v[lo] = first - alpha;
            double vtv = norm2 - first * first + v[lo] * v[lo];
            if (vtv == 0) {
                continue;
            }
            double beta = 2 / vtv;
            a[lo][k] = alpha * scale;
            a[k][lo] = a[lo][k];
            for (int i = lo + 1; i < n; i++) {
                a[i][k] = 0;
                a[k][i] = 0;
            }
            double vp = 0;
            for (int i = lo; i < n; i++) {
                double s = 0;
                double[] row = a[i];
                for (int j = lo; j < n; j++) {
                    s += row[j] * v[j];
                }
                p[i] = beta * s;
                vp += v[i] * p[i];
            }
            double half = beta * vp / 2;
            for (int i = lo; i < n; i++) {
                p[i] -= half * v[i];
            }
            for (int i = lo; i < n; i++) {
                double[] row = a[i];
                double vi = v[i];
                double wi = p[i];
                for (int j = lo; j < n; j++) {
                    row[j] -= vi * p[j] + wi * v[j];
                }
            }
            if (q != null) {
                for (double[] row : q) {
                    double s = 0;
                    for (int j = lo; j < n; j++) {
                        s += row[j] * v[j];
                    }
                    s *= beta;
                    for (int j = lo; j < n; j++) {
                        row[j] -= s * v[j];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            d[i] = a[i][i];
            e[i] = i + 1 < n ? a[i + 1][i] : 0;
        }
    }

    /**
     * Implicit QL on the tridiagonal (d, e): for each l, find the first negligible off-diagonal e[m] at or after l;
     * while m != l, chase a bulge from m up to l with Givens rotations, shifted by the eigenvalue of the leading
     * 2x2 block closer to d[l]. Rotations are applied to the columns of z when given.
     */
    private static void ql(double[] d, double[] e, double[][] z) {
        int n = d.length;
        for (int l = 0; l < n; l++) {
            int iterations = 0;
            while (true) {
                int m = l;
                while (m < n - 1) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= Math.ulp(dd)) {
                        break;
                    }
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (++iterations > MAX_ITERATIONS) {
                    throw new ArithmeticException("symmetric QL did not converge for eigenvalue " + l);
                }
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.hypot(g, 1);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1;
                double c = 1;
                double p = 0;
                boolean deflated = false;
                for (int i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0) {
                        d[i + 1] -= p;
                        e[m] = 0;
                        deflated = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    if (z != null) {
                        for (double[] row : z) {
                            double zi1 = row[i + 1];
                            row[i + 1] = s * row[i] + c * zi1;
                            row[i] = c * row[i] - s * zi1;
                        }
                    }
                }
                if (deflated) {
                    continue;
                }
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
        }
    }
}
