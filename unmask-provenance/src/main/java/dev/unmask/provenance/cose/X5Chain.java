package dev.unmask.provenance.cose;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import dev.unmask.provenance.trust.PemCertificates;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts the signer's certificate chain from the {@code x5chain} header (RFC 9360; C2PA specification 2.2 section
 * 13.2.1): label 33 in the protected header (C2PA 2.x), or the legacy text label {@code "x5chain"} in either header
 * (C2PA 1.x). A chain in both headers is rejected, as by the reference implementation. The value is one DER
 * certificate or an array of them, end entity first. Counts and sizes are checked before any certificate is parsed.
 */
public final class X5Chain {
    private static final String LEGACY_LABEL = "x5chain";

    private X5Chain() {}

    /** The chain, or a {@link CoseFormatException} saying why it is missing, malformed or too large. */
    public static List<X509Certificate> extract(CoseSign1 sign1, int maxCerts, int maxBytes)
            throws CoseFormatException {
        CBORObject prot = first(sign1.protectedValue(CoseSign1.LABEL_X5CHAIN), sign1.protectedValue(LEGACY_LABEL));
        CBORObject unprot = first(sign1.unprotectedValue(LEGACY_LABEL),
                sign1.unprotectedValue(CoseSign1.LABEL_X5CHAIN));
        if (prot != null && unprot != null) {
            throw new CoseFormatException("x5chain present in both protected and unprotected headers");
        }
        CBORObject value = prot != null ? prot : unprot;
        if (value == null) {
            throw new CoseFormatException("no x5chain header");
        }
        List<byte[]> ders = new ArrayList<>();
        if (value.getType() == CBORType.ByteString) {
            ders.add(value.GetByteString());
        } else if (value.getType() == CBORType.Array) {
            if (value.size() > maxCerts) {
                throw new CoseFormatException("x5chain has " + value.size() + " certificates, limit " + maxCerts);
            }
            for (int i = 0; i < value.size(); i++) {
                CBORObject c = value.get(i);
                if (c.getType() != CBORType.ByteString) {
                    throw new CoseFormatException("x5chain element " + i + " is not a byte string");
                }
                ders.add(c.GetByteString());
            }
        } else {
            throw new CoseFormatException("x5chain is neither a byte string nor an array");
        }
        if (ders.isEmpty()) {
            throw new CoseFormatException("x5chain is empty");
        }
        long total = 0;
        for (byte[] d : ders) {
            total += d.length;
        }
        if (total > maxBytes) {
            throw new CoseFormatException("x5chain has " + total + " bytes, limit " + maxBytes);
        }
        List<X509Certificate> out = new ArrayList<>(ders.size());
        for (int i = 0; i < ders.size(); i++) {
            try {
                out.add(PemCertificates.fromDer(ders.get(i)));
            } catch (IOException e) {
                throw new CoseFormatException("x5chain element " + i + " is not a certificate");
            }
        }
        return out;
    }

    private static CBORObject first(CBORObject a, CBORObject b) {
        return a != null ? a : b;
    }
}
