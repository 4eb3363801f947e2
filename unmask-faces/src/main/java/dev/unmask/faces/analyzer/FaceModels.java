package dev.unmask.faces.analyzer;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.Detectors;
import dev.unmask.faces.FaceDetector;
import dev.unmask.faces.mesonet.MesoNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@link FacesAnalyzer} loads once in {@code init}: the face detector, the MesoNet scorers and the
 * learned detector models to run on face crops. All of them are thread-safe.
 */
final class FaceModels implements AutoCloseable {
    final FaceDetector detector;
    final List<MesoNet> scorers;
    final List<Detector> cropDetectors;

    private FaceModels(FaceDetector detector, List<MesoNet> scorers, List<Detector> cropDetectors) {
        this.detector = detector;
        this.scorers = scorers;
        this.cropDetectors = cropDetectors;
    }

    /**
     * Loads the models the settings name.
     *
     * @throws IllegalArgumentException when a detector folder cannot be opened (a usage error: the message names the
     *     folder and the reason)
     */
    static FaceModels load(FacesSettings s) {
        List<Detector> opened = new ArrayList<>();
        try {
            for (Path folder : s.detectors()) {
                opened.add(Detectors.open(folder));
            }
        } catch (DetectorException e) {
            opened.forEach(Detector::close);
            throw new IllegalArgumentException("option faces.detectors: " + e.getMessage(), e);
        }
        List<MesoNet> scorers = new ArrayList<>();
        for (MesoNet.Weights w : s.scorers()) {
            scorers.add(MesoNet.load(w));
        }
        return new FaceModels(FaceDetector.open(s.detectorSettings()), List.copyOf(scorers), List.copyOf(opened));
    }

    @Override
    public void close() {
        detector.close();
        scorers.forEach(MesoNet::close);
        cropDetectors.forEach(Detector::close);
    }
}
