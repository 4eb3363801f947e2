package dev.unmask.provenance.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.upokecenter.cbor.CBORObject;
import dev.unmask.api.MediaType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks our signed files with readers we did not write: exiftool (Debian libimage-exiftool-perl) and the
 * TypeScript C2PA library c2pa-ts ({@code npm ci --prefix tools/c2pa-ts}). Skipped when a reader is missing.
 */
class ExternalReadersTest {
    @TempDir
    Path dir;

    private Path signed(String fixture, MediaType type, SigningAlgorithm alg, String name) throws Exception {
        byte[] out = SignFixtures.builder(alg).build().sign(SignFixtures.bytes(fixture), type);
        Path f = dir.resolve(name);
        Files.write(f, out);
        String keep = System.getenv("UNMASK_KEEP_SIGNED");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.write(Path.of(keep, name), out);
        }
        return f;
    }

    @Test
    void exiftoolListsOurJumbfBoxes() throws Exception {
        assumeTrue(ExternalReaders.exiftoolInstalled(), "exiftool not installed (apt-get install libimage-exiftool-perl)");
        for (Path f : List.of(
                signed("photos/rocket.jpg", MediaType.JPEG, SigningAlgorithm.ES256, "rocket.jpg"),
                signed("camera-jpeg/sample1.jpg", MediaType.JPEG, SigningAlgorithm.ED25519, "sample1.jpg"),
                signed("photos/chelsea.png", MediaType.PNG, SigningAlgorithm.ES256, "chelsea.png"))) {
            String out = ExternalReaders.run(List.of("exiftool", "-a", "-G1", "-JUMBF:all", "-CBOR:all", f.toString()));
            for (String label : List.of("c2pa", "urn:c2pa:" + SignFixtures.MANIFEST_ID, "c2pa.assertions",
                    "c2pa.actions.v2", "c2pa.hash.data", "c2pa.claim.v2", "c2pa.signature")) {
                assertTrue(out.contains("JUMD Label                      : " + label + "\n"),
                        f.getFileName() + ": exiftool shows label " + label + "\n" + out);
            }
            assertTrue(out.contains(Action.SOURCE_TRAINED_ALGORITHMIC), "exiftool decodes the actions CBOR\n" + out);
        }
    }

    @Test
    void exiftoolStillSeesExifOfSignedCameraJpeg() throws Exception {
        assumeTrue(ExternalReaders.exiftoolInstalled(), "exiftool not installed");
        Path f = signed("camera-jpeg/sample1.jpg", MediaType.JPEG, SigningAlgorithm.ES256, "exif.jpg");
        String signedOut = ExternalReaders.run(List.of("exiftool", "-s", "-EXIF:Make", "-EXIF:Model", f.toString()));
        String origOut = ExternalReaders.run(List.of("exiftool", "-s", "-EXIF:Make", "-EXIF:Model",
                ExternalReaders.repoRoot().resolve("testdata/camera-jpeg/sample1.jpg").toString()));
        assertEquals(origOut, signedOut, "EXIF unchanged by signing");
    }

    @Test
    void c2paTsValidatesIntegrityOfOurManifests() throws Exception {
        assumeTrue(ExternalReaders.c2paTsInstalled(), "c2pa-ts not installed (npm ci --prefix tools/c2pa-ts)");
        Path script = ExternalReaders.c2paTsDir().resolve("validate.mjs");
        for (Path f : List.of(
                signed("photos/rocket.jpg", MediaType.JPEG, SigningAlgorithm.ES256, "rocket.jpg"),
                signed("camera-jpeg/sample1.jpg", MediaType.JPEG, SigningAlgorithm.ED25519, "sample1.jpg"),
                signed("photos/chelsea.png", MediaType.PNG, SigningAlgorithm.ES256, "chelsea.png"),
                signed("photos/chelsea.png", MediaType.PNG, SigningAlgorithm.ED25519, "chelsea-ed.png"))) {
            String json = ExternalReaders.run(List.of("node", script.toString(), f.toString()));
            CBORObject r = CBORObject.FromJSONString(json.substring(json.indexOf('{')));
            assertTrue(r.get("found").AsBoolean(), f + ": c2pa-ts finds the manifest\n" + json);
            assertEquals("urn:c2pa:" + SignFixtures.MANIFEST_ID, r.get("activeManifest").AsString());
            assertEquals("Unmask", r.get("claimGenerator").AsString());
            Set<String> ok = new HashSet<>();
            Set<String> failures = new HashSet<>();
            CBORObject st = r.get("statuses");
            for (int i = 0; i < st.size(); i++) {
                String code = st.get(i).get("code").AsString();
                (st.get(i).get("success").AsBoolean() ? ok : failures).add(code);
            }
            assertTrue(ok.contains("claimSignature.validated"), f + ": signature\n" + json);
            assertTrue(ok.contains("assertion.dataHash.match"), f + ": data hash\n" + json);
            assertTrue(ok.contains("assertion.hashedURI.match"), f + ": hashed URIs\n" + json);
            failures.remove("signingCredential.untrusted");
            assertTrue(failures.isEmpty(), f + ": only trust may fail, got " + failures + "\n" + json);
            assertFalse(json.contains("\"error\""), json);
        }
    }

    /** c2pa-ts's verdict: success codes and failure codes. */
    private record Verdict(CBORObject json, Set<String> ok, Set<String> failures) {}

    private static Verdict c2paTs(Path f) throws Exception {
        String json = ExternalReaders.run(List.of("node", ExternalReaders.c2paTsDir().resolve("validate.mjs").toString(),
                f.toString()));
        CBORObject r = CBORObject.FromJSONString(json.substring(json.indexOf('{')));
        Set<String> ok = new HashSet<>();
        Set<String> failures = new HashSet<>();
        CBORObject st = r.get("statuses");
        for (int i = 0; i < st.size(); i++) {
            String code = st.get(i).get("code").AsString();
            (st.get(i).get("success").AsBoolean() ? ok : failures).add(code);
        }
        return new Verdict(r, ok, failures);
    }

    @Test
    void c2paTsDetectsTamperingAndReadsLargeKeygenAndReplacedManifests() throws Exception {
        assumeTrue(ExternalReaders.c2paTsInstalled(), "c2pa-ts not installed (npm ci --prefix tools/c2pa-ts)");
        byte[] signed = SignFixtures.builder(SigningAlgorithm.ES256).build()
                .sign(SignFixtures.bytes("photos/rocket.jpg"), MediaType.JPEG);
        byte[] tampered = signed.clone();
        tampered[tampered.length - 100] ^= 0x01;
        Path t = dir.resolve("tampered.jpg");
        Files.write(t, tampered);
        Verdict v = c2paTs(t);
        assertTrue(v.failures().contains("assertion.dataHash.mismatch"), "tamper detected: " + v.json());
        assertFalse(v.json().get("valid").AsBoolean());

        byte[] blob = new byte[150_000];
        new java.util.Random(3).nextBytes(blob);
        TestCredentials keygen = TestCredentials.generate(SigningAlgorithm.ED25519);
        byte[] big = C2paSigner.builder().credentials(keygen.credentials()).algorithm(SigningAlgorithm.ED25519)
                .action(Action.created(Action.SOURCE_DIGITAL_CAPTURE))
                .assertion("dev.unmask.blob", CBORObject.NewMap().Add("b", blob)).build()
                .sign(SignFixtures.bytes("camera-jpeg/sample1.jpg"), MediaType.JPEG);
        Path b = dir.resolve("big.jpg");
        Files.write(b, big);
        Verdict bv = c2paTs(b);
        assertTrue(bv.json().get("valid").AsBoolean(), "3-segment store with keygen credentials: " + bv.json());
        assertTrue(bv.ok().contains("assertion.dataHash.match"));
        assertTrue(bv.json().get("assertions").ToJSONString().contains("\"dev.unmask.blob\""), bv.json().toString());

        byte[] replaced = SignFixtures.builder(SigningAlgorithm.ED25519).replaceExisting(true).build()
                .sign(SignFixtures.bytes("c2pa/CA.jpg"), MediaType.JPEG);
        Path r = dir.resolve("replaced.jpg");
        Files.write(r, replaced);
        Verdict rv = c2paTs(r);
        assertTrue(rv.json().get("valid").AsBoolean(), "replaced manifest: " + rv.json());
        assertEquals("urn:c2pa:" + SignFixtures.MANIFEST_ID, rv.json().get("activeManifest").AsString());
    }
}
