package dev.unmask.gan.detector;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.DetectorLoader;
import dev.unmask.gan.TrainedGan;
import java.io.IOException;

/**
 * Loads detector folders of kind {@value DiscriminatorExport#KIND} written by {@link DiscriminatorExport}: the
 * run's {@code checkpoint.properties} (settings that rebuild the network), {@code discriminator.params} and the
 * calibration keys {@code calibration.a} and {@code calibration.b} of {@code detector.properties}.
 */
public final class GanDiscriminatorLoader implements DetectorLoader {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}; loads nothing. */
    public GanDiscriminatorLoader() {
    }

    @Override
    public String kind() {
        return DiscriminatorExport.KIND;
    }

    @Override
    public Detector load(DetectorDescriptor descriptor) throws DetectorException {
        PlattScaling calibration;
        try {
            calibration = new PlattScaling(Double.parseDouble(descriptor.property("calibration.a", "1")),
                    Double.parseDouble(descriptor.property("calibration.b", "0")));
        } catch (IllegalArgumentException e) {
            throw new DetectorException(descriptor.folder() + ": bad calibration in " + DetectorDescriptor.FILE_NAME + ": "
                    + e.getMessage(), e);
        }
        TrainedGan gan;
        try {
            gan = TrainedGan.open(descriptor.folder(), TrainedGan.Parts.DISCRIMINATOR);
        } catch (IOException | RuntimeException e) {
            throw new DetectorException(descriptor.folder() + ": cannot load the discriminator: " + e.getMessage(), e);
        }
        int declared = descriptor.intProperty("input.size", gan.config().size());
        if (declared != gan.config().size()) {
            gan.close();
            throw new DetectorException(descriptor.folder() + ": input.size " + declared + " does not match the run's size "
                    + gan.config().size());
        }
        return new GanDiscriminatorDetector(descriptor, gan, calibration);
    }
}
