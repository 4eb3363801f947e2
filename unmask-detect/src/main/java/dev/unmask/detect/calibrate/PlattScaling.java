package dev.unmask.detect.calibrate;

import dev.unmask.core.stats.PlattFit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Platt scaling: {@code p = 1 / (1 + exp(-(a z + b)))} with {@code a, b} fitted by maximum likelihood on held-out
 * scores, with Platt's smoothed targets {@code (N+ + 1) / (N+ + 2)} for positives and {@code 1 / (N- + 2)} for
 * negatives so a small, separable validation set does not give infinite slopes (J. Platt, "Probabilistic Outputs
 * for Support Vector Machines and Comparisons to Regularized Likelihood Methods", 1999; Newton's method with
 * step halving as in Lin, Lin and Weng, Machine Learning 68, 2007).
 *
 * @param a the slope (positive for a useful detector)
 * @param b the intercept
 */
public record PlattScaling(double a, double b) implements Calibration {
    /** Checks the parameters are finite. */
    public PlattScaling {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("Platt parameters must be finite: " + a + ", " + b);
        }
    }

    @Override
    public double probability(double logit) {
        return PlattFit.sigmoid(a * logit + b);
    }

    @Override
    public CalibrationMethod method() {
        return CalibrationMethod.PLATT;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method().id());
        m.put("a", a);
        m.put("b", b);
        return m;
    }

    static PlattScaling fromMap(Map<String, ?> m) {
        return new PlattScaling(((Number) m.get("a")).doubleValue(), ((Number) m.get("b")).doubleValue());
    }

    /** Fits {@code a, b} to scores and 0/1 targets ({@link PlattFit}; both classes must be present). */
    public static PlattScaling fit(double[] z, int[] y) {
        if (z.length != y.length || z.length == 0) {
            throw new IllegalArgumentException("need as many targets as scores, and at least one");
        }
        boolean[] positive = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            positive[i] = y[i] == 1;
        }
        PlattFit f = PlattFit.fit(z, positive);
        return new PlattScaling(f.a(), f.b());
    }
}
