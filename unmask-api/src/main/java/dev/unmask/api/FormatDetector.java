package dev.unmask.api;

import java.util.Optional;

/**
 * Recognises a media format from the first bytes of a file ("magic bytes").
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}; the core ships detectors for the image
 * formats and later modules add their own. Contract: {@link #detect} must be cheap, must not throw for any
 * input (including an empty array), and must be thread-safe.
 */
public interface FormatDetector {
    /** How many leading bytes this detector needs to decide; the caller passes at least this many when the file has them. */
    int headerLength();

    /**
     * Decides whether {@code header} starts a file of a format this detector knows.
     *
     * @param header the first bytes of the file (possibly fewer than {@link #headerLength()} for short files)
     * @return the format, or empty when this detector does not recognise the bytes
     */
    Optional<MediaType> detect(byte[] header);
}
