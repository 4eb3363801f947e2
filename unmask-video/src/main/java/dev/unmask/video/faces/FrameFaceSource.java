package dev.unmask.video.faces;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Finds faces in one video frame. Implementations wrap a face detector (BlazeFace in {@code unmask-faces}); they
 * must be thread-safe, because the video analyzer examines several videos at once.
 */
public interface FrameFaceSource extends AutoCloseable {
    /** A short name for reports, e.g. {@code "BlazeFace (short range)"}. */
    String name();

    /**
     * The faces in {@code frame}.
     *
     * @param frame an upright 8-bit sRGB frame ({@link BufferedImage#TYPE_INT_RGB}); do not modify it
     * @return the faces, in any order (empty when there is none)
     * @throws Exception when detection fails on this frame (recorded, and the frame counts as without faces)
     */
    List<FaceBox> find(BufferedImage frame) throws Exception;

    /** Frees the detector's resources. */
    @Override
    default void close() {
        // nothing by default
    }
}
