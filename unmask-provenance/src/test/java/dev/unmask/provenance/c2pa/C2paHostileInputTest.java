package dev.unmask.provenance.c2pa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.upokecenter.cbor.CBORObject;
import dev.unmask.api.MediaType;
import dev.unmask.testkit.TestData;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hostile and malformed input: every case ends in a clear status in bounded time, never an exception. */
class C2paHostileInputTest {
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String LABEL = "urn:uuid:00000000-0000-4000-8000-000000000001";

    private static ManifestStoreResult read(byte[] file) {
        return assertTimeoutPreemptively(BOUND, () -> C2paReader.read(file, MediaType.JPEG, StubVerifiers.VALID, C2paLimits.defaults()));
    }

    private static ManifestStoreResult read(byte[] file, C2paLimits limits) {
        return assertTimeoutPreemptively(BOUND, () -> C2paReader.read(file, MediaType.JPEG, StubVerifiers.VALID, limits));
    }

    private static void assertStoreError(ManifestStoreResult r, String fragment) {
        assertEquals(StoreState.INVALID, r.state());
        assertEquals(Set.of(StatusCodes.GENERAL_ERROR), r.failureCodes());
        assertTrue(r.storeStatuses().get(0).explanation().contains(fragment), r.storeStatuses().get(0).explanation());
    }

    @Test
    void builtStoreIsValidSoMutationsBelowAreMeaningful() throws Exception {
        ManifestStoreResult r = read(StoreBuilder.validJpeg(LABEL));
        assertEquals(StoreState.VALID, r.state(), r.failureCodes().toString());
        assertTrue(r.active().success().stream().anyMatch(s -> s.code().equals(StatusCodes.ASSERTION_DATA_HASH_MATCH)));
    }

    @Test
    void changedPixelByteIsDataHashMismatch() throws Exception {
        byte[] f = StoreBuilder.validJpeg(LABEL);
        f[f.length - 3] ^= 1;
        assertEquals(Set.of(StatusCodes.ASSERTION_DATA_HASH_MISMATCH), read(f).failureCodes());
    }

    @Test
    void changedAssertionByteIsHashedUriMismatch() throws Exception {
        byte[] f = StoreBuilder.validJpeg(LABEL);
        int at = indexOf(f, "jumbf manifest".getBytes());
        f[at] = 'J';
        assertTrue(read(f).failureCodes().contains(StatusCodes.ASSERTION_HASHED_URI_MISMATCH));
    }

    @Test
    void truncatedApp11StoreMissingLastSegment() throws Exception {
        byte[] ca = Files.readAllBytes(TestData.file("c2pa/CA.jpg"));
        List<int[]> segs = app11Segments(ca);
        assertTrue(segs.size() > 1, "CA.jpg spans several APP11 segments");
        int[] last = segs.get(segs.size() - 1);
        byte[] cut = StoreBuilder.concat(Arrays.copyOfRange(ca, 0, last[0]), Arrays.copyOfRange(ca, last[0] + last[1], ca.length));
        assertStoreError(read(cut), "truncated");
    }

    @Test
    void fileCutInsideApp11() throws Exception {
        byte[] ca = Files.readAllBytes(TestData.file("c2pa/CA.jpg"));
        int[] first = app11Segments(ca).get(0);
        assertStoreError(read(Arrays.copyOf(ca, first[0] + first[1] / 2)), "past the end");
    }

    @Test
    void duplicateSequenceNumberIsMalformed() throws Exception {
        byte[] ca = Files.readAllBytes(TestData.file("c2pa/CA.jpg"));
        List<int[]> segs = app11Segments(ca);
        byte[] f = ca.clone();
        System.arraycopy(ca, segs.get(0)[0] + 8, f, segs.get(1)[0] + 8, 4);
        assertStoreError(read(f), "duplicate");
    }

