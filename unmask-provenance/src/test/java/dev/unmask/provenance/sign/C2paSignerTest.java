package dev.unmask.provenance.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.upokecenter.cbor.CBORObject;
import dev.unmask.api.MediaType;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class C2paSignerTest {

    /** The file minus the exclusion range. */
    static byte[] withoutExclusion(byte[] file, long start, long length) {
        byte[] out = new byte[(int) (file.length - length)];
        System.arraycopy(file, 0, out, 0, (int) start);
        System.arraycopy(file, (int) (start + length), out, (int) start, (int) (file.length - start - length));
        return out;
    }

    /** Checks data hash, hashed URIs and the COSE signature with plain JCA, independently of the signer. */
    static void verifyManifest(ManifestProbe p, byte[] file, SigningAlgorithm alg) throws Exception {
        CBORObject dh = p.cbor("c2pa.assertions/c2pa.hash.data");
        CBORObject ex = dh.get("exclusions").get(0);
        long start = ex.get("start").AsInt64Value();
        long length = ex.get("length").AsInt64Value();
        assertEquals(p.carrierStart, start, "exclusion starts at the carrier");
        assertEquals(p.carrierLength, length, "exclusion covers exactly the carrier");
        assertEquals("sha256", dh.get("alg").AsString());
        byte[] expect = MessageDigest.getInstance("SHA-256").digest(withoutExclusion(file, start, length));
        assertArrayEquals(expect, dh.get("hash").GetByteString(), "data hash");

        CBORObject claim = p.cbor("c2pa.claim.v2");
        assertEquals("self#jumbf=c2pa.signature", claim.get("signature").AsString());
        CBORObject refs = claim.get("created_assertions");
        assertEquals(p.assertionLabels().size(), refs.size(), "every assertion is claimed");
        for (int i = 0; i < refs.size(); i++) {
            String url = refs.get(i).get("url").AsString();
            String rel = url.substring("self#jumbf=".length());
            byte[] h = MessageDigest.getInstance("SHA-256").digest(p.contents(rel));
            assertArrayEquals(h, refs.get(i).get("hash").GetByteString(), "hashed URI " + url);
        }

        CBORObject cose = CBORObject.DecodeFromBytes(p.payload("c2pa.signature"));
        assertTrue(cose.HasMostOuterTag(18), "tagged COSE_Sign1");
        byte[] prot = cose.get(0).GetByteString();
        CBORObject ph = CBORObject.DecodeFromBytes(prot);
        assertEquals(alg.coseId(), ph.get(CBORObject.FromObject(1)).AsInt32Value());
        CBORObject x5 = ph.get(CBORObject.FromObject(33));
        byte[] leafDer = x5.getType() == com.upokecenter.cbor.CBORType.Array ? x5.get(0).GetByteString()
                : x5.GetByteString();
        X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(leafDer));
        assertTrue(cose.get(2).isNull(), "detached payload");
        CBORObject sigStructure = CBORObject.NewArray().Add("Signature1").Add(prot).Add(new byte[0])
                .Add(p.payload("c2pa.claim.v2"));
        Signature v = Signature.getInstance(alg.jcaName());
        v.initVerify(leaf.getPublicKey());
        v.update(sigStructure.EncodeToBytes());
        assertTrue(v.verify(cose.get(3).GetByteString()), "COSE signature verifies over the Sig_structure");
    }

    @Test
    void signsJpegWithEs256AndEverythingVerifies() throws Exception {
        byte[] in = SignFixtures.bytes("photos/rocket.jpg");
        SignedAsset s = SignFixtures.builder(SigningAlgorithm.ES256).build().signDetailed(in, MediaType.JPEG);
        ManifestProbe p = ManifestProbe.jpeg(s.bytes());
        verifyManifest(p, s.bytes(), SigningAlgorithm.ES256);
        assertArrayEquals(in, withoutExclusion(s.bytes(), s.exclusionStart(), s.exclusionLength()),
                "only the APP11 segments were inserted");
        assertEquals("c2pa/urn:c2pa:" + SignFixtures.MANIFEST_ID, p.manifestPath());
        assertEquals(java.util.List.of("c2pa.actions.v2", "c2pa.hash.data"), p.assertionLabels());
        CBORObject claim = p.cbor("c2pa.claim.v2");
        assertEquals("Unmask", claim.get("claim_generator_info").get("name").AsString());
        assertEquals(SignFixtures.INSTANCE_ID, claim.get("instanceID").AsString());
        assertEquals("test asset", claim.get("dc:title").AsString());
        CBORObject action = p.cbor("c2pa.assertions/c2pa.actions.v2").get("actions").get(0);
        assertEquals("c2pa.created", action.get("action").AsString());
        assertEquals(Action.SOURCE_TRAINED_ALGORITHMIC, action.get("digitalSourceType").AsString());
        assertEquals("2026-01-02T03:04:05Z", action.get("when").AsString());
        assertFalse(s.replacedExisting());
    }

    @Test
    void keepsExifAndInsertsAfterApp0App1() throws Exception {
        byte[] in = SignFixtures.bytes("camera-jpeg/sample1.jpg");
        SignedAsset s = SignFixtures.builder(SigningAlgorithm.ED25519).build().signDetailed(in, MediaType.JPEG);
        byte[] out = s.bytes();
        verifyManifest(ManifestProbe.jpeg(out), out, SigningAlgorithm.ED25519);
        int pos = 2;
        boolean sawExif = false;
        while (pos < s.exclusionStart()) {
            int marker = out[pos + 1] & 0xFF;
            assertTrue(marker == 0xE0 || marker == 0xE1, "only APP0/APP1 before the manifest");
            sawExif |= marker == 0xE1 && out[pos + 4] == 'E' && out[pos + 5] == 'x';
            pos += 2 + (((out[pos + 2] & 0xFF) << 8) | (out[pos + 3] & 0xFF));
        }
        assertTrue(sawExif, "sample1.jpg's Exif APP1 is kept before the manifest");
        assertEquals(s.exclusionStart(), pos);
        assertEquals(0xEB, out[pos + 1] & 0xFF);
    }

    @Test
    void signsPngWithCabxAfterIhdr() throws Exception {
        byte[] in = SignFixtures.bytes("photos/chelsea.png");
        SignedAsset s = SignFixtures.builder(SigningAlgorithm.ES256).build().signDetailed(in, MediaType.PNG);
        byte[] out = s.bytes();
        ManifestProbe p = ManifestProbe.png(out);
        verifyManifest(p, out, SigningAlgorithm.ES256);
        assertEquals(8 + 25, s.exclusionStart(), "caBX right after the 25-byte IHDR chunk");
        assertArrayEquals(in, withoutExclusion(out, s.exclusionStart(), s.exclusionLength()));
        int len = JpegContainer.readInt(out, (int) s.exclusionStart());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(out, (int) s.exclusionStart() + 4, len + 4);
        assertEquals((int) crc.getValue(), JpegContainer.readInt(out, (int) s.exclusionStart() + 8 + len));
    }

    @Test
    void deterministicWithFixedIdsAndClock() throws Exception {
        byte[] in = SignFixtures.bytes("photos/rocket.jpg");
        byte[] a = SignFixtures.builder(SigningAlgorithm.ED25519).build().sign(in, MediaType.JPEG);
        byte[] b = SignFixtures.builder(SigningAlgorithm.ED25519).build().sign(in, MediaType.JPEG);
        assertArrayEquals(a, b, "Ed25519 signing is reproducible");
        byte[] c = SignFixtures.builder(SigningAlgorithm.ES256).deterministicSignatures(true).build()
                .sign(in, MediaType.JPEG);
        byte[] d = SignFixtures.builder(SigningAlgorithm.ES256).deterministicSignatures(true).build()
                .sign(in, MediaType.JPEG);
        assertArrayEquals(c, d, "ES256 with RFC 6979 nonces is reproducible");
        verifyManifest(ManifestProbe.jpeg(c), c, SigningAlgorithm.ES256);
        byte[] e = SignFixtures.builder(SigningAlgorithm.ES256).build().sign(in, MediaType.JPEG);
        byte[] f = SignFixtures.builder(SigningAlgorithm.ES256).build().sign(in, MediaType.JPEG);
        assertEquals(e.length, f.length, "random-nonce ES256 keeps the size");
        int diff = 0;
        for (int i = 0; i < e.length; i++) {
            diff += e[i] != f[i] ? 1 : 0;
        }
        assertTrue(diff > 0 && diff <= 64, "only the 64 signature bytes differ, got " + diff);
    }

    @Test
    void largeStoreSpansSeveralApp11Segments() throws Exception {
        byte[] blob = new byte[200_000];
        new java.util.Random(7).nextBytes(blob);
        CBORObject gan = CBORObject.NewMap().Add("model", "stylegan2").Add("blob", blob);
        byte[] in = SignFixtures.bytes("photos/rocket.jpg");
        SignedAsset s = SignFixtures.builder(SigningAlgorithm.ED25519).assertion("dev.unmask.gan", gan).build()
                .signDetailed(in, MediaType.JPEG);
        ManifestProbe p = ManifestProbe.jpeg(s.bytes());
        assertEquals(4, p.segments, "200 kB store needs 4 segments of <= 65535 bytes");
        assertEquals(s.manifestStoreLength(), p.store.length);
        verifyManifest(p, s.bytes(), SigningAlgorithm.ED25519);
        assertEquals(java.util.List.of("c2pa.actions.v2", "dev.unmask.gan", "c2pa.hash.data"), p.assertionLabels());
        assertArrayEquals(blob, p.cbor("c2pa.assertions/dev.unmask.gan").get("blob").GetByteString());
    }

    @Test
    void jsonAssertionIsStoredAsJsonBox() throws Exception {
        byte[] in = SignFixtures.bytes("photos/chelsea.png");
        byte[] out = SignFixtures.builder(SigningAlgorithm.ED25519)
                .jsonAssertion("dev.unmask.note", "{\"seed\":42}").build().sign(in, MediaType.PNG);
        ManifestProbe p = ManifestProbe.png(out);
        verifyManifest(p, out, SigningAlgorithm.ED25519);
        assertEquals("{\"seed\":42}", new String(p.payload("c2pa.assertions/dev.unmask.note"),
                java.nio.charset.StandardCharsets.UTF_8));
        byte[] contents = p.contents("c2pa.assertions/dev.unmask.note");
        assertEquals("json", new String(Arrays.copyOfRange(contents, 8, 12), java.nio.charset.StandardCharsets.US_ASCII));
        assertNotEquals(0, contents.length);
    }
}
