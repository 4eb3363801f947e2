package dev.unmask.provenance.sign;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
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
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates throw-away C2PA signing credentials: a self-signed test CA and a signing (end-entity) certificate
 * issued by it, following the C2PA 2.2 certificate profile (section 14.5.1): X.509 v3; CA with
 * basicConstraints cA=true (critical), keyUsage keyCertSign|cRLSign (critical) and a subject key identifier; signer
 * with basicConstraints cA=false, keyUsage digitalSignature (critical), extended key usage c2pa-kp-claimSigning
 * (1.3.6.1.4.1.62558.2.1) plus id-kp-emailProtection (accepted by c2pa-rs's default EKU list), authority and
 * subject key identifiers, no anyExtendedKeyUsage. Not for production: the CA is untrusted everywhere except where
 * its certificate is added to a trust list. Backs {@code unmask keygen}.
 */
public final class TestCredentials {
    /** C2PA claim-signing extended key usage (C2PA 2.2 section 14.4.1). */
    public static final String OID_C2PA_CLAIM_SIGNING = "1.3.6.1.4.1.62558.2.1";
    /** Default validity of generated certificates. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);
    /** File names written by {@link #writePem(Path)}. */
    public static final String KEY_FILE = "signer.key.pem";
    /** Chain file: signer certificate then CA certificate. */
    public static final String CHAIN_FILE = "signer.chain.pem";
    /** CA certificate (trust anchor to configure in validators). */
    public static final String CA_FILE = "ca.cert.pem";
    private static final int SERIAL_BITS = 64;

    private final SigningAlgorithm algorithm;
    private final KeyPair caKeys;
    private final KeyPair signerKeys;
    private final X509Certificate caCertificate;
    private final X509Certificate signerCertificate;

    private TestCredentials(SigningAlgorithm algorithm, KeyPair caKeys, KeyPair signerKeys, X509Certificate ca,
            X509Certificate signer) {
        this.algorithm = algorithm;
        this.caKeys = caKeys;
        this.signerKeys = signerKeys;
        this.caCertificate = ca;
        this.signerCertificate = signer;
    }

    /** Generates a CA and a signer for {@code algorithm}, valid from {@code notBefore} for {@code validity}. */
    public static TestCredentials generate(SigningAlgorithm algorithm, String commonName, Instant notBefore,
            Duration validity) throws GeneralSecurityException {
        SecureRandom rnd = new SecureRandom();
        KeyPair ca = keyPair(algorithm, rnd);
        KeyPair signer = keyPair(algorithm, rnd);
        Date from = Date.from(notBefore);
        Date to = Date.from(notBefore.plus(validity));
        X500Name caName = new X500Name("CN=" + commonName + " Test CA,O=Unmask test credentials");
        X500Name signerName = new X500Name("CN=" + commonName + " Signer,O=Unmask test credentials");
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder cab = new JcaX509v3CertificateBuilder(caName, serial(rnd), from, to, caName,
                    ca.getPublic());
            cab.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            cab.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            cab.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(ca.getPublic()));
            X509Certificate caCert = sign(cab, algorithm, ca);

            X509v3CertificateBuilder sb = new JcaX509v3CertificateBuilder(caCert, serial(rnd), from, to, signerName,
                    signer.getPublic());
            sb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            sb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            sb.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.getInstance(new ASN1ObjectIdentifier(OID_C2PA_CLAIM_SIGNING)),
                KeyPurposeId.id_kp_emailProtection}));
            sb.addExtension(Extension.subjectKeyIdentifier, false,
                    ext.createSubjectKeyIdentifier(signer.getPublic()));
            sb.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            X509Certificate signerCert = sign(sb, algorithm, ca);
            signerCert.verify(caCert.getPublicKey());
            return new TestCredentials(algorithm, ca, signer, caCert, signerCert);
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build test certificates: " + e.getMessage(), e);
        }
    }

    /** Generates credentials valid from one hour ago for {@link #DEFAULT_VALIDITY}. */
    public static TestCredentials generate(SigningAlgorithm algorithm) throws GeneralSecurityException {
        return generate(algorithm, "Unmask", Instant.now().minus(Duration.ofHours(1)), DEFAULT_VALIDITY);
    }

    /** The algorithm the keys are for. */
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    /** The CA certificate (trust anchor). */
    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** The signing certificate. */
    public X509Certificate signerCertificate() {
        return signerCertificate;
    }

    /** Key and chain (signer, CA) for {@link C2paSigner.Builder#credentials(SigningCredentials)}. */
    public SigningCredentials credentials() {
        return new SigningCredentials(signerKeys.getPrivate(), List.of(signerCertificate, caCertificate));
    }

    /** The CA's key pair (to issue more certificates in tests). */
    public KeyPair caKeys() {
        return caKeys;
    }

    /**
     * Writes {@link #KEY_FILE} (PKCS#8), {@link #CHAIN_FILE} (signer then CA) and {@link #CA_FILE} into
     * {@code dir}, creating it if needed.
     */
    public void writePem(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(KEY_FILE),
                pem(new PemObject("PRIVATE KEY", signerKeys.getPrivate().getEncoded())), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(CHAIN_FILE), pem(signerCertificate) + pem(caCertificate),
                StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(CA_FILE), pem(caCertificate), StandardCharsets.US_ASCII);
    }

    private static String pem(Object o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }

    private static KeyPair keyPair(SigningAlgorithm algorithm, SecureRandom rnd) throws GeneralSecurityException {
        if (algorithm == SigningAlgorithm.ES256) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), rnd);
            return g.generateKeyPair();
        }
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, SigningAlgorithm algorithm, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        String sigAlg = algorithm == SigningAlgorithm.ES256 ? "SHA256withECDSA" : "Ed25519";
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(sigAlg).build(issuer.getPrivate())));
    }

    private static BigInteger serial(SecureRandom rnd) {
        return new BigInteger(SERIAL_BITS, rnd).setBit(SERIAL_BITS - 1);
    }
}
