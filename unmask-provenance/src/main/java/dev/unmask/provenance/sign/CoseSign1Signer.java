package dev.unmask.provenance.sign;

import com.upokecenter.cbor.CBORObject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;

/**
 * A minimal COSE_Sign1 signer for C2PA claim signatures (RFC 9052 section 4.2; C2PA 2.2 section 13.2).
 *
 * <p>Output is the tagged COSE_Sign1 (CBOR tag 18) {@code [protected, unprotected, nil, signature]}: the payload
 * (the claim bytes) is detached, the protected header holds {@code alg} (label 1) and {@code x5chain} (label 33,
 * RFC 9360; a byte string for one certificate, an array otherwise, leaf first) and the unprotected header an
 * optional {@code pad} byte string. The signature is computed over the Sig_structure
 * {@code ["Signature1", protected, h'', payload]} (RFC 9052 section 4.4).
 */
public final class CoseSign1Signer {
    /** CBOR tag of COSE_Sign1 (RFC 9052 section 2). */
    public static final int COSE_SIGN1_TAG = 18;
    /** COSE header label {@code alg}. */
    public static final int HEADER_ALG = 1;
    /** COSE header label {@code x5chain} (RFC 9360 section 2). */
    public static final int HEADER_X5CHAIN = 33;
    /** Unprotected header label C2PA uses for padding (C2PA 2.2 section 13.2.1). */
    public static final String HEADER_PAD = "pad";
    /** Sig_structure context string for COSE_Sign1. */

    private final SigningAlgorithm algorithm;
    private final PrivateKey key;
    private final byte[] protectedHeader;
    private final boolean deterministicEcdsa;

    /**
     * @param algorithm signature algorithm
     * @param key private key matching the leaf certificate
     * @param chain certificate chain, signing (leaf) certificate first, root excluded
     * @param deterministicEcdsa for ES256, derive the nonce per RFC 6979 (reproducible output); otherwise JCA's
     *     randomized ECDSA. Ignored for Ed25519, which is deterministic by construction.
     */
    public CoseSign1Signer(SigningAlgorithm algorithm, PrivateKey key, List<X509Certificate> chain,
            boolean deterministicEcdsa) throws SigningException {
        if (chain.isEmpty()) {
            throw new SigningException(SigningException.Reason.CRYPTO, "empty certificate chain");
        }
        this.algorithm = algorithm;
        this.key = key;
        this.deterministicEcdsa = deterministicEcdsa;
        this.protectedHeader = protectedHeader(algorithm, chain);
    }

    /** The encoded protected header map. */
    public byte[] protectedHeader() {
        return protectedHeader.clone();
    }

    /** The Sig_structure to be signed for {@code payload} (RFC 9052 section 4.4); shared with the verifier. */
    public static byte[] sigStructure(byte[] protectedHeader, byte[] payload) {
        return dev.unmask.provenance.cose.SigStructures.signature1(protectedHeader, payload);
    }

    /**
     * Signs {@code payload} and returns the tagged COSE_Sign1 with a detached payload.
     *
     * @param padLength length of the {@code pad} byte string in the unprotected header; 0 writes an empty
     *     unprotected header
     */
    public byte[] sign(byte[] payload, int padLength) throws SigningException {
        byte[] signature = rawSignature(sigStructure(protectedHeader, payload));
        return assemble(signature, padLength);
    }

    /** The COSE_Sign1 that {@link #sign} would produce, with a zero signature: for sizing. */
    byte[] placeholder(int padLength) {
        return assemble(new byte[algorithm.signatureLength()], padLength);
    }

    private byte[] assemble(byte[] signature, int padLength) {
        CBORObject unprotected = CBORObject.NewOrderedMap();
        if (padLength > 0) {
            unprotected.Add(HEADER_PAD, CBORObject.FromObject(new byte[padLength]));
        }
        CBORObject arr = CBORObject.NewArray();
        arr.Add(CBORObject.FromObject(protectedHeader));
        arr.Add(unprotected);
        arr.Add(CBORObject.Null);
        arr.Add(CBORObject.FromObject(signature));
        return CBORObject.FromObjectAndTag(arr, COSE_SIGN1_TAG).EncodeToBytes();
    }

    private byte[] rawSignature(byte[] toBeSigned) throws SigningException {
        try {
            byte[] sig;
            if (algorithm == SigningAlgorithm.ES256 && deterministicEcdsa) {
                sig = rfc6979(toBeSigned);
            } else {
                Signature s = Signature.getInstance(algorithm.jcaName());
                s.initSign(key);
                s.update(toBeSigned);
                sig = s.sign();
            }
            if (sig.length != algorithm.signatureLength()) {
                throw new SigningException(SigningException.Reason.CRYPTO,
                        "unexpected signature length " + sig.length);
            }
            return sig;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SigningException(SigningException.Reason.CRYPTO,
                    "cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    /** ECDSA P-256/SHA-256 with the RFC 6979 deterministic nonce, encoded as {@code r || s} (32 + 32 bytes). */
    private byte[] rfc6979(byte[] message) throws GeneralSecurityException {
        if (!(key instanceof ECPrivateKey ec)) {
            throw new GeneralSecurityException("ES256 needs an EC private key");
        }
        ECDomainParameters domain = EC5Util.getDomainParameters(null, ec.getParams());
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(ec.getS(), domain));
        SHA256Digest d = new SHA256Digest();
        d.update(message, 0, message.length);
        byte[] hash = new byte[d.getDigestSize()];
        d.doFinal(hash, 0);
        BigInteger[] rs = signer.generateSignature(hash);
        int half = algorithm.signatureLength() / 2;
        byte[] out = new byte[algorithm.signatureLength()];
        unsigned(rs[0], out, 0, half);
        unsigned(rs[1], out, half, half);
        return out;
    }

    private static void unsigned(BigInteger v, byte[] out, int off, int len) {
        byte[] b = v.toByteArray();
        int start = Math.max(0, b.length - len);
        int n = b.length - start;
        System.arraycopy(b, start, out, off + len - n, n);
    }

    private static byte[] protectedHeader(SigningAlgorithm algorithm, List<X509Certificate> chain)
            throws SigningException {
        CBORObject h = CBORObject.NewOrderedMap();
        h.Add(HEADER_ALG, algorithm.coseId());
        try {
            if (chain.size() == 1) {
                h.Add(HEADER_X5CHAIN, CBORObject.FromObject(chain.get(0).getEncoded()));
            } else {
                CBORObject arr = CBORObject.NewArray();
                for (X509Certificate c : chain) {
                    arr.Add(CBORObject.FromObject(c.getEncoded()));
                }
                h.Add(HEADER_X5CHAIN, arr);
            }
        } catch (CertificateEncodingException e) {
            throw new SigningException(SigningException.Reason.CRYPTO, "cannot encode certificate", e);
        }
        return h.EncodeToBytes();
    }
}
