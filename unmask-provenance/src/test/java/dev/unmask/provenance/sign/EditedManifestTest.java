package dev.unmask.provenance.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.upokecenter.cbor.CBORObject;
import dev.unmask.api.MediaType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edit manifests: parentOf ingredient, c2pa.opened referencing it by hashed URI, then c2pa.edited. */
class EditedManifestTest {
    private static final String INGREDIENT = "c2pa.assertions/c2pa.ingredient.v3";
    private static final String ACTIONS = "c2pa.assertions/c2pa.actions.v2";

    @TempDir
    Path dir;

    private static C2paSigner.Builder edited(SigningAlgorithm alg, String parentTitle) throws Exception {
        return C2paSigner.builder()
                .credentials(SignFixtures.fixtureCredentials(alg))
                .algorithm(alg)
                .claimGenerator("Unmask", "0.1.0")
                .action(Action.edited(Action.SOURCE_COMPOSITE_WITH_TRAINED))
                .parentTitle(parentTitle)
                .title("edited asset")
                .manifestId(SignFixtures.MANIFEST_ID)
                .instanceId(SignFixtures.INSTANCE_ID)
                .clock(SignFixtures.CLOCK);
    }

    /** Checks claim reference, opened/edited actions and the ingredient's fields; returns the ingredient. */
    private static CBORObject checkEdit(byte[] in, byte[] out, ManifestProbe p, SigningAlgorithm alg, String mime,
            String parentTitle) throws Exception {
        C2paSignerTest.verifyManifest(p, out, alg);
        assertEquals(List.of("c2pa.ingredient.v3", "c2pa.actions.v2", "c2pa.hash.data"), p.assertionLabels());
        byte[] ingredientHash = MessageDigest.getInstance("SHA-256").digest(p.contents(INGREDIENT));

        CBORObject refs = p.cbor("c2pa.claim.v2").get("created_assertions");
        CBORObject claimRef = refs.get(0);
        assertEquals("self#jumbf=" + INGREDIENT, claimRef.get("url").AsString());
        assertArrayEquals(ingredientHash, claimRef.get("hash").GetByteString(), "claim lists the ingredient");

        CBORObject actions = p.cbor(ACTIONS).get("actions");
        assertEquals(2, actions.size());
        CBORObject opened = actions.get(0);
        assertEquals("c2pa.opened", opened.get("action").AsString());
        CBORObject ingredients = opened.get("parameters").get("ingredients");
        assertEquals(1, ingredients.size(), "exactly one parentOf ingredient (C2PA 2.2 section 15.10.3.2.2)");
        assertEquals("self#jumbf=" + INGREDIENT, ingredients.get(0).get("url").AsString());
        assertEquals("sha256", ingredients.get(0).get("alg").AsString());
        assertArrayEquals(ingredientHash, ingredients.get(0).get("hash").GetByteString(), "opened -> ingredient");
        assertFalse(opened.ContainsKey("digitalSourceType"));
        CBORObject edit = actions.get(1);
        assertEquals("c2pa.edited", edit.get("action").AsString());
        assertEquals(Action.SOURCE_COMPOSITE_WITH_TRAINED, edit.get("digitalSourceType").AsString());
        assertEquals("2026-01-02T03:04:05Z", edit.get("when").AsString());

        CBORObject ing = p.cbor(INGREDIENT);
        assertEquals("parentOf", ing.get("relationship").AsString());
        assertEquals(mime, ing.get("dc:format").AsString());
        assertEquals(parentTitle, ing.get("dc:title").AsString());
        assertFalse(ing.ContainsKey("activeManifest"));
        assertFalse(ing.ContainsKey("claimSignature"));
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(in);
        String hex = HexFormat.of().formatHex(sha, 0, 16);
        String iid = ing.get("instanceID").AsString();
        assertTrue(iid.startsWith("xmp:iid:"), iid);
        String uuidHex = iid.substring("xmp:iid:".length()).replace("-", "");
        assertEquals(hex.substring(0, 12), uuidHex.substring(0, 12), "instanceID from the input's SHA-256");
        assertEquals('8', uuidHex.charAt(12), "RFC 9562 version 8");
        return ing;
    }

    @Test
    void editedJpegRecordsParentIngredientAndOpenedReferencesIt() throws Exception {
        byte[] in = SignFixtures.bytes("photos/rocket.jpg");
        SignedAsset s = edited(SigningAlgorithm.ES256, "rocket.jpg").build().signDetailed(in, MediaType.JPEG);
        CBORObject ing = checkEdit(in, s.bytes(), ManifestProbe.jpeg(s.bytes()), SigningAlgorithm.ES256,
                "image/jpeg", "rocket.jpg");
        assertFalse(ing.ContainsKey("description"), "no manifest was removed");
        assertArrayEquals(in, C2paSignerTest.withoutExclusion(s.bytes(), s.exclusionStart(), s.exclusionLength()));
    }

