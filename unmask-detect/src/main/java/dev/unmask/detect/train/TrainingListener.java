package dev.unmask.detect.train;

/** Follows a training run (progress display). Called on the training thread. */
public interface TrainingListener {
    /** An epoch of {@code samples} training images starts. */
    default void epochStarted(int epoch, int epochs, int samples) {
    }

    /** Progress within the epoch. */
    default void progress(int samplesDone, double loss, double accuracy) {
    }

    /** The epoch is done, validated and checkpointed. */
    default void epochFinished(EpochStats stats, int epochs) {
    }

    /** A line of information (calibration, files written). */
    default void message(String line) {
    }

    /**
     * Polled after every training batch: true asks the run to stop (Ctrl-C, SIGTERM). The run then ends with a
     * {@link TrainingStoppedException} and keeps the checkpoint of the last finished epoch.
     */
    default boolean stopRequested() {
        return false;
    }

    /** A listener that ignores everything. */
    TrainingListener SILENT = new TrainingListener() {
    };
}
