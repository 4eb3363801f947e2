package dev.unmask.provenance.cose;

import dev.unmask.provenance.c2pa.StatusCodes;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The X.509 certificate profile for C2PA signers (C2PA specification 2.2, section 14.5.1 "Certificate Profile"),
 * checked in the reference implementation's order: version 3, validity at the signing time, signature and key
 * algorithms (RSA at least 2048 bits, P-256/P-384/P-521, Ed25519, PSS with matching MGF1 hash), no self-signed CA,
 * no unique identifiers, extended key usage (one allowed EKU, not anyExtendedKeyUsage, timeStamping or OCSPSigning
 * only alone), authority key identifier, key usage, and no unhandled critical extension.
 */
public final class CertificateProfile {
    /** A profile violation: the status code and why. */
    public record Violation(String code, String reason) {}

    private static final int V3 = 3;
    private static final int MIN_RSA_BITS = 2048;
    private static final int KU_DIGITAL_SIGNATURE = 0;
    private static final int KU_NON_REPUDIATION = 1;
    private static final int KU_KEY_CERT_SIGN = 5;
    private static final String OID_RSASSA_PSS = "1.2.840.113549.1.1.10";
    private static final String OID_EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    private static final String OID_RSA = "1.2.840.113549.1.1.1";
    private static final String EKU_ANY = "2.5.29.37.0";
    private static final String EKU_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    private static final String EKU_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    private static final String EXT_AKI = "2.5.29.35";
    private static final String EXT_SKI = "2.5.29.14";
    private static final Set<String> CERT_SIG_ALGS = Set.of(
            "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13",
            "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4", OID_RSASSA_PSS, "1.3.101.112");
    private static final Set<String> PSS_HASHES =
            Set.of("2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.2", "2.16.840.1.101.3.4.2.3");
    private static final Set<String> CURVES = Set.of("1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35");
    private static final Set<String> HANDLED_CRITICAL = Set.of(
            "2.5.29.15", "2.5.29.32", "2.5.29.33", "2.5.29.17", "2.5.29.19", "2.5.29.30", "2.5.29.36",
            "2.5.29.37", "2.5.29.31", "2.5.29.54", "1.3.6.1.5.5.7.1.1", EXT_AKI, EXT_SKI, "2.16.840.1.113730.1.1");

    private CertificateProfile() {}

    /** Whether {@code c} is valid at {@code at} (inclusive bounds). */
    public static boolean validAt(X509Certificate c, Instant at) {
        Date when = Date.from(at);
        return !when.before(c.getNotBefore()) && !when.after(c.getNotAfter());
    }

    /**
     * Checks an end-entity signing certificate; returns the first violation or null. An expired (or not yet
     * valid) certificate gives {@code signingCredential.expired}, everything else {@code signingCredential.invalid}.
     */
    public static Violation checkEndEntity(X509Certificate c, Set<String> allowedEkus, Instant signingTime) {
        Violation v = check(c, allowedEkus, signingTime);
        if (v == null && c.getBasicConstraints() >= 0) {
            v = invalid("expected an end-entity certificate, found a CA");
        }
        return v;
    }

    private static Violation check(X509Certificate c, Set<String> allowedEkus, Instant at) {
        if (c.getVersion() != V3) {
            return invalid("certificate version is not 3");
        }
        if (!validAt(c, at)) {
            return new Violation(StatusCodes.SIGNING_CREDENTIAL_EXPIRED, "certificate not valid at " + at);
        }
        Violation v = checkAlgorithms(c);
        if (v != null) {
            return v;
        }
        boolean ca = c.getBasicConstraints() >= 0;
        if (ca && c.getIssuerX500Principal().equals(c.getSubjectX500Principal())) {
            return invalid("self-signed certificate");
        }
        if (c.getIssuerUniqueID() != null || c.getSubjectUniqueID() != null) {
            return invalid("issuer/subject unique identifiers are not allowed");
        }
        v = checkEku(c, allowedEkus, ca);
        if (v != null) {
            return v;
        }
        return checkExtensions(c, ca);
    }

