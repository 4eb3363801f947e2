package dev.unmask.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one analyzer reports for one file.
 *
 * @param status whether the analyzer ran, did not apply, or failed
 * @param summary what was checked and the headline result, in one sentence, even when nothing was found
 *     (for {@code NOT_APPLICABLE} and {@code FAILED}: the reason)
 * @param findings the observations
 * @param features named numeric feature vectors for learned models (e.g. the azimuthal spectrum)
 */
public record AnalyzerResult(Status status, String summary, List<Finding> findings, Map<String, double[]> features) {
    /** Outcome of running an analyzer on a file. */
    public enum Status {
        /** The analyzer ran; its findings (possibly none) are meaningful. */
        OK,
        /** The analyzer does not apply to this file (e.g. JPEG traces on a PNG); the summary says why. */
        NOT_APPLICABLE,
        /** The analyzer could not complete; the summary says why. Its absence of findings means nothing. */
        FAILED
    }

    /** Validates and freezes the components. */
    public AnalyzerResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        findings = List.copyOf(findings);
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    /** A completed analysis. */
    public static AnalyzerResult ok(String summary, List<Finding> findings) {
        return new AnalyzerResult(Status.OK, summary, findings, Map.of());
    }

    /** A completed analysis that also exposes feature vectors. */
    public static AnalyzerResult ok(String summary, List<Finding> findings, Map<String, double[]> features) {
        return new AnalyzerResult(Status.OK, summary, findings, features);
    }

    /** The analyzer does not apply to this file, with the reason. */
    public static AnalyzerResult notApplicable(String reason) {
        return new AnalyzerResult(Status.NOT_APPLICABLE, reason, List.of(), Map.of());
    }

    /** The analyzer failed on this file, with the reason. */
    public static AnalyzerResult failed(String reason) {
        return new AnalyzerResult(Status.FAILED, reason, List.of(), Map.of());
    }
}
