package dev.unmask.provenance.c2pa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.upokecenter.cbor.CBORObject;
import dev.unmask.api.MediaType;
import dev.unmask.testkit.TestData;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Containers other than JPEG, BMFF tamper detection, box hashes, CBOR decoding and JSON bounds. */
class C2paContainersTest {
    private static final String LABEL = "urn:uuid:00000000-0000-4000-8000-0000000000aa";

    @Test
    void bmffByteChangeInMdatIsBmffHashMismatch() throws Exception {
        byte[] f = Files.readAllBytes(TestData.file("c2pa/video1.mp4"));
        f[f.length - 100] ^= 0x40;
        ManifestStoreResult r = C2paReader.read(f, MediaType.UNKNOWN, StubVerifiers.VALID, null);
        assertEquals(StoreState.INVALID, r.state());
        assertEquals(Set.of(StatusCodes.ASSERTION_BMFF_HASH_MISMATCH), r.failureCodes());
        assertEquals("bmff-uuid", r.container());
    }

    @Test
    void bmffChunkOffsetTableIsExcludedBySubset() throws Exception {
        // stco entries (after the 16-byte header+count) are excluded by the subset {offset 16, length 0}
        byte[] f = Files.readAllBytes(TestData.file("c2pa/video1.mp4"));
        long moov = dev.unmask.provenance.bmff.BmffBoxes.topLevel(f, 100).stream().filter(b -> b.type().equals("moov")).findFirst().orElseThrow().offset();
        byte[] tail = java.util.Arrays.copyOfRange(f, (int) moov, f.length);
        int stco = (int) moov + C2paHostileInputTest.indexOf(tail, "stco".getBytes(StandardCharsets.ISO_8859_1)) - 4;
        f[stco + 16 + 3] ^= 1;
        assertEquals(StoreState.VALID, C2paReader.read(f, MediaType.UNKNOWN, StubVerifiers.VALID, null).state());
        f[stco + 16 + 3] ^= 1;
        f[stco + 8] ^= 1; // the version byte is hashed
        assertEquals(Set.of(StatusCodes.ASSERTION_BMFF_HASH_MISMATCH), C2paReader.read(f, MediaType.UNKNOWN, StubVerifiers.VALID, null).failureCodes());
    }

