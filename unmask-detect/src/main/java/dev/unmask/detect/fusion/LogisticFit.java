package dev.unmask.detect.fusion;

/**
 * Weighted logistic regression with an L2 penalty pulling the coefficients towards a prior, non-negative
 * coefficients, and an intercept that is either fixed (an offset) or fitted: it minimises
 * {@code Σ_i w_i · [log(1 + e^{z_i}) − y_i z_i] + (λ/2) Σ_j (β_j − β0_j)²} with {@code z_i = b + Σ_j β_j x_ij}, the
 * maximum a-posteriori estimate under a Gaussian prior centred on {@code β0} (Hastie, Tibshirani &amp; Friedman, The
 * Elements of Statistical Learning, 2nd ed., 4.4.4). Solved by cyclic coordinate descent with one-dimensional Newton
 * steps, projected on {@code β_j ≥ 0} and halved until the objective decreases (Friedman, Hastie &amp; Tibshirani,
 * "Regularization paths for generalized linear models via coordinate descent", J. Stat. Softw. 33, 2010), which is
 * deterministic: the same data give the same coefficients to the last bit.
 */
final class LogisticFit {
    static final int MAX_SWEEPS = 2000;
    static final double TOLERANCE = 1e-10;

    /**
     * The result.
     *
     * @param coefficients the fitted {@code β}
     * @param intercept the intercept (the fixed one when not fitted)
     * @param sweeps coordinate sweeps used
     * @param converged whether the largest change in the last sweep was under the tolerance
     */
    record Result(double[] coefficients, double intercept, int sweeps, boolean converged) {}

    private LogisticFit() {}

    /**
     * Fits the model.
     *
     * @param x features, {@code n × m}
     * @param y labels, 0 or 1
     * @param w sample weights, positive
     * @param prior {@code β0}, also the starting point
     * @param intercept the intercept, or its starting point and prior when {@code fitIntercept}
     * @param fitIntercept whether to fit the intercept (penalised towards its starting value like the coefficients)
     * @param lambda the penalty {@code λ > 0}
     */
    static Result fit(double[][] x, int[] y, double[] w, double[] prior, double intercept, boolean fitIntercept, double lambda) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("the L2 penalty must be positive: " + lambda);
        }
        int n = x.length;
        int m = prior.length;
        double[] beta = prior.clone();
        double b = intercept;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = b + dot(beta, x[i]);
        }
        int sweep = 0;
        boolean converged = false;
        while (sweep < MAX_SWEEPS && !converged) {
            sweep++;
            double maxChange = 0;
            for (int j = fitIntercept ? -1 : 0; j < m; j++) {
                double cur = j < 0 ? b : beta[j];
                double centre = j < 0 ? intercept : prior[j];
                double g = lambda * (cur - centre);
                double h = lambda;
                for (int i = 0; i < n; i++) {
                    double xij = j < 0 ? 1 : x[i][j];
                    if (xij == 0) {
                        continue;
                    }
                    double p = sigmoid(z[i]);
                    g += w[i] * (p - y[i]) * xij;
                    h += w[i] * p * (1 - p) * xij * xij;
                }
                double step = g / h;
                double before = objective(z, y, w) + lambda / 2 * (cur - centre) * (cur - centre);
                double next = cur;
                for (int halving = 0; halving < 60; halving++) {
                    double cand = cur - step;
                    if (j >= 0) {
                        cand = Math.max(0, cand);
                    }
                    double d = cand - cur;
                    double after = objectiveMoved(z, y, w, x, j, d) + lambda / 2 * (cand - centre) * (cand - centre);
                    // a tiny Newton step is inside the quadratic region, where the objective's change is below its rounding
                    if (after <= before || Math.abs(d) < 1e-7) {
                        next = cand;
                        break;
                    }
                    step /= 2;
                }
                double d = next - cur;
                if (d != 0) {
                    for (int i = 0; i < n; i++) {
                        z[i] += d * (j < 0 ? 1 : x[i][j]);
                    }
                    if (j < 0) {
                        b = next;
                    } else {
                        beta[j] = next;
                    }
                }
                maxChange = Math.max(maxChange, Math.abs(d));
            }
            converged = maxChange < TOLERANCE;
        }
        return new Result(beta, b, sweep, converged);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** {@code log(1 + e^z)} without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    private static double objective(double[] z, int[] y, double[] w) {
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            s += w[i] * (softplus(z[i]) - y[i] * z[i]);
        }
        return s;
    }

    private static double objectiveMoved(double[] z, int[] y, double[] w, double[][] x, int j, double d) {
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            double zi = z[i] + d * (j < 0 ? 1 : x[i][j]);
            s += w[i] * (softplus(zi) - y[i] * zi);
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
