package dev.unmask.gan.detector;

/**
 * Platt scaling (Platt, "Probabilistic Outputs for Support Vector Machines and Comparisons to Regularized
 * Likelihood Methods", 1999): a calibrated probability {@code p = 1 / (1 + exp(-(a s + b)))} from a raw score
 * {@code s}, with a and b fitted by maximum likelihood on labelled scores. Targets are Platt's smoothed labels
 * ((N+ + 1) / (N+ + 2) for positives, 1 / (N- + 2) for negatives), which keep a perfectly separated calibration
 * set from driving a to infinity; the fit is Newton's method with a backtracking line search and stable log
 * terms (Lin, Lin and Weng, "A note on Platt's probabilistic outputs for support vector machines", Machine
 * Learning 68, 2007).
 *
 * @param a slope
 * @param b offset
 */
public record PlattScaling(double a, double b) {
    /** The identity calibration {@code p = sigmoid(s)}. */
    public static final PlattScaling IDENTITY = new PlattScaling(1, 0);
    private static final int MAX_ITERATIONS = 100;
    private static final double RIDGE = 1e-12;

    /** Validates the parameters. */
    public PlattScaling {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("Platt parameters must be finite, got a=" + a + ", b=" + b);
        }
    }

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
     * Fits a and b to {@code scores}, where {@code positive[i]} says whether sample i belongs to the class whose
     * probability is wanted.
     *
     * @throws IllegalArgumentException when the arrays differ in length or a class is empty
     */
    public static PlattScaling fit(double[] scores, boolean[] positive) {
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
            throw new IllegalArgumentException("Platt scaling needs both classes, got " + pos + " positive and " + neg
                    + " negative");
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
            if (Math.abs(g1) < 1e-9 * n && Math.abs(g2) < 1e-9 * n) {
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
        return new PlattScaling(a, b);
    }

    /** Negative log-likelihood with soft targets: sum of t softplus(-z) + (1 - t) softplus(z). */
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
