package dev.unmask.faces.signals;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one signal check on one face.
 *
 * @param signal the check
 * @param score MANIPULATED evidence in [0, cap]: above 0 only when the face is a clear outlier against the
 *     background's spread
 * @param z the z-score that decided the score (NaN when nothing was compared)
 * @param headline a short phrase for the finding's title, with the numbers ("noise 0.48x the background's, z
 *     -6.3")
 * @param values the typed values: measurements when compared, {@code skipped} with the reason when not
 */
public record SignalOutcome(FaceSignal signal, double score, double z, String headline, Map<String, Object> values) {
    /** Freezes the values. */
    public SignalOutcome {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Whether any comparison was made (some check of this signal ran on the face). */
    public boolean compared() {
        return Double.isFinite(z);
    }

    /** An outcome for a face that could not be compared, with the reason. */
    static SignalOutcome skipped(FaceSignal signal, String reason) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("skipped", reason);
        return new SignalOutcome(signal, 0, Double.NaN, signal.id() + " not compared", v);
    }
}