    @Test
    void pngCaBxChunkIsFound() throws Exception {
        byte[] png = Files.readAllBytes(TestData.file("c2pa/libpng-test.png"));
        byte[] dh = StoreBuilder.cborAssertion("c2pa.hash.data", StoreBuilder.dataHash(0, 0, new byte[32]));
        byte[] store = StoreBuilder.store(StoreBuilder.manifest(LABEL, List.of("c2pa.hash.data"), List.of(dh)));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(png, 0, 33); // signature + IHDR
        o.writeBytes(ByteBuffer.allocate(4).putInt(store.length).array());
        byte[] typeAndData = StoreBuilder.concat("caBX".getBytes(StandardCharsets.ISO_8859_1), store);
        o.writeBytes(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        o.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        o.write(png, 33, png.length - 33);
        ManifestStoreResult r = C2paReader.read(o.toByteArray(), MediaType.PNG, StubVerifiers.VALID, null);
        assertEquals("png-caBX", r.container());
        assertEquals(LABEL, r.activeManifest());
        assertEquals(Set.of(StatusCodes.ASSERTION_DATA_HASH_MISMATCH), r.failureCodes());
    }

    @Test
    void boxHashIsReportedAsNotVerifiedAndNeverValid() throws Exception {
        CBORObject boxes = CBORObject.NewMap().Add("boxes", CBORObject.NewArray()).Add("alg", "sha256");
        byte[] bh = StoreBuilder.cborAssertion("c2pa.hash.boxes", boxes);
        byte[] f = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.manifest(LABEL, List.of("c2pa.hash.boxes"), List.of(bh))));
        ManifestStoreResult r = C2paReader.read(f, MediaType.JPEG, StubVerifiers.VALID, null);
        assertTrue(r.failureCodes().isEmpty());
        assertTrue(r.active().informational().stream().anyMatch(s -> s.code().equals(HardBindings.BOXES_HASH_NOT_VERIFIED)));
        assertEquals(StoreState.INVALID, r.state());
    }

    @Test
    void nullVerifierNeverYieldsValid() throws Exception {
        ManifestStoreResult r = C2paReader.read(Files.readAllBytes(TestData.file("c2pa/CA.jpg")), MediaType.JPEG, null, null);
        assertEquals(StoreState.INVALID, r.state());
        assertTrue(r.failureCodes().isEmpty());
    }

    @Test
    void throwingVerifierBecomesSignatureMismatch() throws Exception {
        ClaimSignatureVerifier boom = (c, b, u) -> {
            throw new IllegalStateException("boom");
        };
        ManifestStoreResult r = C2paReader.read(Files.readAllBytes(TestData.file("c2pa/CA.jpg")), MediaType.JPEG, boom, null);
        assertEquals(Set.of(StatusCodes.CLAIM_SIGNATURE_MISMATCH), r.failureCodes());
    }

    @Test
    void cborReaderDecodesAllTypesAndRejectsTrailingBytes() throws Exception {
        CBORObject o = CBORObject.NewMap().Add("i", -5).Add("b", new byte[] {1, 2}).Add("f", 1.5).Add("t", true)
                .Add("n", CBORObject.Null).Add("a", CBORObject.NewArray().Add("x")).Add("tag", CBORObject.FromObjectAndTag("2024", 0));
        Map<?, ?> m = (Map<?, ?>) CborReader.decode(o.EncodeToBytes(), 8, 100);
        assertEquals(-5L, m.get("i"));
        assertInstanceOf(byte[].class, m.get("b"));
        assertEquals(1.5, m.get("f"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertTrue(m.containsKey("n") && m.get("n") == null);
        assertEquals(List.of("x"), m.get("a"));
        assertEquals(new CborReader.Tagged(0, "2024"), m.get("tag"));
        byte[] trailing = StoreBuilder.concat(o.EncodeToBytes(), new byte[] {0});
        assertThrows(CborReader.CborException.class, () -> CborReader.decode(trailing, 8, 100));
        assertThrows(CborReader.CborException.class, () -> CborReader.decode(new byte[] {(byte) 0x62, (byte) 0xff, (byte) 0xfe}, 8, 100));
        byte[] many = CBORObject.FromObject(new int[200]).EncodeToBytes();
        assertThrows(CborReader.CborException.class, () -> CborReader.decode(many, 8, 100));
    }

    @Test
    void jsonRenderingBoundsLargeByteStrings() throws Exception {
        byte[] big = new byte[StoreJson.MAX_INLINE_BYTES + 1];
        byte[] a = StoreBuilder.cborAssertion("my.big", CBORObject.NewMap().Add("blob", big).Add("small", new byte[] {1, 2, 3}));
        byte[] f = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.manifest(LABEL, List.of("my.big"), List.of(a))));
        Map<String, Object> json = C2paReader.read(f, MediaType.JPEG, StubVerifiers.VALID, null).toJson();
        Map<?, ?> m = (Map<?, ?>) ((Map<?, ?>) json.get("manifests")).get(LABEL);
        Map<?, ?> big2 = (Map<?, ?>) ((Map<?, ?>) m.get("assertions")).get("my.big");
        assertEquals(Map.of("bytes", big.length), big2.get("blob"));
        assertEquals("AQID", big2.get("small"));
    }

    @Test
    void ingredientV3WithStaleManifestHashFallsBackToSignatureHash() throws Exception {
        String parent = "urn:c2pa:00000000-0000-4000-8000-0000000000bb";
        byte[] parentManifest = StoreBuilder.manifest(parent, List.of(), List.of());
        CBORObject good = CBORObject.NewMap().Add("url", "self#jumbf=/c2pa/" + parent + "/c2pa.signature")
                .Add("hash", StoreBuilder.payloadHash(StoreBuilder.signatureBox()));
        CBORObject bad = CBORObject.NewMap().Add("url", "self#jumbf=/c2pa/" + parent + "/c2pa.signature").Add("hash", new byte[32]);
        for (CBORObject sig : List.of(good, bad)) {
            CBORObject ing = CBORObject.NewMap().Add("dc:title", "p.jpg").Add("relationship", "parentOf")
                    .Add("validationResults", CBORObject.NewMap())
                    .Add("activeManifest", CBORObject.NewMap().Add("url", "self#jumbf=/c2pa/" + parent).Add("hash", new byte[32]))
                    .Add("claimSignature", sig);
            byte[] a = StoreBuilder.cborAssertion("c2pa.ingredient.v3", ing);
            byte[] f = StoreBuilder.jpeg(StoreBuilder.store(parentManifest, StoreBuilder.manifest(LABEL, List.of("c2pa.ingredient.v3"), List.of(a))));
            ManifestStoreResult r = C2paReader.read(f, MediaType.JPEG, StubVerifiers.VALID, null);
            List<String> codes = r.active().ingredients().get(0).statuses().stream().map(ValidationStatus::code).toList();
            assertTrue(codes.contains(StatusCodes.INGREDIENT_MANIFEST_MISMATCH), codes.toString());
            assertTrue(codes.contains(sig == good ? StatusCodes.INGREDIENT_CLAIM_SIGNATURE_VALIDATED : StatusCodes.INGREDIENT_CLAIM_SIGNATURE_MISMATCH), codes.toString());
        }
    }

    @Test
    void missingIngredientManifest() throws Exception {
        CBORObject ing = CBORObject.NewMap().Add("dc:title", "gone.jpg").Add("relationship", "parentOf")
                .Add("c2pa_manifest", CBORObject.NewMap().Add("url", "self#jumbf=/c2pa/urn:uuid:nowhere").Add("hash", new byte[32]));
        byte[] a = StoreBuilder.cborAssertion("c2pa.ingredient", ing);
        byte[] f = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.manifest(LABEL, List.of("c2pa.ingredient"), List.of(a))));
        assertTrue(C2paReader.read(f, MediaType.JPEG, StubVerifiers.VALID, null).failureCodes().contains(StatusCodes.INGREDIENT_MANIFEST_MISSING));
    }
}
