package dev.unmask.detect.model;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.detect.calibrate.Calibration;
import dev.unmask.detect.data.InferenceTiles;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A trained Unmask detector: scores the {@link InferenceTiles} of an image (the centre crop at {@code input.size},
 * or up to {@code inference.tiles}² tiles on larger images), averages their logits into the raw score and maps it
 * through the model's {@link Calibration}. Images smaller than the input size are refused with a
 * {@link DetectorException} saying so (they are never enlarged: that would add interpolation traces).
 */
public abstract class TiledDetector implements Detector {
    private final DetectorDescriptor descriptor;
    private final Calibration calibration;
    private final int size;
    private final int tilesPerAxis;

    /** A detector for {@code descriptor} with its calibration, input size and tiling. */
    protected TiledDetector(DetectorDescriptor descriptor, Calibration calibration, int size, int tilesPerAxis) {
        this.descriptor = descriptor;
        this.calibration = calibration;
        this.size = size;
        this.tilesPerAxis = tilesPerAxis;
    }

    @Override
    public DetectorDescriptor descriptor() {
        return descriptor;
    }

    /** The calibration. */
    public Calibration calibration() {
        return calibration;
    }

    /** The input size. */
    public int inputSize() {
        return size;
    }

    @Override
    public double probabilityFake(BufferedImage image) throws DetectorException {
        return calibration.probability(rawScore(image));
    }

    /** The uncalibrated score: the mean logit over the image's tiles (positive leans fake). */
    public double rawScore(BufferedImage image) throws DetectorException {
        List<int[]> crops;
        try {
            crops = InferenceTiles.crops(image, size, tilesPerAxis);
        } catch (IllegalArgumentException e) {
            throw new DetectorException(descriptor.name() + ": " + e.getMessage());
        }
        double[] z = logits(crops);
        double s = 0;
        for (double v : z) {
            s += v;
        }
        double mean = s / z.length;
        if (!Double.isFinite(mean)) {
            throw new DetectorException(descriptor.name() + ": the network produced a non-finite score");
        }
        return mean;
    }

    /** The logits of {@code size x size} packed-RGB crops. */
    protected abstract double[] logits(List<int[]> crops) throws DetectorException;
}
