package dev.unmask.detect.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link TrainingRun} needs from an architecture: train one epoch, score crops, save and restore its state,
 * and write its weights into a model folder. One instance per run, used from one thread.
 */
public interface ArchitectureTrainer extends AutoCloseable {
    /**
     * The result of one epoch.
     *
     * @param loss mean binary cross-entropy on the epoch's training samples
     * @param accuracy share of training samples on the right side of logit 0
     * @param samples samples used
     */
    record EpochFit(double loss, double accuracy, int samples) {
    }

    /** Told after each batch how far the epoch has come. */
    @FunctionalInterface
    interface ProgressSink {
        /** {@code samplesDone} of the epoch, with the running mean loss and accuracy so far. */
        void advanced(int samplesDone, double loss, double accuracy);

        /** True when the epoch should end now, after the current batch (its result is then thrown away). */
        default boolean stopRequested() {
            return false;
        }
    }

    /** Trains one epoch. */
    EpochFit trainEpoch(EpochBatches batches, ProgressSink progress) throws IOException;

    /** Raw scores (logits, positive = fake) of {@code size x size} packed-RGB crops, in order. */
    double[] logits(List<int[]> crops);

    /** Saves the complete training state (weights, optimiser, anything needed to continue) into {@code dir}. */
    void save(Path dir) throws IOException;

    /** Restores what {@link #save} wrote. */
    void load(Path dir) throws IOException;

    /**
     * Writes the inference weights into the model folder and returns the {@code detector.properties} entries that
     * name them (plus any architecture-specific keys).
     */
    Map<String, String> writeWeights(Path modelDir) throws IOException;

    /** Trainable parameters. */
    long parameterCount();

    /** One line: what is trained, e.g. "NPR ResNet, 1,437,761 parameters, DJL 0.36 / PyTorch". */
    String describe();

    @Override
    void close();
}
