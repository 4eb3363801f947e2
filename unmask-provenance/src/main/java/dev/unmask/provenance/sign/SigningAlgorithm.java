package dev.unmask.provenance.sign;

/**
 * Claim signature algorithms supported by the signer (C2PA 2.2 section 13.2, "Digital Signatures"; COSE algorithm
 * identifiers from the IANA COSE registry, RFC 9053).
 */
public enum SigningAlgorithm {
    /** ECDSA on P-256 with SHA-256; signature is the raw {@code r || s} (RFC 9053 section 2.1). */
    ES256(-7, "SHA256withECDSAinP1363Format", 64),
    /** EdDSA with Ed25519 (RFC 9053 section 2.2, COSE algorithm EdDSA). */
    ED25519(-8, "Ed25519", 64);

    private final int coseId;
    private final String jcaName;
    private final int signatureLength;

    SigningAlgorithm(int coseId, String jcaName, int signatureLength) {
        this.coseId = coseId;
        this.jcaName = jcaName;
        this.signatureLength = signatureLength;
    }

    /** The COSE {@code alg} header value (label 1). */
    public int coseId() {
        return coseId;
    }

    /** The JCA {@link java.security.Signature} algorithm name. */
    public String jcaName() {
        return jcaName;
    }

    /** The fixed length of a signature in bytes (used to reserve the signature box size). */
    public int signatureLength() {
        return signatureLength;
    }
}
