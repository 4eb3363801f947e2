package dev.unmask.detect.model;

import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.detect.calibrate.Calibration;
import dev.unmask.detect.spectral.AzimuthalSpectrum;
import dev.unmask.detect.spectral.SpectralClassifier;
import java.util.List;

/** A trained spectral detector (pure Java; thread-safe, nothing to free). */
public final class SpectralDetector extends TiledDetector {
    private final AzimuthalSpectrum spectrum;
    private final SpectralClassifier classifier;

    SpectralDetector(DetectorDescriptor d, Calibration c, int size, int tiles, SpectralClassifier classifier) {
        super(d, c, size, tiles);
        this.spectrum = new AzimuthalSpectrum(size);
        this.classifier = classifier;
    }

    @Override
    protected double[] logits(List<int[]> crops) throws DetectorException {
        double[] z = new double[crops.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = classifier.logit(spectrum.features(crops.get(i)));
        }
        return z;
    }

    @Override
    public void close() {
        // nothing native
    }
}
