package dev.unmask.provenance.cose;

import dev.unmask.provenance.c2pa.ValidationStatus;
import java.time.Instant;
import java.util.List;

/**
 * Result of claim-signature validation.
 *
 * @param statuses validation statuses in the order produced (section 15.2.2 codes)
 * @param signerSubject common name (else full DN) of the signing certificate's subject, or null
 * @param signerOrganization organization of the signing certificate's subject, or null
 * @param issuer organization (else common name) of the signing certificate's issuer, or null
 * @param signingTime time attested by a validated time-stamp, or null
 * @param algorithm COSE algorithm name (e.g. {@code ES256}), or null when absent or unsupported
 * @param trusted whether the signing credential chains to a trust anchor or is on the allowed list
 */
public record SignatureOutcome(
        List<ValidationStatus> statuses,
        String signerSubject,
        String signerOrganization,
        String issuer,
        Instant signingTime,
        String algorithm,
        boolean trusted) {
    /** Copies the status list. */
    public SignatureOutcome {
        statuses = List.copyOf(statuses);
    }

    /** Whether a status with {@code code} is present. */
    public boolean has(String code) {
        return statuses.stream().anyMatch(s -> s.code().equals(code));
    }
}
