package dev.unmask.detect.data;

import java.io.Serial;

/** The data folders cannot make a training set (missing folder, empty class, too few images to split). */
public final class DatasetException extends Exception {
    @Serial private static final long serialVersionUID = 1L;

    /** A problem described for the user. */
    public DatasetException(String message) {
        super(message);
    }
}
