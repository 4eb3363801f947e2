package dev.unmask.provenance.c2pa;

import java.time.Instant;
import java.util.List;

/**
 * What a {@link ClaimSignatureVerifier} found (C2PA 2.2 section 15.7).
 *
 * @param statuses signature, credential, time-stamp and OCSP statuses
 * @param signerSubject subject common name of the signing certificate, or null
 * @param signerOrganization subject organization, or null
 * @param issuer issuer common name / organization, or null
 * @param signingTime trusted (time-stamp) or claimed signing time, or null
 * @param algorithm signature algorithm, e.g. {@code ES256}, or null
 * @param trusted whether the signing credential chains to a trust anchor
 */
public record SignatureOutcome(List<ValidationStatus> statuses, String signerSubject, String signerOrganization,
        String issuer, Instant signingTime, String algorithm, boolean trusted) {
    /** Copies the status list. */
    public SignatureOutcome {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    /** Whether any status carries {@code code}. */
    public boolean has(String code) {
        return statuses.stream().anyMatch(s -> s.code().equals(code));
    }
}
