package dev.unmask.faces.signals;

import dev.unmask.core.imaging.Stats;

/**
 * How a face-region check turns a z-score into evidence: nothing below {@code minZ} robust standard deviations
 * from the background's face-sized windows, rising linearly to {@code cap} at twice that. Face-region cues are weak
 * (make-up, skin smoothing in phone cameras, a face in shadow or on a screen also stand out), so the cap is low.
 *
 * @param minZ |z| from which a check scores
 * @param cap score at |z| = 2 minZ and above
 */
public record SignalScoring(double minZ, double cap) {
    /** Validates. */
    public SignalScoring {
        if (!(minZ > 0) || !(cap >= 0 && cap <= 1)) {
            throw new IllegalArgumentException("signal scoring needs minZ > 0 and cap in [0, 1]");
        }
    }

    /** The score for {@code |z|}, when the effect-size gate of the check is passed. */
    double score(double absZ, boolean largeEnough) {
        return largeEnough && Double.isFinite(absZ) ? cap * Stats.clamp01((absZ - minZ) / minZ) : 0;
    }
}
