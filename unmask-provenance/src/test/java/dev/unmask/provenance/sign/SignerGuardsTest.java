package dev.unmask.provenance.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.upokecenter.cbor.CBORObject;
import dev.unmask.api.MediaType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Refusals and bounds of the signer. */
class SignerGuardsTest {

    private static SigningException.Reason refusal(byte[] asset, MediaType type) throws Exception {
        C2paSigner s = SignFixtures.builder(SigningAlgorithm.ED25519).build();
        return assertThrows(SigningException.class, () -> s.sign(asset, type)).reason();
    }

    @Test
    void refusesAlreadySignedJpegAndPngUnlessReplacing() throws Exception {
        assertEquals(SigningException.Reason.ALREADY_SIGNED, refusal(SignFixtures.bytes("c2pa/CA.jpg"), MediaType.JPEG));
        byte[] png = SignFixtures.builder(SigningAlgorithm.ED25519).build()
                .sign(SignFixtures.bytes("photos/chelsea.png"), MediaType.PNG);
        assertEquals(SigningException.Reason.ALREADY_SIGNED, refusal(png, MediaType.PNG));
    }

    @Test
    void replacingRemovesTheOldStoreEntirely() throws Exception {
        byte[] in = SignFixtures.bytes("photos/rocket.jpg");
        C2paSigner first = SignFixtures.builder(SigningAlgorithm.ED25519).build();
        byte[] once = first.sign(in, MediaType.JPEG);
        C2paSigner again = SignFixtures.builder(SigningAlgorithm.ES256).replaceExisting(true)
                .title("second").build();
        SignedAsset twice = again.signDetailed(once, MediaType.JPEG);
        assertTrue(twice.replacedExisting());
        ManifestProbe p = ManifestProbe.jpeg(twice.bytes());
        assertEquals(1, p.boxes.keySet().stream().filter(k -> k.equals("c2pa")).count());
        assertEquals("second", p.cbor("c2pa.claim.v2").get("dc:title").AsString());
        assertArrayEquals(in, C2paSignerTest.withoutExclusion(twice.bytes(), twice.exclusionStart(),
                twice.exclusionLength()), "old APP11 segments are gone");
        C2paSignerTest.verifyManifest(p, twice.bytes(), SigningAlgorithm.ES256);

        SignedAsset ca = again.signDetailed(SignFixtures.bytes("c2pa/CA.jpg"), MediaType.JPEG);
        assertTrue(ca.replacedExisting());
        C2paSignerTest.verifyManifest(ManifestProbe.jpeg(ca.bytes()), ca.bytes(), SigningAlgorithm.ES256);
    }

    @Test
    void rejectsMalformedAndUnsupportedFiles() throws Exception {
        byte[] jpeg = SignFixtures.bytes("photos/rocket.jpg");
        assertEquals(SigningException.Reason.UNSUPPORTED_OR_MALFORMED, refusal(new byte[0], MediaType.JPEG));
        assertEquals(SigningException.Reason.UNSUPPORTED_OR_MALFORMED,
                refusal(Arrays.copyOf(jpeg, 100), MediaType.JPEG), "truncated before the scan");
        byte[] badLen = jpeg.clone();
        badLen[4] = (byte) 0xFF;
        badLen[5] = (byte) 0xFF;
        assertEquals(SigningException.Reason.UNSUPPORTED_OR_MALFORMED, refusal(badLen, MediaType.JPEG));
        assertEquals(SigningException.Reason.UNSUPPORTED_OR_MALFORMED, refusal(jpeg, MediaType.PNG));
        assertEquals(SigningException.Reason.UNSUPPORTED_OR_MALFORMED,
                refusal(SignFixtures.bytes("c2pa/sample1.gif"), MediaType.GIF));
        byte[] png = SignFixtures.bytes("photos/chelsea.png");
        assertEquals(SigningException.Reason.UNSUPPORTED_OR_MALFORMED,
                refusal(Arrays.copyOf(png, png.length - 12), MediaType.PNG), "no IEND");
        byte[] hugeChunk = png.clone();
        hugeChunk[8] = 0x7F;
        assertEquals(SigningException.Reason.UNSUPPORTED_OR_MALFORMED, refusal(hugeChunk, MediaType.PNG));
    }

    @Test
    void boundsAndLabelsAreEnforcedByTheBuilder() throws Exception {
        C2paSigner.Builder b = SignFixtures.builder(SigningAlgorithm.ED25519);
        CBORObject v = CBORObject.NewMap().Add("a", 1);
        assertThrows(IllegalArgumentException.class, () -> b.assertion("c2pa.hash.data", v));
        assertThrows(IllegalArgumentException.class, () -> b.assertion("c2pa.actions", v));
        assertThrows(IllegalArgumentException.class, () -> b.assertion("../x", v));
        assertThrows(IllegalArgumentException.class, () -> b.assertion("a/b", v));
        assertThrows(IllegalArgumentException.class, () -> b.jsonAssertion("x.json", "[1]"));
        assertThrows(IllegalArgumentException.class,
                () -> b.assertion("big", CBORObject.FromObject(new byte[C2paSigner.MAX_ASSERTION_BYTES + 1])));
        for (int i = 0; i < C2paSigner.MAX_EXTRA_ASSERTIONS; i++) {
            b.assertion("x" + i, v);
        }
        assertThrows(IllegalArgumentException.class, () -> b.assertion("one.more", v));
        CBORObject deep = CBORObject.NewArray();
        CBORObject cur = deep;
        for (int i = 0; i <= DeterministicCbor.MAX_DEPTH + 1; i++) {
            CBORObject next = CBORObject.NewArray();
            cur.Add(next);
            cur = next;
        }
        assertThrows(IllegalArgumentException.class,
                () -> SignFixtures.builder(SigningAlgorithm.ED25519).assertion("deep", deep));
        assertThrows(IllegalStateException.class, () -> C2paSigner.builder()
                .credentials(SignFixtures.fixtureCredentials(SigningAlgorithm.ED25519)).build(), "no action");
        assertThrows(IllegalStateException.class, () -> C2paSigner.builder()
                .credentials(SignFixtures.fixtureCredentials(SigningAlgorithm.ED25519))
                .action(new Action(Action.OPENED, null, null)).build(), "c2pa.opened is written by the signer");
        assertThrows(IllegalStateException.class, () -> C2paSigner.builder()
                .action(Action.created(Action.SOURCE_DIGITAL_CAPTURE)).build(), "no credentials");
        assertThrows(IllegalArgumentException.class, () -> new Action("x".repeat(Action.MAX_FIELD + 1), null, null));
    }

    @Test
    void keyThatDoesNotMatchTheCertificateIsRefused() throws Exception {
        SigningCredentials es = SignFixtures.fixtureCredentials(SigningAlgorithm.ES256);
        SigningCredentials other = TestCredentials.generate(SigningAlgorithm.ES256).credentials();
        C2paSigner s = SignFixtures.builder(SigningAlgorithm.ES256).credentials(other.key(), es.chain()).build();
        SigningException e = assertThrows(SigningException.class,
                () -> s.sign(SignFixtures.bytes("photos/rocket.jpg"), MediaType.JPEG));
        assertEquals(SigningException.Reason.CRYPTO, e.reason());
        C2paSigner wrongAlg = SignFixtures.builder(SigningAlgorithm.ED25519).credentials(es).build();
        assertEquals(SigningException.Reason.CRYPTO, assertThrows(SigningException.class,
                () -> wrongAlg.sign(SignFixtures.bytes("photos/rocket.jpg"), MediaType.JPEG)).reason());
    }
}
