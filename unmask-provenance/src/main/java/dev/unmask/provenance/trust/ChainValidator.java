package dev.unmask.provenance.trust;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * Builds a path from an {@code x5chain} (end entity first, RFC 9360) to a trust anchor (C2PA specification 2.2,
 * section 14.4): each certificate must be signed by the next one or by an anchor with a matching subject, every
 * issuing certificate must be a CA, and every non-anchor certificate must be valid at the given time. An end
 * entity on the allowed list is trusted directly. The caller bounds the chain length; work is linear in
 * chain length times anchor count.
 */
public final class ChainValidator {
    private static final String OID_AKI = "2.5.29.35";
    private static final String OID_SKI = "2.5.29.14";

    private ChainValidator() {}

    /** Checks {@code chain} against the claim-signer trust configuration of {@code settings}. */
    public static ChainResult checkSigner(List<X509Certificate> chain, TrustSettings settings, Instant at) {
        if (chain.isEmpty()) {
            return new ChainResult(false, "empty certificate chain");
        }
        X509Certificate ee = chain.getFirst();
        if (isAllowed(ee, settings.allowedEndEntities(), settings.allowedCertHashes())) {
            return new ChainResult(true, "end-entity certificate on the allowed list");
        }
        return toAnchor(chain, settings.anchors(), at);
    }

    /** Checks {@code chain} against {@code anchors}. */
    public static ChainResult toAnchor(List<X509Certificate> chain, List<X509Certificate> anchors, Instant at) {
        if (anchors.isEmpty()) {
            return new ChainResult(false, "no trust anchors configured");
        }
        Date when = Date.from(at);
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cur = chain.get(i);
            if (containsDer(anchors, cur)) {
                return new ChainResult(true, "chain reaches anchor " + cur.getSubjectX500Principal().getName());
            }
            if (!validAt(cur, when)) {
                return new ChainResult(false, "certificate " + i + " not valid at " + at);
            }
            for (X509Certificate anchor : anchors) {
                if (anchor.getSubjectX500Principal().equals(cur.getIssuerX500Principal())
                        && anchor.getBasicConstraints() >= 0 && keyIdsCompatible(cur, anchor) && signedBy(cur, anchor)) {
                    return new ChainResult(true, "issued by anchor " + anchor.getSubjectX500Principal().getName());
                }
            }
            if (i + 1 >= chain.size()) {
                break;
            }
            X509Certificate next = chain.get(i + 1);
            if (!next.getSubjectX500Principal().equals(cur.getIssuerX500Principal())
                    || next.getBasicConstraints() < 0 || !signedBy(cur, next)) {
                return new ChainResult(false, "certificate " + i + " is not issued by certificate " + (i + 1));
            }
        }
        return new ChainResult(false, "no trust anchor found for the chain");
    }

    /** Whether {@code ee} is on the allowed list, by DER equality or by base64 SHA-256 digest. */
    public static boolean isAllowed(X509Certificate ee, List<X509Certificate> allowed, Set<String> hashes) {
        if (containsDer(allowed, ee)) {
            return true;
        }
        if (hashes.isEmpty()) {
            return false;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(ee.getEncoded());
            return hashes.contains(Base64.getEncoder().encodeToString(d));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * False only when the child's authority key identifier and the issuer's subject key identifier are both present
     * and differ (RFC 5280 section 4.2.1.1), which skips signature checks against same-named foreign anchors.
     */
    static boolean keyIdsCompatible(X509Certificate child, X509Certificate issuer) {
        byte[] aki = child.getExtensionValue(OID_AKI);
        byte[] ski = issuer.getExtensionValue(OID_SKI);
        if (aki == null || ski == null) {
            return true;
        }
        try {
            byte[] akiId = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(aki).getOctets())
                    .getKeyIdentifier();
            byte[] skiId = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ski).getOctets())
                    .getKeyIdentifier();
            return akiId == null || Arrays.equals(akiId, skiId);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static boolean containsDer(List<X509Certificate> list, X509Certificate c) {
        try {
            byte[] der = c.getEncoded();
            for (X509Certificate x : list) {
                if (Arrays.equals(der, x.getEncoded())) {
                    return true;
                }
            }
        } catch (GeneralSecurityException e) {
            return false;
        }
        return false;
    }

    private static boolean validAt(X509Certificate c, Date when) {
        return !when.before(c.getNotBefore()) && !when.after(c.getNotAfter());
    }

    private static boolean signedBy(X509Certificate child, X509Certificate issuer) {
        try {
            child.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
