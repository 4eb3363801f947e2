package dev.unmask.detect.calibrate;

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
        double t = a * logit + b;
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
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

    /** Fits {@code a, b} to scores and 0/1 targets. */
    public static PlattScaling fit(double[] z, int[] y) {
        if (z.length != y.length || z.length == 0) {
            throw new IllegalArgumentException("need as many targets as scores, and at least one");
        }
        int pos = 0;
        for (int t : y) {
            pos += t;
        }
        int neg = y.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double[] t = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            t[i] = y[i] == 1 ? hi : lo;
        }
        double a = 1;
        double b = Math.log((neg + 1.0) / (pos + 1.0)) * -1;
        double f = loss(z, t, a, b);
        for (int it = 0; it < 200; it++) {
            double g1 = 0;
            double g2 = 0;
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            for (int i = 0; i < z.length; i++) {
                double p = new PlattScaling(a, b).probability(z[i]);
                double d = p - t[i];
                double w = p * (1 - p);
                g1 += d * z[i];
                g2 += d;
                h11 += w * z[i] * z[i];
                h22 += w;
                h21 += w * z[i];
            }
            if (Math.abs(g1) < 1e-10 && Math.abs(g2) < 1e-10) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double step = 1;
            boolean improved = false;
            while (step >= 1e-10) {
                double na = a + step * da;
                double nb = b + step * db;
                double nf = loss(z, t, na, nb);
                if (nf < f + 1e-4 * step * (g1 * da + g2 * db)) {
                    a = na;
                    b = nb;
                    f = nf;
                    improved = true;
                    break;
                }
                step /= 2;
            }
            if (!improved) {
                break;
            }
        }
        return new PlattScaling(a, b);
    }

    private static double loss(double[] z, double[] t, double a, double b) {
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            double u = a * z[i] + b;
            // -[t log p + (1 - t) log(1 - p)] with p = sigmoid(u), computed stably
            s += u >= 0 ? (1 - t[i]) * u + Math.log1p(Math.exp(-u)) : -t[i] * u + Math.log1p(Math.exp(u));
        }
        return s;
    }
}
