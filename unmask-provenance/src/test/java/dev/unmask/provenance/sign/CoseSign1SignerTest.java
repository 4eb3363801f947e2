package dev.unmask.provenance.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import dev.unmask.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoseSign1SignerTest {
    private static final byte[] PAYLOAD = "claim bytes".getBytes(StandardCharsets.UTF_8);

    private static boolean verifies(SigningAlgorithm alg, SigningCredentials c, byte[] prot, byte[] sig)
            throws Exception {
        Signature v = Signature.getInstance(alg.jcaName());
        v.initVerify(c.chain().get(0).getPublicKey());
        v.update(CBORObject.NewArray().Add("Signature1").Add(prot).Add(new byte[0]).Add(PAYLOAD).EncodeToBytes());
        return v.verify(sig);
    }

    @Test
    void structureHeadersAndPad() throws Exception {
        SigningCredentials c = SignFixtures.fixtureCredentials(SigningAlgorithm.ES256);
        CoseSign1Signer s = new CoseSign1Signer(SigningAlgorithm.ES256, c.key(), c.chain(), false);
        CBORObject cose = CBORObject.DecodeFromBytes(s.sign(PAYLOAD, 100));
        assertTrue(cose.HasMostOuterTag(CoseSign1Signer.COSE_SIGN1_TAG));
        assertEquals(4, cose.size());
        CBORObject prot = CBORObject.DecodeFromBytes(cose.get(0).GetByteString());
        assertEquals(-7, prot.get(CBORObject.FromObject(1)).AsInt32Value());
        CBORObject x5 = prot.get(CBORObject.FromObject(33));
        assertEquals(CBORType.Array, x5.getType(), "two certificates -> array");
        assertArrayEquals(c.chain().get(0).getEncoded(), x5.get(0).GetByteString(), "leaf first");
        assertEquals(100, cose.get(1).get("pad").GetByteString().length);
        assertTrue(cose.get(2).isNull());
        assertEquals(64, cose.get(3).GetByteString().length, "raw r||s");
        assertTrue(verifies(SigningAlgorithm.ES256, c, cose.get(0).GetByteString(), cose.get(3).GetByteString()));
        assertFalse(verifies(SigningAlgorithm.ES256, c, s.protectedHeader(), new byte[64]));

        CoseSign1Signer one = new CoseSign1Signer(SigningAlgorithm.ES256, c.key(), List.of(c.chain().get(0)), false);
        CBORObject single = CBORObject.DecodeFromBytes(CBORObject.DecodeFromBytes(one.sign(PAYLOAD, 0)).get(0)
                .GetByteString()).get(CBORObject.FromObject(33));
        assertEquals(CBORType.ByteString, single.getType(), "one certificate -> bstr");
        assertEquals(s.placeholder(0).length, s.sign(PAYLOAD, 0).length, "placeholder has the final size");
        assertThrows(SigningException.class, () -> new CoseSign1Signer(SigningAlgorithm.ES256, c.key(), List.of(), false));
    }

    @Test
    void rfc6979EcdsaIsDeterministicAndVerifies() throws Exception {
        SigningCredentials c = SignFixtures.fixtureCredentials(SigningAlgorithm.ES256);
        CoseSign1Signer s = new CoseSign1Signer(SigningAlgorithm.ES256, c.key(), c.chain(), true);
        byte[] a = s.sign(PAYLOAD, 0);
        assertArrayEquals(a, s.sign(PAYLOAD, 0));
        CBORObject cose = CBORObject.DecodeFromBytes(a);
        assertTrue(verifies(SigningAlgorithm.ES256, c, cose.get(0).GetByteString(), cose.get(3).GetByteString()));
    }

    @Test
    void ed25519MatchesTheC2paRawSignatureVector() throws Exception {
        var key = SigningCredentials.readKey(TestData.file("c2pa/raw_signature/ed25519.priv"));
        Signature s = Signature.getInstance(SigningAlgorithm.ED25519.jcaName());
        s.initSign(key);
        s.update("some sample content to sign".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(Files.readAllBytes(TestData.file("c2pa/raw_signature/ed25519.raw_sig")), s.sign());
        SigningCredentials c = SignFixtures.fixtureCredentials(SigningAlgorithm.ED25519);
        CBORObject cose = CBORObject.DecodeFromBytes(
                new CoseSign1Signer(SigningAlgorithm.ED25519, c.key(), c.chain(), false).sign(PAYLOAD, 0));
        assertEquals(-8, CBORObject.DecodeFromBytes(cose.get(0).GetByteString()).get(CBORObject.FromObject(1))
                .AsInt32Value());
        assertTrue(verifies(SigningAlgorithm.ED25519, c, cose.get(0).GetByteString(), cose.get(3).GetByteString()));
    }

    @Test
    void deterministicCborSortsKeysByEncodedBytes() {
        CBORObject m = CBORObject.NewOrderedMap().Add("bb", 1).Add("a", 2).Add("c", CBORObject.NewOrderedMap()
                .Add("z", 1).Add("y", 2)).Add(10, 3);
        byte[] enc = DeterministicCbor.encode(m);
        CBORObject back = CBORObject.DecodeFromBytes(enc);
        List<String> keys = back.getKeys().stream().map(CBORObject::ToJSONString).toList();
        assertEquals(List.of("10", "\"a\"", "\"c\"", "\"bb\""), keys, "RFC 8949 4.2.1 order");
        assertArrayEquals(enc, DeterministicCbor.encode(back), "idempotent");
    }
}
