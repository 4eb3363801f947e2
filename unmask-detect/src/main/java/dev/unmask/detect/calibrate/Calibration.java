package dev.unmask.detect.calibrate;

import java.util.Map;

/**
 * A monotone map from a detector's raw score (a logit; larger = more likely fake) to a probability in [0, 1],
 * fitted on held-out data so that among images given probability p, a fraction p are fake (on data like the
 * validation set, with its class balance). Immutable and thread-safe.
 */
public sealed interface Calibration permits PlattScaling, IsotonicCalibration {
    /** The calibrated probability of fake for raw score {@code logit}. */
    double probability(double logit);

    /** The method. */
    CalibrationMethod method();

    /** The fitted parameters as a JSON-ready map with a {@code method} key. */
    Map<String, Object> toMap();

    /**
     * Fits a calibration.
     *
     * @param logits raw scores of held-out images
     * @param targets 1 for fake, 0 for real
     */
    static Calibration fit(CalibrationMethod method, double[] logits, int[] targets) {
        return switch (method) {
            case PLATT -> PlattScaling.fit(logits, targets);
            case ISOTONIC -> IsotonicCalibration.fit(logits, targets);
        };
    }

    /** Reads what {@link #toMap} wrote. */
    static Calibration fromMap(Map<String, ?> m) {
        Object method = m.get("method");
        if (method == null) {
            throw new IllegalArgumentException("calibration has no 'method'");
        }
        return switch (CalibrationMethod.parse(method.toString())) {
            case PLATT -> PlattScaling.fromMap(m);
            case ISOTONIC -> IsotonicCalibration.fromMap(m);
        };
    }
}
