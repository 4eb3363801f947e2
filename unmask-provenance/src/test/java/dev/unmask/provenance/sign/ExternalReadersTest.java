package dev.unmask.provenance.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.upokecenter.cbor.CBORObject;
import dev.unmask.api.MediaType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks our signed files with readers we did not write: exiftool (Debian libimage-exiftool-perl) and the
 * TypeScript C2PA library c2pa-ts ({@code npm ci --prefix tools/c2pa-ts}). Skipped when a reader is missing.
 * Set UNMASK_KEEP_SIGNED=dir to keep the signed files for inspection.
 *
 * <p>Trust: c2pa-ts 0.9.x does not implement chain-of-trust validation (it reports
 * {@code signingCredential.trusted} without a trust list), so only integrity codes are asserted here.
 */
class ExternalReadersTest {
    private static final int BLOB_BYTES = 150_000;

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        String keep = System.getenv("UNMASK_KEEP_SIGNED");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.write(Path.of(keep, name), bytes);
        }
        return f;
    }

    private Path signed(String fixture, MediaType type, SigningAlgorithm alg, String name) throws Exception {
        return write(name, SignFixtures.builder(alg).build().sign(SignFixtures.bytes(fixture), type));
    }

    /** sample1.jpg signed with keygen credentials and a large extra assertion: a 3-segment APP11 store. */
    private Path bigKeygenSigned() throws Exception {
        byte[] blob = new byte[BLOB_BYTES];
        new Random(3).nextBytes(blob);
        TestCredentials keygen = TestCredentials.generate(SigningAlgorithm.ED25519);
        return write("big.jpg", C2paSigner.builder().credentials(keygen.credentials())
                .algorithm(SigningAlgorithm.ED25519).action(Action.created(Action.SOURCE_DIGITAL_CAPTURE))
                .assertion("dev.unmask.blob", CBORObject.NewMap().Add("b", blob)).build()
                .sign(SignFixtures.bytes("camera-jpeg/sample1.jpg"), MediaType.JPEG));
    }

    private List<Path> standardSet() throws Exception {
        return List.of(
                signed("photos/rocket.jpg", MediaType.JPEG, SigningAlgorithm.ES256, "rocket.jpg"),
                signed("camera-jpeg/sample1.jpg", MediaType.JPEG, SigningAlgorithm.ED25519, "sample1.jpg"),
                signed("photos/chelsea.png", MediaType.PNG, SigningAlgorithm.ES256, "chelsea.png"),
                signed("photos/chelsea.png", MediaType.PNG, SigningAlgorithm.ED25519, "chelsea-ed.png"));
    }

    @Test
    void exiftoolListsOurJumbfBoxes() throws Exception {
        assumeTrue(ExternalReaders.exiftoolInstalled(), "exiftool not installed (apt-get install libimage-exiftool-perl)");
        for (Path f : standardSet()) {
            String out = ExternalReaders.run(List.of("exiftool", "-a", "-G1", "-JUMBF:all", "-CBOR:all", f.toString()));
            for (String label : List.of("c2pa", "urn:c2pa:" + SignFixtures.MANIFEST_ID, "c2pa.assertions",
                    "c2pa.actions.v2", "c2pa.hash.data", "c2pa.claim.v2", "c2pa.signature")) {
                assertTrue(out.contains("JUMD Label                      : " + label + "\n"),
                        f.getFileName() + ": exiftool shows label " + label + "\n" + out);
            }
            assertTrue(out.contains("(c2pa)-0011-0010-800000aa00389b71"), "store type UUID\n" + out);
            assertTrue(out.contains(Action.SOURCE_TRAINED_ALGORITHMIC), "exiftool decodes the actions CBOR\n" + out);
            assertTrue(out.contains("Claim Generator Info Name       : Unmask"), out);
        }
        String big = ExternalReaders.run(List.of("exiftool", "-a", "-G1", "-JUMBF:all", bigKeygenSigned().toString()));
        assertTrue(big.contains("JUMD Label                      : dev.unmask.blob\n"), "multi-segment store\n" + big);
        assertTrue(big.contains("JUMD Label                      : c2pa.signature\n"), big);
    }

    @Test
    void exiftoolStillSeesExifOfSignedCameraJpeg() throws Exception {
        assumeTrue(ExternalReaders.exiftoolInstalled(), "exiftool not installed");
        Path f = signed("camera-jpeg/sample1.jpg", MediaType.JPEG, SigningAlgorithm.ES256, "exif.jpg");
        List<String> tags = List.of("exiftool", "-s", "-EXIF:Make", "-EXIF:Model", "-EXIF:DateTimeOriginal");
        List<String> a = new ArrayList<>(tags);
        a.add(f.toString());
        List<String> b = new ArrayList<>(tags);
        b.add(ExternalReaders.repoRoot().resolve("testdata/camera-jpeg/sample1.jpg").toString());
        String signedOut = ExternalReaders.run(a);
        assertFalse(signedOut.isBlank());
        assertEquals(ExternalReaders.run(b), signedOut, "EXIF unchanged by signing");
    }

    /** c2pa-ts's verdict on one file. */
    record Verdict(CBORObject json, Set<String> ok, Set<String> failures) {}

    static List<Verdict> c2paTs(List<Path> files) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("node",
                ExternalReaders.c2paTsDir().resolve("validate.mjs").toString()));
        files.forEach(f -> cmd.add(f.toString()));
        String json = ExternalReaders.run(cmd);
        CBORObject r = CBORObject.FromJSONString(json.substring(json.indexOf(files.size() == 1 ? '{' : '[')));
        List<CBORObject> items = new ArrayList<>();
        if (files.size() == 1) {
            items.add(r);
        } else {
            for (int i = 0; i < r.size(); i++) {
                items.add(r.get(i));
            }
        }
        List<Verdict> out = new ArrayList<>();
        for (CBORObject item : items) {
            Set<String> ok = new HashSet<>();
            Set<String> failures = new HashSet<>();
            CBORObject st = item.get("statuses");
            for (int i = 0; i < st.size(); i++) {
                String code = st.get(i).get("code").AsString();
                (st.get(i).get("success").AsBoolean() ? ok : failures).add(code);
            }
            out.add(new Verdict(item, ok, failures));
        }
        return out;
    }

    @Test
    void c2paTsValidatesIntegrityOfOurManifests() throws Exception {
        assumeTrue(ExternalReaders.c2paTsInstalled(), "c2pa-ts not installed (npm ci --prefix tools/c2pa-ts)");
        List<Path> files = new ArrayList<>(standardSet());
        files.add(bigKeygenSigned());
        byte[] replaced = SignFixtures.builder(SigningAlgorithm.ED25519).replaceExisting(true).build()
                .sign(SignFixtures.bytes("c2pa/CA.jpg"), MediaType.JPEG);
        files.add(write("replaced.jpg", replaced));
        List<Verdict> verdicts = c2paTs(files);
        assertEquals(files.size(), verdicts.size());
        for (Verdict v : verdicts) {
            CBORObject r = v.json();
            assertTrue(r.get("found").AsBoolean(), "c2pa-ts finds the manifest\n" + r);
            assertTrue(r.get("valid").AsBoolean(), "c2pa-ts: valid\n" + r);
            assertEquals("v2", r.get("claimVersion").AsString(), r.toString());
            assertEquals("Unmask", r.get("claimGenerator").AsString());
            assertTrue(v.ok().contains("claimSignature.validated"), "signature\n" + r);
            assertTrue(v.ok().contains("assertion.dataHash.match"), "data hash\n" + r);
            assertTrue(v.ok().contains("assertion.hashedURI.match"), "hashed URIs\n" + r);
            assertTrue(v.failures().isEmpty(), "no failure codes, got " + v.failures() + "\n" + r);
            assertFalse(r.ContainsKey("error"), r.toString());
        }
        assertEquals("urn:c2pa:" + SignFixtures.MANIFEST_ID, verdicts.get(0).json().get("activeManifest").AsString());
        assertTrue(verdicts.get(4).json().get("assertions").ToJSONString().contains("\"dev.unmask.blob\""));
        assertEquals("urn:c2pa:" + SignFixtures.MANIFEST_ID, verdicts.get(5).json().get("activeManifest").AsString(),
                "the replaced CA.jpg carries only our manifest");
    }

    @Test
    void c2paTsDetectsTampering() throws Exception {
        assumeTrue(ExternalReaders.c2paTsInstalled(), "c2pa-ts not installed (npm ci --prefix tools/c2pa-ts)");
        byte[] signed = SignFixtures.builder(SigningAlgorithm.ES256).build()
                .sign(SignFixtures.bytes("photos/rocket.jpg"), MediaType.JPEG);
        byte[] pixels = signed.clone();
        pixels[pixels.length - 100] ^= 0x01;
        byte[] claimText = signed.clone();
        int title = indexOf(claimText, "test asset".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
        claimText[title + 3] = 'u';
        List<Verdict> v = c2paTs(List.of(write("pixels.jpg", pixels), write("claim.jpg", claimText)));
        assertTrue(v.get(0).failures().contains("assertion.dataHash.mismatch"), "pixel tamper: " + v.get(0).json());
        assertFalse(v.get(0).json().get("valid").AsBoolean());
        assertFalse(v.get(1).json().get("valid").AsBoolean(), "claim tamper: " + v.get(1).json());
        assertTrue(v.get(1).failures().contains("claimSignature.mismatch"), "claim tamper: " + v.get(1).json());
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
