package dev.unmask.api.detector;

import java.awt.image.BufferedImage;

/**
 * A loaded detector model. Thread-safe: {@link #probabilityFake} may be called from several threads at once.
 * Close it to free native memory.
 */
public interface Detector extends AutoCloseable {
    /** The model folder's descriptor. */
    DetectorDescriptor descriptor();

    /**
     * The calibrated probability that {@code image} is generated or manipulated, in [0, 1]. The detector does its
     * own pre-processing (crop, resize, normalisation) as its descriptor says.
     *
     * @param image an 8-bit sRGB image ({@link BufferedImage#TYPE_INT_RGB})
     * @throws DetectorException when inference fails
     */
    double probabilityFake(BufferedImage image) throws DetectorException;

    /** Frees the model's resources. */
    @Override
    void close();
}
