package dev.unmask.faces;

import java.awt.image.BufferedImage;

/**
 * A face-level real/fake classifier. It receives an upright face crop from {@link FaceAligner#crop} (any size; the
 * scorer resizes to its own {@link #inputSize()}) and returns the probability that the face is fake, whatever the
 * model's own output convention. Implementations are thread-safe.
 */
public interface FaceScorer extends AutoCloseable {
    /** Stable short id used in settings and finding codes, e.g. {@code meso4}. */
    String id();

    /** Human name with the training data, e.g. "MesoNet Meso-4 (Deepfake weights)". */
    String name();

    /** Side of the square crop the model was trained on; pass crops of this size to avoid a second resampling. */
    int inputSize();

    /** The crop margin (see {@link FaceAligner#crop}) closest to the model's training crops. */
    default double preferredMargin() {
        return FaceAligner.DEFAULT_MARGIN;
    }

    /**
     * The probability in [0, 1] that the face in {@code alignedCrop} is fake (swapped, reenacted or generated).
     *
     * @param alignedCrop an upright face crop, {@link BufferedImage#TYPE_INT_RGB} preferred
     */
    double probabilityFake(BufferedImage alignedCrop);

    /** Frees resources; the default holds none. */
    @Override
    default void close() {
        // nothing by default
    }
}
