package dev.unmask.onnx;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.DetectorLoader;

/**
 * Runs detectors of kind {@value #KIND}: any ONNX image classifier, trained anywhere, described by the keys of
 * {@link OnnxModelCard} in its {@code detector.properties} (input size, layout, channel order, normalisation, output
 * semantics, threshold). The card is validated against the network's actual input and output shapes at load.
 */
public final class OnnxDetectorLoader implements DetectorLoader {
    /** The descriptor kind. */
    public static final String KIND = "onnx";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Detector load(DetectorDescriptor descriptor) throws DetectorException {
        return OnnxDetector.open(descriptor, OnnxModelCard.read(descriptor));
    }
}