    @Test
    void jumbfBoxLongerThanItsParent() throws Exception {
        byte[] store = StoreBuilder.store(StoreBuilder.manifestWithClaim(LABEL, new byte[] {(byte) 0xa0}, List.of()));
        int manifestOffset = 8 + StoreBuilder.jumd("c2pa", "c2pa").length;
        assertEquals("jumb", new String(store, manifestOffset + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        ByteBuffer.wrap(store).putInt(manifestOffset, Integer.MAX_VALUE);
        assertStoreError(read(StoreBuilder.jpeg(store)), "outside its parent");
    }

    @Test
    void boxShorterThanItsHeaderAndExtendedSizes() throws Exception {
        byte[] store = StoreBuilder.store();
        byte[] bad = StoreBuilder.concat(store, new byte[0]);
        ByteBuffer.wrap(bad).putInt(8, 3);
        assertStoreError(read(StoreBuilder.jpeg(bad)), "");
        byte[] ext = store.clone();
        ByteBuffer.wrap(ext).putInt(8, 1);
        assertStoreError(read(StoreBuilder.jpeg(ext)), "");
    }

    @Test
    void tenThousandDeepJumbfNesting() {
        int levels = 10_000;
        byte[] jumd = StoreBuilder.jumd("c2pa", "c2pa");
        int step = 8 + jumd.length;
        ByteBuffer b = ByteBuffer.allocate(levels * step);
        for (int i = 0; i < levels; i++) {
            b.putInt((levels - i) * step).put("jumb".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).put(jumd);
        }
        assertStoreError(read(StoreBuilder.jpeg(b.array())), "nesting deeper than");
    }

    @Test
    void selfReferencingIngredientIsBounded() throws Exception {
        // the manifest's ingredient points at the manifest itself: a cycle
        CBORObject ing = CBORObject.NewMap().Add("dc:title", "me").Add("relationship", "parentOf")
                .Add("c2pa_manifest", CBORObject.NewMap().Add("url", "self#jumbf=/c2pa/" + LABEL).Add("hash", new byte[32]));
        byte[] a = StoreBuilder.cborAssertion("c2pa.ingredient", ing);
        byte[] f = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.manifest(LABEL, List.of("c2pa.ingredient"), List.of(a))));
        ManifestStoreResult r = read(f);
        assertEquals(StoreState.INVALID, r.state());
        assertTrue(r.failureCodes().contains(StatusCodes.INGREDIENT_MANIFEST_MISMATCH));
        assertTrue(r.active().ingredients().get(0).ingredients().isEmpty(), "the cycle is not expanded");
    }

    @Test
    void ingredientChainDeeperThanLimit() throws Exception {
        List<byte[]> manifests = new ArrayList<>();
        byte[] prev = null;
        for (int i = 0; i < 6; i++) {
            String label = "urn:uuid:00000000-0000-4000-8000-00000000010" + i;
            List<String> labels = new ArrayList<>();
            List<byte[]> as = new ArrayList<>();
            if (prev != null) {
                String prevLabel = "urn:uuid:00000000-0000-4000-8000-00000000010" + (i - 1);
                CBORObject ing = CBORObject.NewMap().Add("dc:title", "p").Add("relationship", "parentOf").Add("c2pa_manifest",
                        CBORObject.NewMap().Add("url", "self#jumbf=/c2pa/" + prevLabel).Add("hash", StoreBuilder.payloadHash(prev)));
                labels.add("c2pa.ingredient");
                as.add(StoreBuilder.cborAssertion("c2pa.ingredient", ing));
            }
            prev = StoreBuilder.manifest(label, labels, as);
            manifests.add(prev);
        }
        byte[] f = StoreBuilder.jpeg(StoreBuilder.store(manifests.toArray(byte[][]::new)));
        C2paLimits shallow = new C2paLimits(1 << 20, 16, 5000, 32, 3, 100);
        ManifestStoreResult r = read(f, shallow);
        assertTrue(r.failureCodes().contains(StatusCodes.GENERAL_ERROR), r.failureCodes().toString());
        ManifestStoreResult deep = read(f);
        IngredientNode n = deep.active().ingredients().get(0);
        int depth = 1;
        while (!n.ingredients().isEmpty()) {
            n = n.ingredients().get(0);
            depth++;
        }
        assertEquals(5, depth);
        assertTrue(n.statuses().stream().anyMatch(s -> s.code().equals(StatusCodes.INGREDIENT_MANIFEST_VALIDATED)));
    }

