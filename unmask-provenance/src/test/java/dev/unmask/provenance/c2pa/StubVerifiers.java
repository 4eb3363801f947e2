package dev.unmask.provenance.c2pa;

import java.util.List;

/** Signature verifiers for tests: no cryptography, a fixed answer, so the reader's own logic is tested alone. */
final class StubVerifiers {
    private StubVerifiers() {}

    /** Reports every signature as valid (claimSignature.validated and insideValidity). */
    static final ClaimSignatureVerifier VALID = (cose, claim, url) -> new SignatureOutcome(List.of(
            new ValidationStatus(StatusCodes.CLAIM_SIGNATURE_VALIDATED, url, "stub: claim signature valid"),
            new ValidationStatus(StatusCodes.CLAIM_SIGNATURE_INSIDE_VALIDITY, url, "stub: inside validity")),
            "C2PA Test Signing Cert", "C2PA Test", "C2PA Test Intermediate", null, "ES256", false);

    /** Reports every signature as not matching. */
    static final ClaimSignatureVerifier MISMATCH = (cose, claim, url) -> new SignatureOutcome(List.of(
            new ValidationStatus(StatusCodes.CLAIM_SIGNATURE_MISMATCH, url, "stub: claim signature mismatch")),
            null, null, null, null, null, false);

    /**
     * Reports claimSignature.mismatch for the manifests whose label the signature URL contains, valid otherwise:
     * simulates what the COSE verifier finds for fixtures whose signature was deliberately broken.
     */
    static ClaimSignatureVerifier mismatchFor(String manifestLabelPart) {
        return (cose, claim, url) -> url.contains(manifestLabelPart) ? MISMATCH.verify(cose, claim, url) : VALID.verify(cose, claim, url);
    }
}
