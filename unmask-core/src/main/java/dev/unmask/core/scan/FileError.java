package dev.unmask.core.scan;

/**
 * Why a file could not be analysed.
 *
 * @param code stable reason code (see {@link dev.unmask.api.MediaException})
 * @param message specific, human-readable explanation
 */
public record FileError(String code, String message) {}