    private static Violation checkAlgorithms(X509Certificate c) {
        String sigAlg = c.getSigAlgOID();
        if (!CERT_SIG_ALGS.contains(sigAlg)) {
            return invalid("certificate signature algorithm " + sigAlg + " not allowed");
        }
        try {
            if (OID_RSASSA_PSS.equals(sigAlg)) {
                byte[] params = c.getSigAlgParams();
                if (params == null) {
                    return invalid("RSASSA-PSS without parameters");
                }
                RSASSAPSSparams p = RSASSAPSSparams.getInstance(params);
                String hash = p.getHashAlgorithm().getAlgorithm().getId();
                AlgorithmIdentifier mgfHash = AlgorithmIdentifier.getInstance(p.getMaskGenAlgorithm().getParameters());
                if (!hash.equals(mgfHash.getAlgorithm().getId()) || !PSS_HASHES.contains(hash)) {
                    return invalid("RSASSA-PSS hash and MGF1 hash must be one SHA-2 algorithm");
                }
            }
            PublicKey key = c.getPublicKey();
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            String keyAlg = spki.getAlgorithm().getAlgorithm().getId();
            if (OID_EC_PUBLIC_KEY.equals(keyAlg)) {
                if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)
                        || !CURVES.contains(curve.getId())) {
                    return invalid("EC key not on P-256, P-384 or P-521");
                }
            }
            if ((OID_RSA.equals(keyAlg) || OID_RSASSA_PSS.equals(keyAlg))
                    && (!(key instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_BITS)) {
                return invalid("RSA key shorter than " + MIN_RSA_BITS + " bits");
            }
        } catch (RuntimeException e) {
            return invalid("malformed algorithm parameters");
        }
        return null;
    }

    private static Violation checkEku(X509Certificate c, Set<String> allowedEkus, boolean ca) {
        List<String> ekus;
        try {
            ekus = c.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return invalid("malformed extended key usage");
        }
        if (ekus == null) {
            return ca ? null : invalid("end-entity certificate without extended key usage");
        }
        if (ekus.contains(EKU_ANY)) {
            return invalid("anyExtendedKeyUsage is not allowed");
        }
        if (ekus.stream().noneMatch(allowedEkus::contains)) {
            return invalid("no allowed extended key usage in " + ekus);
        }
        boolean ocsp = ekus.contains(EKU_OCSP_SIGNING);
        boolean ts = ekus.contains(EKU_TIME_STAMPING);
        boolean others = ekus.stream().anyMatch(e -> !e.equals(EKU_OCSP_SIGNING) && !e.equals(EKU_TIME_STAMPING));
        if ((ocsp && ts) || ((ocsp ^ ts) && others)) {
            return invalid("timeStamping or OCSPSigning combined with other extended key usages");
        }
        return null;
    }

    private static Violation checkExtensions(X509Certificate c, boolean ca) {
        if (c.getExtensionValue(EXT_AKI) == null) {
            return invalid("no authority key identifier");
        }
        if (ca && c.getExtensionValue(EXT_SKI) == null) {
            return invalid("CA certificate without subject key identifier");
        }
        boolean[] ku = c.getKeyUsage();
        if (ku == null) {
            return invalid("no key usage");
        }
        boolean ds = bit(ku, KU_DIGITAL_SIGNATURE);
        boolean certSign = bit(ku, KU_KEY_CERT_SIGN);
        if (ds && certSign && !ca) {
            return invalid("keyCertSign on an end-entity certificate");
        }
        if (!ds && !certSign && !bit(ku, KU_NON_REPUDIATION)) {
            return invalid("key usage lacks digitalSignature");
        }
        Set<String> critical = c.getCriticalExtensionOIDs();
        if (critical != null) {
            for (String oid : critical) {
                if (!HANDLED_CRITICAL.contains(oid)) {
                    return invalid("unhandled critical extension " + oid);
                }
            }
        }
        return null;
    }

    private static boolean bit(boolean[] ku, int i) {
        return ku.length > i && ku[i];
    }

    private static Violation invalid(String reason) {
        return new Violation(StatusCodes.SIGNING_CREDENTIAL_INVALID, reason);
    }
}
