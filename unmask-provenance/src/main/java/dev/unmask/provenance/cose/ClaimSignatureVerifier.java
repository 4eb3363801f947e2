package dev.unmask.provenance.cose;

/**
 * Verifies the COSE_Sign1 claim signature of one C2PA manifest (C2PA specification 2.2, section 15.7 "Validate the
 * Signature"). Implementations never throw on hostile input: every problem becomes a status in the outcome.
 */
public interface ClaimSignatureVerifier {
    /**
     * @param coseSign1 contents of the {@code c2pa.signature} box (a COSE_Sign1, tagged or not)
     * @param claimBytes the serialized claim (the detached payload)
     * @param signatureUrl JUMBF URI of the signature, used as the status URL
     * @return statuses and signer identity
     */
    SignatureOutcome verify(byte[] coseSign1, byte[] claimBytes, String signatureUrl);
}
