package dev.unmask.api.detector;

import java.io.Serial;

/** A detector could not load or run; the message says what and why. */
public class DetectorException extends Exception {
    @Serial private static final long serialVersionUID = 1L;

    /** A failure with a message. */
    public DetectorException(String message) {
        super(message);
    }

    /** A failure with a message and its cause. */
    public DetectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
