package dev.unmask.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unmask.testkit.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provenance, sign and keygen commands, end to end on real fixtures and on files they make. */
class ProvenanceCommandTest {
    private static String f(String rel) {
        return TestData.file(rel).toString();
    }

    private static String trustBundle() {
        return f("c2pa/certs/trust/test_cert_root_bundle.pem");
    }

    @Test
    void validManifestIsSummarised() {
        Cli r = Cli.run("provenance", "--trust", trustBundle(), f("c2pa/CA.jpg"));
        assertEquals(UnmaskCommand.OK, r.exit(), r.err());
        assertTrue(r.out().contains("C2PA manifest store (jpeg-app11), 1 manifest: VALID"), r.out());
        assertTrue(r.out().contains("trusted signer"), r.out());
        assertTrue(r.out().contains("validation  "), r.out());
    }

    @Test
    void withoutTrustAnchorsTheSignerIsUntrustedButVerified() {
        Cli r = Cli.run("provenance", f("c2pa/CA.jpg"));
        assertEquals(UnmaskCommand.OK, r.exit(), r.err());
        assertTrue(r.out().contains("untrusted signer (no trust anchors given; see --trust)"), r.out());
    }

    @Test
    void tamperedFilesShowTheirFailureCodes() {
        Cli r = Cli.run("provenance", "--trust", trustBundle(), f("c2pa/XCA.jpg"), f("c2pa/E-sig-CA.jpg"));
        assertEquals(UnmaskCommand.OK, r.exit(), r.err());
        assertTrue(r.out().contains("XCA.jpg: C2PA manifest store"), r.out());
        assertTrue(r.out().contains("FAIL assertion.dataHash.mismatch"), r.out());
        assertTrue(r.out().contains("FAIL claimSignature.mismatch"), r.out());
        Cli gate = Cli.run("provenance", "--fail-on", "invalid", f("c2pa/XCA.jpg"));
        assertEquals(UnmaskCommand.FAIL_ON_MATCHED, gate.exit());
    }

    @Test
    void remoteAndMissingManifestsAreSaidPlainly() {
        Cli r = Cli.run("provenance", f("c2pa/cloud.jpg"), f("c2pa/no_manifest.jpg"), f("photos/chelsea.png"));
        assertEquals(UnmaskCommand.OK, r.exit(), r.err());
        assertTrue(r.out().contains("cloud.jpg: remote C2PA manifest at https://"), r.out());
        assertTrue(r.out().contains("(not fetched"), r.out());
        assertTrue(r.out().contains("no_manifest.jpg: no C2PA manifest"), r.out());
        assertTrue(r.out().contains("chelsea.png: no C2PA manifest"), r.out());
        assertEquals(UnmaskCommand.FAIL_ON_MATCHED, Cli.run("provenance", "--fail-on", "missing", f("photos/chelsea.png")).exit());
    }

