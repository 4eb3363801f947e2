package dev.unmask.provenance.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.testkit.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust files (PEM bundle, allowed list, EKU configuration) and chain building against them. */
class TrustSettingsTest {
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    private static Path trustFile(String name) {
        return TestData.file("c2pa/certs/trust/" + name);
    }

    private static List<X509Certificate> chain(String alg) throws IOException {
        return PemCertificates.read(TestData.file("c2pa/certs/" + alg + ".pub"));
    }

    @Test
    void readsTestTrustFiles() throws Exception {
        TrustSettings t = TrustSettings.fromPem(trustFile("test_cert_root_bundle.pem"), trustFile("allowed_list.pem"),
                trustFile("store.cfg"));
        assertEquals(8, t.anchors().size());
        assertEquals(t.anchors(), t.tsaAnchors());
        assertEquals(7, t.allowedEndEntities().size());
        assertEquals(Set.of("1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.36", "1.3.6.1.5.5.7.3.8", "1.3.6.1.5.5.7.3.9",
                "1.3.6.1.4.1.311.76.59.1.9", "1.3.6.1.4.1.62558.2.1"), t.allowedEkus());
    }

    @Test
    void everyTestChainReachesTheBundle() throws Exception {
        TrustSettings t = TrustSettings.fromPem(trustFile("test_cert_root_bundle.pem"), null, null);
        for (String alg : new String[] {"es256", "es384", "es512", "ps256", "ps384", "ps512", "ed25519"}) {
            ChainResult r = ChainValidator.checkSigner(chain(alg), t, AT);
            assertTrue(r.trusted(), alg + ": " + r.reason());
        }
        assertFalse(ChainValidator.checkSigner(chain("es256"), TrustSettings.none(), AT).trusted());
        assertFalse(ChainValidator.checkSigner(List.of(chain("es256").getFirst()), t, AT).trusted(),
                "without the intermediate the chain stops");
        assertFalse(ChainValidator.checkSigner(chain("es256"), t, Instant.parse("2031-01-01T00:00:00Z")).trusted(),
                "expired chain");
    }

    @Test
    void allowedListByCertificateAndByHash() throws Exception {
        X509Certificate ee = chain("es256").getFirst();
        TrustSettings pem = TrustSettings.fromPem(null, trustFile("allowed_list.pem"), null);
        assertTrue(ChainValidator.checkSigner(List.of(ee), pem, AT).trusted());
        TrustSettings hashes = TrustSettings.fromPem(null, TestData.file("c2pa/raw_signature/allowed_list.hash"), null);
        assertEquals(7, hashes.allowedCertHashes().size());
        X509Certificate rawEe = PemCertificates.read(TestData.file("c2pa/raw_signature/es256.pub")).getFirst();
        assertTrue(ChainValidator.checkSigner(List.of(rawEe), hashes, AT).trusted());
        assertTrue(ChainValidator.checkSigner(List.of(ee), hashes, AT).trusted());
        X509Certificate rs256 = chain("rs256").getFirst();
        assertFalse(ChainValidator.checkSigner(List.of(rs256), hashes, AT).trusted(), "rs256 is not listed");
        assertFalse(ChainValidator.checkSigner(List.of(rs256), pem, AT).trusted(), "rs256 is not listed");
    }

    @Test
    void ekuConfigToleratesCommentsAndBlankLines(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("store.cfg");
        Files.writeString(cfg, "# heading\n\n// email\n1.3.6.1.5.5.7.3.4   // trailing\n  1.3.6.1.4.1.62558.2.1\nnot-an-oid\n");
        assertEquals(Set.of("1.3.6.1.5.5.7.3.4", "1.3.6.1.4.1.62558.2.1"),
                TrustSettings.fromPem(null, null, cfg).allowedEkus());
        Path empty = dir.resolve("empty.cfg");
        Files.writeString(empty, "// nothing\n");
        assertEquals(TrustSettings.DEFAULT_EKUS, TrustSettings.fromPem(null, null, empty).allowedEkus());
    }

    @Test
    void pemBundleWithCommentsAndBrokenBlock(@TempDir Path dir) throws Exception {
        String good = Files.readString(trustFile("test_cert_root_bundle.pem"));
        Path commented = dir.resolve("list.pem");
        Files.writeString(commented, "# C2PA trust list\nIssuer: test\n" + good + "\ntrailing words\n");
        assertEquals(8, PemCertificates.read(commented).size());
        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThrows(IOException.class, () -> PemCertificates.read(broken));
        assertTrue(PemCertificates.parse("no certificates here").isEmpty());
    }
}
