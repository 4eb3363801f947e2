package dev.unmask.provenance.cose;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;

/**
 * The COSE signature algorithms C2PA allows (C2PA specification 2.2, section 13.2 "Digital Signatures"; IANA COSE
 * algorithm registry): ECDSA with raw {@code r||s} signatures (RFC 9053 section 2.1), RSASSA-PSS with MGF1 of the
 * same hash and a salt as long as the hash (RFC 8230), and EdDSA with Ed25519 (RFC 9053 section 2.2).
 */
public enum CoseAlgorithm {
    /** ECDSA P-256 with SHA-256. */
    ES256(-7, "SHA256withECDSAinP1363Format", null, 0),
    /** ECDSA P-384 with SHA-384. */
    ES384(-35, "SHA384withECDSAinP1363Format", null, 0),
    /** ECDSA P-521 with SHA-512. */
    ES512(-36, "SHA512withECDSAinP1363Format", null, 0),
    /** RSASSA-PSS with SHA-256. */
    PS256(-37, "RSASSA-PSS", "SHA-256", 32),
    /** RSASSA-PSS with SHA-384. */
    PS384(-38, "RSASSA-PSS", "SHA-384", 48),
    /** RSASSA-PSS with SHA-512. */
    PS512(-39, "RSASSA-PSS", "SHA-512", 64),
    /** EdDSA; C2PA allows only Ed25519. */
    ED25519(-8, "Ed25519", null, 0);

    private static final int PSS_TRAILER_FIELD = 1;

    private final int coseId;
    private final String jcaName;
    private final String pssHash;
    private final int pssSalt;

    CoseAlgorithm(int coseId, String jcaName, String pssHash, int pssSalt) {
        this.coseId = coseId;
        this.jcaName = jcaName;
        this.pssHash = pssHash;
        this.pssSalt = pssSalt;
    }

    /** The IANA COSE algorithm identifier (header label 1). */
    public int coseId() {
        return coseId;
    }

    /** The name used in C2PA reports ({@code ES256}, ..., {@code Ed25519}). */
    public String displayName() {
        return this == ED25519 ? "Ed25519" : name();
    }

    /** The algorithm for a COSE identifier, if C2PA allows it. */
    public static Optional<CoseAlgorithm> fromCoseId(long id) {
        for (CoseAlgorithm a : values()) {
            if (a.coseId == id) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code signature} is a valid signature of {@code data} under {@code key}. Never throws. */
    public boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = engine();
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Signs {@code data}; ECDSA signatures come out in raw {@code r||s} form as COSE requires. */
    public byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = engine();
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    private Signature engine() throws GeneralSecurityException {
        Signature s = Signature.getInstance(jcaName);
        if (pssHash != null) {
            s.setParameter(new PSSParameterSpec(pssHash, "MGF1", new MGF1ParameterSpec(pssHash), pssSalt,
                    PSS_TRAILER_FIELD));
        }
        return s;
    }
}
