package dev.unmask.detect.train;

/**
 * A training run ended early because a stop was asked for ({@link TrainingListener#stopRequested}); the checkpoint
 * of the last finished epoch is kept and {@code --resume} continues from it.
 */
public final class TrainingStoppedException extends TrainingException {
    private static final long serialVersionUID = 1L;
    private final int lastEpoch;

    /** Stopped during the epoch after {@code lastEpoch} (0: before the first epoch finished). */
    public TrainingStoppedException(String message, int lastEpoch) {
        super(message);
        this.lastEpoch = lastEpoch;
    }

    /** The last finished (and checkpointed) epoch, 0 if none. */
    public int lastEpoch() {
        return lastEpoch;
    }
}