    @Test
    void jsonHoldsTheWholeStoreAndStatuses() throws Exception {
        Cli r = Cli.run("provenance", "--json", "--trust", trustBundle(), f("c2pa/CACA.jpg"));
        assertEquals(UnmaskCommand.OK, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode file = doc.get("files").get(0);
        assertEquals("jpeg", file.get("media_type").asText());
        assertEquals(64, file.get("sha256").asText().length());
        assertTrue(r.out().contains("ingredient.manifest.validated"), "ingredient statuses are in the dump");
    }

    @Test
    void usageErrors() {
        assertEquals(UnmaskCommand.USAGE, Cli.run("provenance", "--fail-on", "sometimes", f("c2pa/CA.jpg")).exit());
        assertEquals(UnmaskCommand.USAGE, Cli.run("provenance", "--trust", "/no/such.pem", f("c2pa/CA.jpg")).exit());
        Cli r = Cli.run("provenance", "/no/such.jpg");
        assertEquals(UnmaskCommand.USAGE, r.exit());
        assertTrue(r.err().contains("no such file: /no/such.jpg"), r.err());
        r = Cli.run("provenance", TestData.file("c2pa/CA.jpg").getParent().toString());
        assertEquals(UnmaskCommand.USAGE, r.exit());
        assertTrue(r.err().contains("is a folder; 'provenance' takes files"), r.err());
    }

    @Test
    void keygenSignAndVerifyRoundTrip(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        Cli k = Cli.run("keygen", "--out", keys.toString());
        assertEquals(UnmaskCommand.OK, k.exit(), k.err());
        assertTrue(Files.isRegularFile(keys.resolve("signer.key.pem")));
        assertEquals(UnmaskCommand.USAGE, Cli.run("keygen", "--out", keys.toString()).exit(), "never overwrites keys");

        for (String input : new String[] {"photos/rocket.jpg", "photos/chelsea.png"}) {
            Path out = dir.resolve("signed-" + Path.of(input).getFileName());
            Cli s = Cli.run("sign", "--key", keys.resolve("signer.key.pem").toString(), "--cert",
                    keys.resolve("signer.chain.pem").toString(), "--action", "created", "--source-type",
                    "trainedAlgorithmicMedia", f(input), out.toString());
            assertEquals(UnmaskCommand.OK, s.exit(), s.err());
            Cli v = Cli.run("provenance", "--trust", keys.resolve("ca.cert.pem").toString(), out.toString());
            assertEquals(UnmaskCommand.OK, v.exit(), v.err());
            assertTrue(v.out().contains(": VALID"), v.out());
            assertTrue(v.out().contains("trusted signer"), v.out());
            assertTrue(v.out().contains("action      c2pa.created, source trainedAlgorithmicMedia"), v.out());
            assertTrue(v.out().contains("generator   Unmask"), v.out());
        }
    }

    @Test
    void editedAssetsRecordTheirParent(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        assertEquals(0, Cli.run("keygen", "--out", keys.toString(), "--alg", "ed25519").exit());
        Path out = dir.resolve("edited.jpg");
        Cli s = Cli.run("sign", "--key", keys.resolve("signer.key.pem").toString(), "--cert",
                keys.resolve("signer.chain.pem").toString(), "--alg", "ed25519", "--action", "edited",
                "--source-type", "compositeWithTrainedAlgorithmicMedia", f("photos/rocket.jpg"), out.toString());
        assertEquals(UnmaskCommand.OK, s.exit(), s.err());
        Cli v = Cli.run("provenance", "--trust", keys.resolve("ca.cert.pem").toString(), out.toString());
        assertTrue(v.out().contains(": VALID"), v.out());
        assertTrue(v.out().contains("c2pa.opened"), v.out());
        assertTrue(v.out().contains("c2pa.edited"), v.out());
        assertTrue(v.out().contains("rocket.jpg (parentOf"), v.out());
    }

    @Test
    void signRefusesWhatItCannotDo(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        assertEquals(0, Cli.run("keygen", "--out", keys.toString()).exit());
        String k = keys.resolve("signer.key.pem").toString();
        String c = keys.resolve("signer.chain.pem").toString();
        Cli gif = Cli.run("sign", "--key", k, "--cert", c, "--action", "created", "--source-type", "digitalCapture",
                f("c2pa/sample1.gif"), dir.resolve("x.gif").toString());
        assertEquals(UnmaskCommand.SOME_FAILED, gif.exit());
        assertTrue(gif.err().contains("only JPEG and PNG can be signed"), gif.err());
        Cli signed = Cli.run("sign", "--key", k, "--cert", c, "--action", "created", "--source-type", "digitalCapture",
                f("c2pa/CA.jpg"), dir.resolve("y.jpg").toString());
        assertEquals(UnmaskCommand.SOME_FAILED, signed.exit(), "an existing manifest is kept unless --replace");
        assertTrue(signed.err().contains("cannot sign"), signed.err());
        Cli noSource = Cli.run("sign", "--key", k, "--cert", c, "--action", "created", f("photos/rocket.jpg"), dir.resolve("n.jpg").toString());
        assertEquals(UnmaskCommand.USAGE, noSource.exit());
        assertTrue(noSource.err().contains("--action created needs --source-type"), noSource.err());
        assertEquals(UnmaskCommand.USAGE, Cli.run("sign", "--key", k, "--cert", c, "--action", "deleted",
                f("photos/rocket.jpg"), dir.resolve("z.jpg").toString()).exit());
        assertEquals(UnmaskCommand.USAGE, Cli.run("sign", "--key", "/no/key.pem", "--cert", c, "--action", "created",
                f("photos/rocket.jpg"), dir.resolve("z.jpg").toString()).exit());
        assertEquals(UnmaskCommand.USAGE, Cli.run("sign", "--key", k, "--cert", c, "--action", "created",
                "--source-type", "not a type!", f("photos/rocket.jpg"), dir.resolve("z.jpg").toString()).exit());
    }
}
