package dev.unmask.api.detector;

/**
 * Loads detector model folders of one {@link #kind()}. Registered in
 * {@code META-INF/services/dev.unmask.api.detector.DetectorLoader}; needs a public no-argument constructor and must
 * be cheap to construct (load nothing until {@link #load}).
 */
public interface DetectorLoader {
    /** The {@code kind} value in {@value DetectorDescriptor#FILE_NAME} this loader runs. */
    String kind();

    /**
     * Loads the model described by {@code descriptor}.
     *
     * @throws DetectorException when the folder's files are missing, malformed or do not fit this loader
     */
    Detector load(DetectorDescriptor descriptor) throws DetectorException;
}
