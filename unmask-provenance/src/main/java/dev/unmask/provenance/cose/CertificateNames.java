package dev.unmask.provenance.cose;

import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Display names from X.509 distinguished names (the last CN or O attribute, as the reference implementation). */
final class CertificateNames {
    private CertificateNames() {}

    /** The subject's common name, else the whole subject DN. */
    static String subjectName(X509Certificate c) {
        String cn = attribute(c.getSubjectX500Principal(), BCStyle.CN);
        return cn != null ? cn : c.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    /** The subject's organization, or null. */
    static String subjectOrganization(X509Certificate c) {
        return attribute(c.getSubjectX500Principal(), BCStyle.O);
    }

    /** The issuer's organization, else its common name, else the whole issuer DN. */
    static String issuerName(X509Certificate c) {
        String o = attribute(c.getIssuerX500Principal(), BCStyle.O);
        if (o == null) {
            o = attribute(c.getIssuerX500Principal(), BCStyle.CN);
        }
        return o != null ? o : c.getIssuerX500Principal().getName(X500Principal.RFC2253);
    }

    private static String attribute(X500Principal p, ASN1ObjectIdentifier type) {
        try {
            RDN[] rdns = X500Name.getInstance(p.getEncoded()).getRDNs(type);
            return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[rdns.length - 1].getFirst().getValue());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
