package dev.unmask.gan.measure;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

/**
 * A fixed mapping from images to feature vectors in which generated and real image sets are compared
 * ({@link FrechetDistance}, {@link KernelDistance}). Distances are only comparable between numbers computed in the
 * same feature space (and, for the Fréchet distance, with the same number of samples).
 */
public interface FeatureSpace extends AutoCloseable {
    /** Short name printed next to every number, e.g. {@code UFD-v1}. */
    String name();

    /** One sentence saying what the features are. */
    String description();

    /** Length of each feature vector. */
    int dimension();

    /**
     * Whether a Fréchet distance in this space can be compared with FID figures published in papers (true only for
     * the standard Inception-v3 pool3 features).
     */
    boolean comparableToPublishedFid();

    /** One feature vector per image, in order. Images of any size; each space crops and resizes as it documents. */
    float[][] features(List<BufferedImage> images) throws IOException;

    @Override
    void close();
}
