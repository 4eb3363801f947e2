package dev.unmask.detect.model;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.DetectorLoader;
import dev.unmask.detect.Architecture;

/**
 * Loads {@code kind=rgb} model folders written by {@code unmask detector train --arch rgb}: the NPR trunk on the RGB
 * pixels (see {@link Architecture#RGB}). Cheap to construct: the PyTorch engine loads only in {@link #load}.
 */
public final class RgbDetectorLoader implements DetectorLoader {
    @Override
    public String kind() {
        return Architecture.RGB.kind();
    }

    @Override
    public Detector load(DetectorDescriptor d) throws DetectorException {
        return NprDetectorLoader.load(d, Architecture.RGB);
    }
}
