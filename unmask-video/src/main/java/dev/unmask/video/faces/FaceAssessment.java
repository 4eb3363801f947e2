package dev.unmask.video.faces;

import dev.unmask.core.imaging.FloatPlane;

/**
 * A face scorer's judgement of one face in one frame.
 *
 * @param probabilityFake the calibrated probability, in [0, 1], that the face is manipulated (swapped, re-enacted,
 *     generated)
 * @param heatmap where the scorer saw manipulation, over the face box (any resolution, values in [0, 1]; stretched
 *     onto the box when drawn), or null when the scorer gives none
 */
public record FaceAssessment(double probabilityFake, FloatPlane heatmap) {
    /** Validates the probability. */
    public FaceAssessment {
        if (!(probabilityFake >= 0 && probabilityFake <= 1)) {
            throw new IllegalArgumentException("probabilityFake must be in [0, 1], was " + probabilityFake);
        }
    }

    /** A judgement without a heatmap. */
    public static FaceAssessment of(double probabilityFake) {
        return new FaceAssessment(probabilityFake, null);
    }
}
