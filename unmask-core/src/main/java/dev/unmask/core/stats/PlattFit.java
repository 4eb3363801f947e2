package dev.unmask.core.stats;

/**
 * Platt scaling (Platt, "Probabilistic Outputs for Support Vector Machines", 1999, with the target smoothing and the
 * Newton method with backtracking of Lin, Lin and Weng, "A note on Platt's probabilistic outputs for support vector
 * machines", Machine Learning 68, 2007): fits {@code p = sigmoid(a * s + b)} to scores {@code s} and binary labels by
 * maximum likelihood, with the targets softened to {@code (N+ + 1) / (N+ + 2)} and {@code 1 / (N- + 2)} so a
 * separable set does not drive {@code a} to infinity. Used by every learned detector that calibrates its raw score.
 *
 * @param a the fitted slope
 * @param b the fitted intercept
 */
public record PlattFit(double a, double b) {
    private static final int MAX_ITERATIONS = 200;
    private static final double RIDGE = 1e-12;

    /** The calibrated probability of score {@code s}. */
    public double probability(double s) {
        return sigmoid(a * s + b);
    }

    /** The logistic function, without overflow. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /**
     * Fits {@code a} and {@code b} to {@code scores}, where {@code positive[i]} says whether sample i belongs to the
     * class whose probability is wanted.
     *
     * @throws IllegalArgumentException when the arrays differ in length or a class is empty
     */
    public static PlattFit fit(double[] scores, boolean[] positive) {
        int n = scores.length;
        if (positive.length != n) {
            throw new IllegalArgumentException(n + " scores but " + positive.length + " labels");
        }
        int pos = 0;
        for (boolean p : positive) {
            pos += p ? 1 : 0;
        }
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("Platt scaling needs both classes, got " + pos + " positive and " + neg + " negative");
        }
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = positive[i] ? hi : lo;
        }
        double a = 0;
        double b = Math.log((pos + 1.0) / (neg + 1.0));
        double f = loss(scores, t, a, b);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double g1 = 0;
            double g2 = 0;
            double h11 = RIDGE;
            double h22 = RIDGE;
            double h21 = 0;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(a * scores[i] + b);
                double d = p - t[i];
                double w = p * (1 - p);
                g1 += d * scores[i];
                g2 += d;
                h11 += w * scores[i] * scores[i];
                h22 += w;
                h21 += w * scores[i];
            }
            if (Math.abs(g1) < 1e-10 * n && Math.abs(g2) < 1e-10 * n) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double slope = g1 * da + g2 * db;
            double step = 1;
            boolean moved = false;
            while (step >= 1e-10) {
                double na = a + step * da;
                double nb = b + step * db;
                double nf = loss(scores, t, na, nb);
                if (nf <= f + 1e-4 * step * slope) {
                    a = na;
                    b = nb;
                    f = nf;
                    moved = true;
                    break;
                }
                step /= 2;
            }
            if (!moved) {
                break;
            }
        }
        return new PlattFit(a, b);
    }

    /** Negative log-likelihood with soft targets: the sum of t softplus(-z) + (1 - t) softplus(z). */
    private static double loss(double[] s, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            double z = a * s[i] + b;
            sum += t[i] * softplus(-z) + (1 - t[i]) * softplus(z);
        }
        return sum;
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
