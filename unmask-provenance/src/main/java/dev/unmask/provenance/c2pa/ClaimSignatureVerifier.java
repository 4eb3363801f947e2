package dev.unmask.provenance.c2pa;

/**
 * Verifies a claim signature (C2PA 2.2 sections 10.3 and 15.7): a COSE_Sign1 over the exact claim bytes with
 * detached payload. Implemented by {@code dev.unmask.provenance.cose.CoseClaimVerifier}; the reader only delegates.
 * Implementations must not throw and must not use the network.
 */
public interface ClaimSignatureVerifier {
    /**
     * Verifies one claim signature.
     *
     * @param coseSign1 the content of the {@code c2pa.signature} box (a tagged or untagged COSE_Sign1)
     * @param claimBytes the exact content of the claim's CBOR box, the signed payload
     * @param signatureUrl the JUMBF URI of the signature box, for status urls
     * @return the statuses (e.g. claimSignature.validated or claimSignature.mismatch) and the signer information
     */
    SignatureOutcome verify(byte[] coseSign1, byte[] claimBytes, String signatureUrl);
}
