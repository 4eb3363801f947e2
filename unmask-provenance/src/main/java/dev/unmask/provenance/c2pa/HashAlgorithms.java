package dev.unmask.provenance.c2pa;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The hash algorithms C2PA allows for hashed URIs and hard bindings (C2PA 2.2 section 13.1: SHA2-256, SHA2-384,
 * SHA2-512, named {@code sha256}, {@code sha384}, {@code sha512}). Any other name is {@code algorithm.unsupported}.
 */
public final class HashAlgorithms {
    private static final Map<String, String> JCA = Map.of("sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");

    private HashAlgorithms() {}

    /** Whether {@code alg} is a supported C2PA hash algorithm name. */
    public static boolean supported(String alg) {
        return alg != null && JCA.containsKey(alg);
    }

    /** A new digest for a supported name. */
    public static MessageDigest digest(String alg) {
        try {
            return MessageDigest.getInstance(JCA.get(alg));
        } catch (NoSuchAlgorithmException | NullPointerException e) {
            throw new IllegalArgumentException("unsupported hash algorithm " + alg, e);
        }
    }

    /** Hashes a byte range. */
    public static byte[] hash(String alg, byte[] data, int offset, int length) {
        MessageDigest d = digest(alg);
        d.update(data, offset, length);
        return d.digest();
    }
}
