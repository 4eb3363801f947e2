package dev.unmask.provenance.sign;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A private key and its certificate chain (leaf first), as used for C2PA claim signing.
 *
 * @param key the private key
 * @param chain certificates, signing certificate first
 */
public record SigningCredentials(PrivateKey key, List<X509Certificate> chain) {
    /** Largest PEM file read. */
    public static final long MAX_PEM_BYTES = 1024 * 1024;
    /** Most certificates in a chain. */
    public static final int MAX_CHAIN = 16;

    /** Copies the chain. */
    public SigningCredentials {
        chain = List.copyOf(chain);
    }

    /** Loads a PKCS#8 (or traditional) PEM private key and a PEM certificate chain. */
    public static SigningCredentials fromPem(Path keyPem, Path chainPem) throws IOException {
        return new SigningCredentials(readKey(keyPem), readChain(chainPem));
    }

    /** Reads the first private key in a PEM file. */
    public static PrivateKey readKey(Path pem) throws IOException {
        try (Reader r = Files.newBufferedReader(checked(pem), StandardCharsets.US_ASCII);
                PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            if (o instanceof PrivateKeyInfo pki) {
                return conv.getPrivateKey(pki);
            }
            if (o instanceof PEMKeyPair kp) {
                return conv.getPrivateKey(kp.getPrivateKeyInfo());
            }
            throw new IOException("no private key in " + pem);
        }
    }

    /** Reads every certificate in a PEM file, in order. */
    public static List<X509Certificate> readChain(Path pem) throws IOException {
        try (var in = Files.newInputStream(checked(pem))) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (out.size() >= MAX_CHAIN) {
                    throw new IOException("more than " + MAX_CHAIN + " certificates in " + pem);
                }
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException("no certificate in " + pem);
            }
            return out;
        } catch (CertificateException e) {
            throw new IOException("bad certificate in " + pem + ": " + e.getMessage(), e);
        }
    }

    private static Path checked(Path p) throws IOException {
        if (Files.size(p) > MAX_PEM_BYTES) {
            throw new IOException(p + " is larger than " + MAX_PEM_BYTES + " bytes");
        }
        return p;
    }
}
