package dev.unmask.cli;

import java.io.Serial;

/** A problem with how the command was called, found after parsing (exit code 2). */
public final class UsageException extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;

    /** A usage error with the message shown to the user. */
    public UsageException(String message) {
        super(message);
    }
}
