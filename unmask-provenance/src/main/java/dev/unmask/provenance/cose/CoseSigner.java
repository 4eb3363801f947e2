package dev.unmask.provenance.cose;

import com.upokecenter.cbor.CBORObject;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Produces C2PA 2.x claim signatures (C2PA specification 2.2, section 10.3 and 13.2): a tagged COSE_Sign1 with the
 * algorithm and the {@code x5chain} (label 33, end entity first) in the protected header, a detached (nil) payload,
 * and the signature over {@code ["Signature1", protected, h'', claim]}. No time-stamp is added (no network); an
 * empty unprotected header is written.
 */
public final class CoseSigner {
    private CoseSigner() {}

    /**
     * Signs {@code claimBytes}.
     *
     * @param claimBytes the serialized claim (detached payload)
     * @param key the signer's private key, matching {@code chain.get(0)} and {@code alg}
     * @param chain the signer's certificate chain, end entity first, without the trust anchor
     * @param alg the COSE algorithm (ES256/ES384/ES512/PS256/PS384/PS512/Ed25519)
     * @return the COSE_Sign1 bytes (tag 18)
     * @throws GeneralSecurityException if the key does not fit the algorithm or a certificate cannot be encoded
     */
    public static byte[] sign(byte[] claimBytes, PrivateKey key, List<X509Certificate> chain, CoseAlgorithm alg)
            throws GeneralSecurityException {
        Objects.requireNonNull(claimBytes, "claimBytes");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(alg, "alg");
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain is required");
        }
        CBORObject protectedMap = CBORObject.NewOrderedMap();
        protectedMap.set(CBORObject.FromObject(CoseSign1.LABEL_ALG), CBORObject.FromObject(alg.coseId()));
        protectedMap.set(CBORObject.FromObject(CoseSign1.LABEL_X5CHAIN), x5chain(chain));
        byte[] protectedBytes = protectedMap.EncodeToBytes();
        byte[] signature = alg.sign(key, SigStructures.signature1(protectedBytes, claimBytes));
        CBORObject sign1 = CBORObject.NewArray();
        sign1.Add(CBORObject.FromObject(protectedBytes));
        sign1.Add(CBORObject.NewMap());
        sign1.Add(CBORObject.Null);
        sign1.Add(CBORObject.FromObject(signature));
        return CBORObject.FromObjectAndTag(sign1, CoseSign1.TAG_COSE_SIGN1).EncodeToBytes();
    }

    private static CBORObject x5chain(List<X509Certificate> chain) throws CertificateEncodingException {
        if (chain.size() == 1) {
            return CBORObject.FromObject(chain.getFirst().getEncoded());
        }
        CBORObject arr = CBORObject.NewArray();
        for (X509Certificate c : chain) {
            arr.Add(CBORObject.FromObject(c.getEncoded()));
        }
        return arr;
    }
}