    @Test
    void editedPngAndDeterminism() throws Exception {
        byte[] in = SignFixtures.bytes("photos/chelsea.png");
        byte[] a = edited(SigningAlgorithm.ED25519, "chelsea.png").build().sign(in, MediaType.PNG);
        byte[] b = edited(SigningAlgorithm.ED25519, "chelsea.png").build().sign(in, MediaType.PNG);
        assertArrayEquals(a, b, "edit manifests are reproducible too");
        checkEdit(in, a, ManifestProbe.png(a), SigningAlgorithm.ED25519, "image/png", "chelsea.png");
        byte[] other = in.clone();
        other[other.length - 20] ^= 1;
        byte[] c = edited(SigningAlgorithm.ED25519, "chelsea.png").build().sign(other, MediaType.PNG);
        assertNotEquals(ManifestProbe.png(a).cbor(INGREDIENT).get("instanceID").AsString(),
                ManifestProbe.png(c).cbor(INGREDIENT).get("instanceID").AsString(), "instanceID follows the bytes");
    }

    @Test
    void replacingAManifestSaysSoInTheIngredient() throws Exception {
        byte[] in = SignFixtures.bytes("c2pa/CA.jpg");
        SignedAsset s = edited(SigningAlgorithm.ED25519, "CA.jpg").replaceExisting(true).build()
                .signDetailed(in, MediaType.JPEG);
        assertTrue(s.replacedExisting());
        CBORObject ing = checkEdit(in, s.bytes(), ManifestProbe.jpeg(s.bytes()), SigningAlgorithm.ED25519,
                "image/jpeg", "CA.jpg");
        assertEquals(ParentIngredient.REMOVED_MANIFEST_NOTE, ing.get("description").AsString());
    }

    @Test
    void builderRules() throws Exception {
        assertThrows(IllegalStateException.class,
                () -> SignFixtures.builder(SigningAlgorithm.ED25519).parentTitle("x.jpg").build(),
                "parentTitle only for edits");
        assertThrows(IllegalStateException.class, () -> edited(SigningAlgorithm.ED25519, "a.jpg")
                .action(Action.created(Action.SOURCE_DIGITAL_CAPTURE)).build(), "created only first");
        assertThrows(IllegalStateException.class, () -> SignFixtures.builder(SigningAlgorithm.ED25519)
                .action(new Action(Action.OPENED, null, null)).build(), "opened only from the signer");
        assertThrows(IllegalArgumentException.class, () -> SignFixtures.builder(SigningAlgorithm.ED25519)
                .assertion("c2pa.ingredient.v3", CBORObject.NewMap()), "ingredient label reserved");
        assertThrows(IllegalArgumentException.class,
                () -> C2paSigner.builder().parentTitle("x".repeat(Action.MAX_FIELD + 1)), "bounded title");
        byte[] noTitle = edited(SigningAlgorithm.ED25519, null).build()
                .sign(SignFixtures.bytes("photos/rocket.jpg"), MediaType.JPEG);
        assertFalse(ManifestProbe.jpeg(noTitle).cbor(INGREDIENT).ContainsKey("dc:title"), "title optional in v3");
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private List<Path> editedSet() throws Exception {
        return List.of(
                write("rocket-edit.jpg", edited(SigningAlgorithm.ES256, "rocket.jpg").build()
                        .sign(SignFixtures.bytes("photos/rocket.jpg"), MediaType.JPEG)),
                write("chelsea-edit.png", edited(SigningAlgorithm.ED25519, "chelsea.png").build()
                        .sign(SignFixtures.bytes("photos/chelsea.png"), MediaType.PNG)),
                write("ca-edit.jpg", edited(SigningAlgorithm.ED25519, "CA.jpg").replaceExisting(true).build()
                        .sign(SignFixtures.bytes("c2pa/CA.jpg"), MediaType.JPEG)));
    }

    @Test
    void c2paTsValidatesEditedJpegAndPng() throws Exception {
        assumeTrue(ExternalReaders.c2paTsInstalled(), "c2pa-ts not installed (npm ci --prefix tools/c2pa-ts)");
        List<ExternalReadersTest.Verdict> verdicts = ExternalReadersTest.c2paTs(editedSet());
        assertEquals(3, verdicts.size());
        for (ExternalReadersTest.Verdict v : verdicts) {
            CBORObject r = v.json();
            assertTrue(r.get("valid").AsBoolean(), "c2pa-ts: valid\n" + r);
            assertTrue(v.failures().isEmpty(), "no failure codes, got " + v.failures() + "\n" + r);
            assertTrue(v.ok().contains("claimSignature.validated"), r.toString());
            assertTrue(v.ok().contains("assertion.dataHash.match"), r.toString());
            assertTrue(v.ok().contains("assertion.hashedURI.match"), r.toString());
            assertTrue(r.get("assertions").ToJSONString().contains("\"c2pa.ingredient.v3\""), r.toString());
            assertFalse(r.ContainsKey("error"), r.toString());
        }
    }

    @Test
    void exiftoolListsTheIngredientBox() throws Exception {
        assumeTrue(ExternalReaders.exiftoolInstalled(), "exiftool not installed");
        for (Path f : editedSet()) {
            String out = ExternalReaders.run(List.of("exiftool", "-a", "-G1", "-JUMBF:all", "-CBOR:all", f.toString()));
            for (String label : List.of("c2pa.ingredient.v3", "c2pa.actions.v2", "c2pa.hash.data", "c2pa.claim.v2")) {
                assertTrue(out.contains("JUMD Label                      : " + label + "\n"),
                        f.getFileName() + ": exiftool shows label " + label + "\n" + out);
            }
            assertTrue(out.contains("parentOf"), "exiftool decodes the ingredient CBOR\n" + out);
            assertTrue(out.contains("c2pa.opened"), "exiftool decodes the opened action\n" + out);
        }
    }
}
