package dev.unmask.provenance.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.MediaType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestCredentialsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void generatesC2paProfileCertificatesThatSign(SigningAlgorithm alg) throws Exception {
        TestCredentials tc = TestCredentials.generate(alg);
        tc.writePem(dir);
        SigningCredentials loaded = SigningCredentials.fromPem(dir.resolve(TestCredentials.KEY_FILE),
                dir.resolve(TestCredentials.CHAIN_FILE));
        assertEquals(2, loaded.chain().size());
        X509Certificate leaf = loaded.chain().get(0);
        X509Certificate ca = SigningCredentials.readChain(dir.resolve(TestCredentials.CA_FILE)).get(0);
        assertEquals(ca, loaded.chain().get(1));

        assertEquals(3, leaf.getVersion());
        assertEquals(-1, leaf.getBasicConstraints(), "signer is not a CA");
        assertTrue(leaf.getKeyUsage()[0], "digitalSignature");
        assertFalse(leaf.getKeyUsage()[5], "no keyCertSign on the signer");
        assertTrue(leaf.getCriticalExtensionOIDs().contains("2.5.29.15"), "key usage is critical");
        List<String> eku = leaf.getExtendedKeyUsage();
        assertTrue(eku.contains(TestCredentials.OID_C2PA_CLAIM_SIGNING), eku.toString());
        assertTrue(eku.contains("1.3.6.1.5.5.7.3.4"), "emailProtection");
        assertFalse(eku.contains("2.5.29.37.0"), "no anyExtendedKeyUsage");
        assertNotNull(leaf.getExtensionValue("2.5.29.35"), "authority key identifier");
        assertNotNull(leaf.getExtensionValue("2.5.29.14"), "subject key identifier");
        leaf.verify(ca.getPublicKey());
        leaf.checkValidity();

        assertTrue(ca.getBasicConstraints() >= 0, "CA");
        assertTrue(ca.getKeyUsage()[5], "keyCertSign");
        assertNotNull(ca.getExtensionValue("2.5.29.14"));
        ca.verify(ca.getPublicKey());

        byte[] out = C2paSigner.builder().credentials(loaded).algorithm(alg)
                .action(Action.created(Action.SOURCE_DIGITAL_CAPTURE)).build()
                .sign(SignFixtures.bytes("photos/rocket.jpg"), MediaType.JPEG);
        C2paSignerTest.verifyManifest(ManifestProbe.jpeg(out), out, alg);
        assertTrue(Files.readString(dir.resolve(TestCredentials.KEY_FILE)).startsWith("-----BEGIN PRIVATE KEY-----"));
    }
}
