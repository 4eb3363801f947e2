package dev.unmask.detect.spectral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted linear classifier on standardised spectral features: {@code logit = bias + sum_i w_i (f_i - mean_i) / scale_i}
 * (positive = fake). Immutable.
 *
 * @param mean per-feature mean of the training features
 * @param scale per-feature standard deviation of the training features (floored, never 0)
 * @param weights one weight per feature
 * @param bias the intercept
 */
public record SpectralClassifier(double[] mean, double[] scale, double[] weights, double bias) {
    /** Checks the lengths and copies the arrays. */
    public SpectralClassifier {
        if (mean.length != scale.length || mean.length != weights.length) {
            throw new IllegalArgumentException("feature count mismatch: " + mean.length + "/" + scale.length + "/" + weights.length);
        }
        mean = mean.clone();
        scale = scale.clone();
        weights = weights.clone();
    }

    /** Number of features. */
    public int featureCount() {
        return weights.length;
    }

    /** The raw score (log-odds of fake before calibration). */
    public double logit(double[] features) {
        if (features.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " features, got " + features.length);
        }
        double z = bias;
        for (int i = 0; i < features.length; i++) {
            z += weights[i] * (features[i] - mean[i]) / scale[i];
        }
        return z;
    }

    /** The classifier as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("features", weights.length);
        m.put("bias", bias);
        m.put("weights", weights);
        m.put("mean", mean);
        m.put("scale", scale);
        return m;
    }

    /** Reads what {@link #toMap} wrote (numbers as parsed by Jackson). */
    public static SpectralClassifier fromMap(Map<String, ?> m) {
        return new SpectralClassifier(array(m, "mean"), array(m, "scale"), array(m, "weights"), ((Number) m.get("bias")).doubleValue());
    }

    private static double[] array(Map<String, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException("spectral weights: '" + key + "' is missing");
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
    }
}
