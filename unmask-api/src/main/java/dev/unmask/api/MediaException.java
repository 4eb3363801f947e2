package dev.unmask.api;

import java.io.Serial;

/**
 * A piece of media could not be read or decoded, or was refused by a guard. The {@link #code()} is a stable
 * machine-readable reason that appears in JSON output (e.g. {@code "truncated"}, {@code "too_many_pixels"}).
 */
public class MediaException extends Exception {
    @Serial private static final long serialVersionUID = 1L;

    /** Stable reason codes used by the core; modules may use others. */
    public static final String EMPTY = "empty_file";
    /** The format was recognised but decoding failed. */
    public static final String DECODE_FAILED = "decode_failed";
    /** The file ends before the data it declares. */
    public static final String TRUNCATED = "truncated";
    /** The leading bytes match no supported format. */
    public static final String UNSUPPORTED_FORMAT = "unsupported_format";
    /** The declared width times height exceeds the configured pixel limit. */
    public static final String TOO_MANY_PIXELS = "too_many_pixels";
    /** A declared dimension exceeds the configured limit or is zero. */
    public static final String BAD_DIMENSIONS = "bad_dimensions";
    /** The file exceeds the configured size limit. */
    public static final String FILE_TOO_LARGE = "file_too_large";
    /** A metadata segment exceeds the configured limit. */
    public static final String METADATA_TOO_LARGE = "metadata_too_large";
    /** The file could not be read from storage. */
    public static final String IO_ERROR = "io_error";

    private final String code;

    /**
     * @param code stable reason code
     * @param message a specific, human-readable explanation
     */
    public MediaException(String code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * @param code stable reason code
     * @param message a specific, human-readable explanation
     * @param cause the underlying failure
     */
    public MediaException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The stable reason code. */
    public String code() {
        return code;
    }
}
