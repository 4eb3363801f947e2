package dev.unmask.provenance.c2pa;

import java.util.Objects;

/**
 * One validation result, as a status-map of the C2PA specification (section 15.2.1): a code, the JUMBF URI of the
 * element it is about, and an optional human-readable explanation.
 *
 * @param code the status code, e.g. {@code claimSignature.validated} (see {@link StatusCodes})
 * @param url JUMBF URI of the claim, signature or assertion concerned (e.g.
 *     {@code self#jumbf=/c2pa/urn:uuid:.../c2pa.signature}), or null
 * @param explanation human-readable explanation, or null
 */
public record ValidationStatus(String code, String url, String explanation) {
    /** Validates the code. */
    public ValidationStatus {
        Objects.requireNonNull(code, "code");
    }

    /** The category of {@link #code()}. */
    public StatusKind kind() {
        return StatusCodes.kindOf(code);
    }
}
