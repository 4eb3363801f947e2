package dev.unmask.provenance.cose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.provenance.trust.PemCertificates;
import dev.unmask.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PublicKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference implementation's raw-signature vectors: one signature per algorithm over a fixed string. */
class RawSignatureVectorsTest {
    private static final byte[] CONTENT = "some sample content to sign".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @ValueSource(strings = {"es256", "es384", "es512", "ps256", "ps384", "ps512", "ed25519"})
    void rawSignatureVerifiesWithKeyAndCertificate(String name) throws Exception {
        CoseAlgorithm alg = TestKeys.algOf(name);
        byte[] sig = Files.readAllBytes(TestData.file("c2pa/raw_signature/" + name + ".raw_sig"));
        PublicKey key = TestKeys.publicKey(Files.readAllBytes(TestData.file("c2pa/raw_signature/" + name + ".pub_key")));
        assertTrue(alg.verify(key, CONTENT, sig), name + " with .pub_key");
        PublicKey certKey = PemCertificates.read(TestData.file("c2pa/raw_signature/" + name + ".pub"))
                .getFirst().getPublicKey();
        assertTrue(alg.verify(certKey, CONTENT, sig), name + " with certificate");

        byte[] tampered = CONTENT.clone();
        tampered[0] ^= 1;
        assertFalse(alg.verify(key, tampered, sig), name + " tampered content");
        byte[] badSig = sig.clone();
        badSig[badSig.length / 2] ^= 0x40;
        assertFalse(alg.verify(key, CONTENT, badSig), name + " tampered signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {"es256", "ps256", "ed25519"})
    void wrongAlgorithmDoesNotVerify(String name) throws Exception {
        byte[] sig = Files.readAllBytes(TestData.file("c2pa/raw_signature/" + name + ".raw_sig"));
        PublicKey key = TestKeys.publicKey(Files.readAllBytes(TestData.file("c2pa/raw_signature/" + name + ".pub_key")));
        CoseAlgorithm other = name.equals("es256") ? CoseAlgorithm.ES384 : CoseAlgorithm.ES256;
        assertFalse(other.verify(key, CONTENT, sig));
    }
}
