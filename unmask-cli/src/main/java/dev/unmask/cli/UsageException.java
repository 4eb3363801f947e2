package dev.unmask.cli;

import java.io.Serial;

/** A problem with how the command was called, found after parsing (exit code 2). */
final class UsageException extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