    @Test
    void cborBombsAreClaimMalformed() {
        byte[][] bombs = {
            {(byte) 0x9b, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // array 2^63
            {(byte) 0xba, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // map 2^32-1 entries
            {(byte) 0x5b, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // bstr 2^64-1
            {(byte) 0x7a, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // tstr 2^31
            deepArrays(10_000),
            {(byte) 0x9f, (byte) 0x9f, (byte) 0x9f}, // unterminated indefinite arrays
        };
        for (byte[] bomb : bombs) {
            byte[] f = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.manifestWithClaim(LABEL, bomb, List.of())));
            ManifestStoreResult r = read(f);
            assertEquals(StoreState.INVALID, r.state());
            assertEquals(Set.of(StatusCodes.CLAIM_MALFORMED), r.failureCodes(), Arrays.toString(Arrays.copyOf(bomb, 4)));
        }
    }

    @Test
    void cborBombInAssertionIsCborInvalid() throws Exception {
        byte[] a = StoreBuilder.superbox("cbor", "my.bomb", StoreBuilder.box("cbor", deepArrays(10_000)));
        byte[] f = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.manifest(LABEL, List.of("my.bomb"), List.of(a))));
        assertTrue(read(f).failureCodes().contains(StatusCodes.ASSERTION_CBOR_INVALID));
    }

