package dev.unmask.gan.detector;

import dev.unmask.core.stats.PlattFit;

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
        return PlattFit.sigmoid(z);
    }

    /**
     * Fits a and b to {@code scores}, where {@code positive[i]} says whether sample i belongs to the class whose
     * probability is wanted ({@link PlattFit}).
     *
     * @throws IllegalArgumentException when the arrays differ in length or a class is empty
     */
    public static PlattScaling fit(double[] scores, boolean[] positive) {
        PlattFit f = PlattFit.fit(scores, positive);
        return new PlattScaling(f.a(), f.b());
    }
}
