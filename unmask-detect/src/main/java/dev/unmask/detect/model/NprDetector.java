package dev.unmask.detect.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.detect.calibrate.Calibration;
import dev.unmask.detect.npr.NprScoring;
import java.util.List;

/**
 * A trained NPR detector on DJL/PyTorch. Each call scores in its own sub-manager, so concurrent calls share only
 * the read-only weights (PyTorch inference without autograd is safe to run concurrently). Close it to free the
 * native memory.
 */
public final class NprDetector extends TiledDetector {
    /** Tiles scored per forward pass. */
    static final int BATCH = 16;

    private final NDManager manager;
    private final Block net;
    private final ParameterStore store;

    NprDetector(DetectorDescriptor d, Calibration c, int size, int tiles, NDManager manager, Block net) {
        super(d, c, size, tiles);
        this.manager = manager;
        this.net = net;
        this.store = new ParameterStore(manager, false);
    }

    @Override
    protected double[] logits(List<int[]> crops) throws DetectorException {
        try {
            return NprScoring.logits(manager, net, store, crops, inputSize(), BATCH);
        } catch (RuntimeException e) {
            throw new DetectorException(descriptor().name() + ": inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
