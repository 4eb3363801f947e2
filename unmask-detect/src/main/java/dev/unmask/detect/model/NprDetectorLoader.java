package dev.unmask.detect.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.DetectorLoader;
import dev.unmask.detect.Architecture;
import dev.unmask.detect.calibrate.Calibration;
import dev.unmask.detect.npr.NprNetwork;
import dev.unmask.detect.npr.NprTrainer;
import dev.unmask.torch.DjlRuntime;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads {@code kind=npr} model folders written by {@code unmask detector train --arch npr} (and, through
 * {@link RgbDetectorLoader}, {@code kind=rgb}). Cheap to construct: the PyTorch engine loads only in {@link #load}.
 */
public final class NprDetectorLoader implements DetectorLoader {
    @Override
    public String kind() {
        return Architecture.NPR.kind();
    }

    @Override
    public Detector load(DetectorDescriptor d) throws DetectorException {
        return load(d, Architecture.NPR);
    }

    /** Loads a model folder of one of the ResNet architectures ({@link Architecture#neural()}). */
    static Detector load(DetectorDescriptor d, Architecture architecture) throws DetectorException {
        int size = ModelFolder.inputSize(d, 32);
        int tiles = ModelFolder.tiles(d);
        Path w = ModelFolder.weights(d, NprTrainer.WEIGHTS);
        Calibration c = ModelFolder.readCalibration(d);
        NDManager manager;
        try {
            manager = DjlRuntime.engine().newBaseManager();
        } catch (RuntimeException | LinkageError e) {
            throw new DetectorException("the PyTorch engine could not start: " + e.getMessage(), e);
        }
        try {
            Block net = NprNetwork.build(architecture == Architecture.NPR);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, size, size));
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(w)))) {
                net.loadParameters(manager, in);
            }
            return new NprDetector(d, c, size, tiles, manager, net);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            manager.close();
            throw new DetectorException(w + " is not valid " + architecture.kind() + " weights: " + e.getMessage(), e);
        }
    }
}
