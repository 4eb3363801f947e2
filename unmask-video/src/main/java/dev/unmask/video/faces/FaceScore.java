package dev.unmask.video.faces;

import java.awt.image.BufferedImage;

/**
 * Scores one face of one frame for manipulation. Implementations wrap a face-level deepfake detector (MesoNet in
 * {@code unmask-faces}: crop or align the face from the frame, e.g. with {@link FaceCrops#square} or the landmarks,
 * then run the network); they must be thread-safe.
 */
public interface FaceScore extends AutoCloseable {
    /** A short name for reports, e.g. {@code "MesoNet-4 (FaceForensics++)"}. */
    String name();

    /** The calibrated probability at or above which a face is called manipulated. */
    default double threshold() {
        return 0.5;
    }

    /**
     * Scores {@code face} in {@code frame}.
     *
     * @param frame the upright 8-bit sRGB frame the face was found in; do not modify it
     * @param face the face, in {@code frame}'s coordinates
     * @throws Exception when scoring fails (recorded; the face then has no score in this frame)
     */
    FaceAssessment assess(BufferedImage frame, FaceBox face) throws Exception;

    /** Frees the scorer's resources. */
    @Override
    default void close() {
        // nothing by default
    }
}
