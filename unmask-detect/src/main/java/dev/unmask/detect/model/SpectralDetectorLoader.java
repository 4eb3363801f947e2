package dev.unmask.detect.model;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.DetectorLoader;
import dev.unmask.detect.Architecture;
import dev.unmask.detect.spectral.SpectralClassifier;
import dev.unmask.detect.spectral.SpectralTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Loads {@code kind=spectral} model folders written by {@code unmask detector train --arch spectral}. */
public final class SpectralDetectorLoader implements DetectorLoader {
    @Override
    public String kind() {
        return Architecture.SPECTRAL.kind();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Detector load(DetectorDescriptor d) throws DetectorException {
        int size = ModelFolder.inputSize(d, 16);
        Path w = ModelFolder.weights(d, SpectralTrainer.WEIGHTS);
        SpectralClassifier c;
        try {
            Map<String, Object> m = ModelFolder.json().readValue(w.toFile(), Map.class);
            c = SpectralClassifier.fromMap((Map<String, Object>) m.get("classifier"));
        } catch (IOException | RuntimeException e) {
            throw new DetectorException(w + " is not valid spectral weights: " + e.getMessage(), e);
        }
        if (c.featureCount() != size / 2) {
            throw new DetectorException(w + " has " + c.featureCount() + " features; input.size " + size + " needs " + size / 2);
        }
        return new SpectralDetector(d, ModelFolder.readCalibration(d), size, ModelFolder.tiles(d), c);
    }
}
