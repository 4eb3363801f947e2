package dev.unmask.provenance.cose;

import dev.unmask.provenance.trust.PemCertificates;
import dev.unmask.provenance.trust.TrustSettings;
import dev.unmask.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Loads the C2PA test keys, chains and trust files from testdata/c2pa. */
final class TestKeys {
    /** A time inside the validity of every test certificate (2022-06 .. 2030-08). */
    static final Instant VALID_TIME = Instant.parse("2025-01-01T00:00:00Z");
    private static final String[] KEY_ALGS = {"EC", "RSA", "RSASSA-PSS", "Ed25519"};

    private TestKeys() {}

    static List<X509Certificate> chain(String alg) throws Exception {
        return PemCertificates.read(TestData.file("c2pa/certs/" + alg + ".pub"));
    }

    static PrivateKey privateKey(Path pem) throws Exception {
        byte[] der = pemBody(Files.readString(pem, StandardCharsets.US_ASCII));
        for (String a : KEY_ALGS) {
            try {
                return KeyFactory.getInstance(a).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (Exception ignored) {
                // try the next key type
            }
        }
        throw new IllegalStateException("unreadable key " + pem);
    }

    static PrivateKey privateKey(String alg) throws Exception {
        return privateKey(TestData.file("c2pa/certs/" + alg + ".pem"));
    }

    static PublicKey publicKey(byte[] spki) {
        for (String a : KEY_ALGS) {
            try {
                return KeyFactory.getInstance(a).generatePublic(new X509EncodedKeySpec(spki));
            } catch (Exception ignored) {
                // try the next key type
            }
        }
        throw new IllegalStateException("unreadable public key");
    }

    static TrustSettings testTrust() throws Exception {
        return TrustSettings.fromPem(TestData.file("c2pa/certs/trust/test_cert_root_bundle.pem"), null,
                TestData.file("c2pa/certs/trust/store.cfg"));
    }

    static CoseAlgorithm algOf(String name) {
        return name.equals("ed25519") ? CoseAlgorithm.ED25519 : CoseAlgorithm.valueOf(name.toUpperCase());
    }

    private static byte[] pemBody(String pem) {
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(b64);
    }
}
