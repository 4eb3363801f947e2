package dev.unmask.detect.train;

import java.io.Serial;

/** A training run cannot start as asked (nothing to resume, data changed since the checkpoint, epochs already done). */
public class TrainingException extends Exception {
    @Serial private static final long serialVersionUID = 1L;

    /** A problem described for the user. */
    public TrainingException(String message) {
        super(message);
    }
}
