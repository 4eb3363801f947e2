package dev.unmask.provenance.cose;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Makes P-256 certificates with BouncyCastle for profile, chain and time-stamp tests. */
final class TestCertificates {
    private static long serial = 1000;

    private TestCertificates() {}

    /** A key pair and its certificate. */
    record Issued(KeyPair keys, X509Certificate cert) {
        PrivateKey key() {
            return keys.getPrivate();
        }
    }

    static KeyPair p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** A self-signed root CA. */
    static Issued root(String cn) throws Exception {
        KeyPair kp = p256();
        X500Name name = new X500Name("CN=" + cn + ",O=Test Root Org");
        X509v3CertificateBuilder b = builder(name, name, kp, Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2040-01-01T00:00:00Z"));
        JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(kp.getPublic()));
        return new Issued(kp, sign(b, kp.getPrivate()));
    }

    /**
     * An end-entity (or CA when {@code ca}) certificate issued by {@code issuer}, with the given EKUs (none when
     * null) and validity.
     */
    static Issued leaf(Issued issuer, String cn, KeyPurposeId[] ekus, boolean ca, Instant from, Instant to)
            throws Exception {
        KeyPair kp = p256();
        X500Name subject = new X500Name("CN=" + cn + ",O=Leaf Org");
        X500Name issuerName = X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder b = builder(issuerName, subject, kp, from, to);
        JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        int ku = ca ? KeyUsage.keyCertSign | KeyUsage.digitalSignature : KeyUsage.digitalSignature;
        b.addExtension(Extension.keyUsage, true, new KeyUsage(ku));
        if (ekus != null) {
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(ekus));
        }
        b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false,
                u.createAuthorityKeyIdentifier(issuer.cert()));
        return new Issued(kp, sign(b, issuer.key()));
    }

    static Issued leaf(Issued issuer, String cn, KeyPurposeId... ekus) throws Exception {
        return leaf(issuer, cn, ekus, false, Instant.parse("2021-01-01T00:00:00Z"),
                Instant.parse("2035-01-01T00:00:00Z"));
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair kp, Instant from,
            Instant to) {
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(++serial), Date.from(from), Date.from(to),
                subject, kp.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }
}
