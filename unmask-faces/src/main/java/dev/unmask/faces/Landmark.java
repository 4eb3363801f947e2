package dev.unmask.faces;

/**
 * The six face keypoints BlazeFace predicts, in the model's output order. "Right" and "left" are the subject's:
 * in an unmirrored frontal photo the subject's right eye appears on the image's left.
 */
public enum Landmark {
    /** Centre of the subject's right eye. */
    RIGHT_EYE,
    /** Centre of the subject's left eye. */
    LEFT_EYE,
    /** Tip of the nose. */
    NOSE_TIP,
    /** Centre of the mouth. */
    MOUTH,
    /** The subject's right ear tragion. */
    RIGHT_EAR,
    /** The subject's left ear tragion. */
    LEFT_EAR
}