    @Test
    void absurdExclusionRangesAreDataHashMalformed() throws Exception {
        long[][] ranges = {{Long.MAX_VALUE, 10}, {2, 1L << 40}, {-5, 10}, {10, -1}};
        for (long[] r : ranges) {
            byte[] dh = StoreBuilder.cborAssertion("c2pa.hash.data", StoreBuilder.dataHash(r[0], r[1], new byte[32]));
            byte[] f = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.manifest(LABEL, List.of("c2pa.hash.data"), List.of(dh))));
            assertEquals(Set.of(StatusCodes.ASSERTION_DATA_HASH_MALFORMED), read(f).failureCodes(), Arrays.toString(r));
        }
        CBORObject ex = CBORObject.NewArray();
        for (int i = 0; i < C2paLimits.DEFAULT_MAX_EXCLUSIONS + 1; i++) {
            ex.Add(CBORObject.NewMap().Add("start", 0).Add("length", 1));
        }
        byte[] many = StoreBuilder.cborAssertion("c2pa.hash.data", CBORObject.NewMap().Add("exclusions", ex).Add("hash", new byte[32]).Add("alg", "sha256"));
        byte[] f = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.manifest(LABEL, List.of("c2pa.hash.data"), List.of(many))));
        assertEquals(Set.of(StatusCodes.ASSERTION_DATA_HASH_MALFORMED), read(f).failureCodes());
    }

    @Test
    void hardBindingRulesAndMissingPieces() throws Exception {
        byte[] other = StoreBuilder.cborAssertion("my.assertion", CBORObject.NewMap().Add("a", 1));
        byte[] none = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.manifest(LABEL, List.of("my.assertion"), List.of(other))));
        // c2pa-rs logs both codes when there is no hard binding (count != 1)
        assertEquals(Set.of(StatusCodes.CLAIM_HARD_BINDINGS_MISSING, StatusCodes.ASSERTION_MULTIPLE_HARD_BINDINGS), read(none).failureCodes());
        byte[] d1 = StoreBuilder.cborAssertion("c2pa.hash.data", StoreBuilder.dataHash(0, 0, new byte[32]));
        byte[] d2 = StoreBuilder.cborAssertion("c2pa.hash.data__1", StoreBuilder.dataHash(0, 0, new byte[32]));
        byte[] two = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.manifest(LABEL, List.of("c2pa.hash.data", "c2pa.hash.data__1"), List.of(d1, d2))));
        assertEquals(Set.of(StatusCodes.ASSERTION_MULTIPLE_HARD_BINDINGS), read(two).failureCodes());
        // a claim referencing an assertion that is not in the store
        CBORObject claim = CBORObject.NewMap().Add("alg", "sha256").Add("signature", "self#jumbf=c2pa.signature")
                .Add("assertions", CBORObject.NewArray().Add(StoreBuilder.hashedUri("c2pa.hash.data", d1))
                        .Add(CBORObject.NewMap().Add("url", "self#jumbf=c2pa.assertions/gone").Add("hash", new byte[32])));
        byte[] missing = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.manifestWithClaim(LABEL, claim.EncodeToBytes(), List.of(d1))));
        assertTrue(read(missing).failureCodes().contains(StatusCodes.ASSERTION_MISSING));
        // no signature box
        byte[] nosig = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.superbox("c2ma", LABEL,
                StoreBuilder.superbox("c2cl", "c2pa.claim", StoreBuilder.box("cbor", CBORObject.NewMap().Add("alg", "sha256").EncodeToBytes())))));
        assertTrue(read(nosig).failureCodes().contains(StatusCodes.CLAIM_SIGNATURE_MISSING));
        // no claim at all
        byte[] noclaim = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.superbox("c2ma", LABEL)));
        assertEquals(Set.of(StatusCodes.CLAIM_MISSING), read(noclaim).failureCodes());
    }

    @Test
    void tenThousandAssertions() throws Exception {
        List<byte[]> as = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            labels.add("my.a__" + i);
            as.add(StoreBuilder.cborAssertion("my.a__" + i, CBORObject.FromObject(i)));
        }
        byte[] f = StoreBuilder.jpeg(StoreBuilder.store(StoreBuilder.manifest(LABEL, labels, as)));
        assertStoreError(read(f), "more than 5000 JUMBF boxes");
        C2paLimits roomy = new C2paLimits(64 << 20, 16, 50_000, 32, 8, 100);
        read(f, roomy);
        long t0 = System.nanoTime();
        ManifestStoreResult r = read(f, roomy);
        System.out.printf("10,000 assertions: %d bytes read and validated in %.0f ms%n", f.length, (System.nanoTime() - t0) / 1e6);
        assertEquals(10_000, r.active().success().stream().filter(s -> s.code().equals(StatusCodes.ASSERTION_HASHED_URI_MATCH)).count());
    }

    @Test
    void garbageAndEmptyInputNeverThrow() {
        assertEquals(StoreState.NO_MANIFEST, C2paReader.read(new byte[0], MediaType.UNKNOWN, null, null).state());
        assertEquals(StoreState.NO_MANIFEST, C2paReader.read(null, MediaType.UNKNOWN, null, null).state());
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] g = new byte[rnd.nextInt(2000)];
            rnd.nextBytes(g);
            if (g.length > 2) {
                g[0] = (byte) 0xff;
                g[1] = (byte) 0xd8;
            }
            read(g);
        }
        // a PNG whose caBX chunk claims to run past the end, and a BMFF whose uuid box does
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0x7f, 0, 0, 0, 'c', 'a', 'B', 'X', 1, 2, 3, 4};
        assertEquals(StoreState.INVALID, read(png).state());
        byte[] mp4 = StoreBuilder.concat(StoreBuilder.box("ftyp", new byte[8]), new byte[] {0x7f, 0, 0, 0, 'u', 'u', 'i', 'd'});
        assertEquals(StoreState.INVALID, read(mp4).state());
    }

    @Test
    void limitsAreValidated() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new C2paLimits(0, 1, 1, 1, 1, 1));
        byte[] big = StoreBuilder.jpeg(StoreBuilder.store(new byte[0][]));
        C2paLimits tiny = new C2paLimits(16, 16, 100, 32, 8, 10);
        assertStoreError(read(big, tiny), "exceeds the limit");
    }

    private static byte[] deepArrays(int depth) {
        byte[] b = new byte[depth + 1];
        Arrays.fill(b, (byte) 0x81);
        b[depth] = 0;
        return b;
    }

    private static List<int[]> app11Segments(byte[] f) {
        List<int[]> out = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= f.length && (f[pos] & 0xff) == 0xff && (f[pos + 1] & 0xff) != 0xda) {
            int len = ((f[pos + 2] & 0xff) << 8) | (f[pos + 3] & 0xff);
            if ((f[pos + 1] & 0xff) == 0xeb) {
                out.add(new int[] {pos, len + 2});
            }
            pos += 2 + len;
        }
        return out;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
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
