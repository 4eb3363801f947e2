package dev.unmask.detect.analyzer;

import dev.unmask.api.detector.DetectorDescriptor;

/**
 * Turns a detector's calibrated probability {@code p} and its stored threshold {@code t} into an evidence score in
 * [0, 1] (the scale every analyzer uses: under 0.3 weak, 0.8 and above strong):
 * <pre>
 *   p &lt; t/2        0                                  no evidence
 *   t/2 ≤ p &lt; t    0.3 · (p − t/2) / (t/2)             weak, below 0.3
 *   p ≥ t          0.5 + 0.45 · (p − t) / (1 − t)      0.5 at the threshold, 0.95 at p = 1
 * </pre>
 * A model that is not declared general ({@code scope.general=true} in its descriptor) is capped at 0.7, or at 0.85
 * once {@code p} reaches {@code veryHigh}: detectors trained on one family of generators are known to fire on, and
 * miss, images from others (Wang et al., CVPR 2020; Ojha et al., "Towards universal fake image detectors", CVPR
 * 2023), so such a model alone gives strong evidence only when it is very sure.
 *
 * @param veryHigh the probability from which a generator-specific model may reach 0.85
 */
public record EvidenceMapping(double veryHigh) {
    /** Descriptor key declaring that the model was validated across generator families. */
    public static final String GENERAL_KEY = "scope.general";
    static final double WEAK_MAX = 0.3;
    static final double AT_THRESHOLD = 0.5;
    static final double TOP = 0.95;
    static final double SPECIFIC_CAP = 0.7;
    static final double SPECIFIC_VERY_HIGH_CAP = 0.85;

    /** Validates {@code veryHigh}. */
    public EvidenceMapping {
        if (!(veryHigh >= 0.5 && veryHigh <= 1)) {
            throw new IllegalArgumentException("very-high must be in [0.5, 1]: " + veryHigh);
        }
    }

    /** Whether the descriptor declares the model general. */
    public static boolean isGeneral(DetectorDescriptor d) {
        return Boolean.parseBoolean(d.property(GENERAL_KEY, "false"));
    }

    /**
     * The evidence score.
     *
     * @param p the calibrated probability, in [0, 1]
     * @param t the threshold, in (0, 1)
     * @param general whether the model is declared general
     */
    public double score(double p, double t, boolean general) {
        double s;
        if (p < t / 2) {
            s = 0;
        } else if (p < t) {
            s = WEAK_MAX * (p - t / 2) / (t / 2);
        } else {
            s = AT_THRESHOLD + (TOP - AT_THRESHOLD) * (p - t) / (1 - t);
        }
        if (!general) {
            s = Math.min(s, p >= veryHigh ? SPECIFIC_VERY_HIGH_CAP : SPECIFIC_CAP);
        }
        return Math.max(0, Math.min(1, s));
    }
}
