package dev.unmask.provenance.cose;

import dev.unmask.provenance.c2pa.SignatureOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.upokecenter.cbor.CBORObject;
import dev.unmask.provenance.c2pa.StatusCodes;
import dev.unmask.provenance.trust.TrustSettings;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every guard: malformed, oversized and unsupported input becomes a status, quickly, never an exception. */
class HostileCoseTest {

    private static SignatureOutcome verify(byte[] cose) throws Exception {
        return new CoseClaimVerifier(TestKeys.testTrust(), TestKeys.VALID_TIME)
                .verify(cose, CoseRoundTripTest.CLAIM, CoseRoundTripTest.URL);
    }

    private static CBORObject sign1(CBORObject protectedMap, CBORObject unprotected) {
        return CBORObject.NewArray().Add(CBORObject.FromObject(protectedMap.EncodeToBytes())).Add(unprotected)
                .Add(CBORObject.Null).Add(CBORObject.FromObject(new byte[64]));
    }

    @Test
    void garbageAndTruncatedInputIsMismatch() throws Exception {
        assertTrue(verify(new byte[0]).has(StatusCodes.CLAIM_SIGNATURE_MISMATCH));
        assertTrue(verify(null).has(StatusCodes.CLAIM_SIGNATURE_MISMATCH));
        byte[] good = CoseSigner.sign(CoseRoundTripTest.CLAIM, TestKeys.privateKey("es256"), TestKeys.chain("es256"),
                CoseAlgorithm.ES256);
        Random r = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] b = java.util.Arrays.copyOf(good, r.nextInt(good.length));
            if (b.length > 0) {
                b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
            }
            SignatureOutcome o = verify(b);
            assertFalse(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
            assertFalse(o.has(StatusCodes.GENERAL_ERROR), o.statuses().toString());
        }
    }

    @Test
    void wrongShapesAreMismatch() throws Exception {
        assertTrue(verify(CBORObject.NewArray().Add(1).Add(2).EncodeToBytes()).has(StatusCodes.CLAIM_SIGNATURE_MISMATCH));
        assertTrue(verify(CBORObject.FromObjectAndTag(sign1(CBORObject.NewMap(), CBORObject.NewMap()), 98)
                .EncodeToBytes()).has(StatusCodes.CLAIM_SIGNATURE_MISMATCH));
        CBORObject notMapProtected = CBORObject.NewArray().Add(CBORObject.FromObject(new byte[] {1}))
                .Add(CBORObject.NewMap()).Add(CBORObject.Null).Add(CBORObject.FromObject(new byte[1]));
        assertTrue(verify(notMapProtected.EncodeToBytes()).has(StatusCodes.CLAIM_SIGNATURE_MISMATCH));
    }

    @Test
    void deepNestingIsRejected() throws Exception {
        int depth = 100_000;
        byte[] b = new byte[depth + 1];
        java.util.Arrays.fill(b, 0, depth, (byte) 0x81);
        b[depth] = 0x00;
        SignatureOutcome o = verify(b);
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_MISMATCH), o.statuses().toString());
    }

    @Test
    void hugeDeclaredLengthsAndCountsFailFast() throws Exception {
        byte[][] inputs = {
            {(byte) 0x5B, 0x7F, -1, -1, -1, -1, -1, -1, -1, 1, 2, 3},
            {(byte) 0x9B, 0x7F, -1, -1, -1, -1, -1, -1, -1, 0},
            {(byte) 0xBB, 0x00, 0x00, 0x00, 0x00, 0x7F, -1, -1, -1, 0, 0},
            {(byte) 0x84, 0x5A, 0x7F, -1, -1, -1, (byte) 0xA0, (byte) 0xF6, 0x40},
        };
        for (byte[] b : inputs) {
            SignatureOutcome o = verify(b);
            assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_MISMATCH), o.statuses().toString());
        }
    }

    @Test
    void missingOrUnknownAlgorithmIsUnsupported() throws Exception {
        assertTrue(verify(sign1(CBORObject.NewMap(), CBORObject.NewMap()).EncodeToBytes())
                .has(StatusCodes.ALGORITHM_UNSUPPORTED));
        CBORObject rs256 = CBORObject.NewMap().Add(CoseSign1.LABEL_ALG, -257);
        SignatureOutcome o = verify(sign1(rs256, CBORObject.NewMap()).EncodeToBytes());
        assertTrue(o.has(StatusCodes.ALGORITHM_UNSUPPORTED));
        CBORObject textAlg = CBORObject.NewMap().Add(CoseSign1.LABEL_ALG, "ES256");
        assertTrue(verify(sign1(textAlg, CBORObject.NewMap()).EncodeToBytes()).has(StatusCodes.ALGORITHM_UNSUPPORTED));
    }

    @Test
    void missingOrBrokenChainIsInvalid() throws Exception {
        CBORObject es256 = CBORObject.NewMap().Add(CoseSign1.LABEL_ALG, -7);
        assertTrue(verify(sign1(es256, CBORObject.NewMap()).EncodeToBytes()).has(StatusCodes.SIGNING_CREDENTIAL_INVALID));
        CBORObject junk = CBORObject.NewMap().Add(CoseSign1.LABEL_ALG, -7).Add(CoseSign1.LABEL_X5CHAIN, new byte[] {1, 2});
        assertTrue(verify(sign1(junk, CBORObject.NewMap()).EncodeToBytes()).has(StatusCodes.SIGNING_CREDENTIAL_INVALID));
        CBORObject wrongType = CBORObject.NewMap().Add(CoseSign1.LABEL_ALG, -7).Add(CoseSign1.LABEL_X5CHAIN, 5);
        assertTrue(verify(sign1(wrongType, CBORObject.NewMap()).EncodeToBytes())
                .has(StatusCodes.SIGNING_CREDENTIAL_INVALID));
        byte[] der = TestKeys.chain("es256").getFirst().getEncoded();
        CBORObject both = CBORObject.NewMap().Add(CoseSign1.LABEL_ALG, -7).Add(CoseSign1.LABEL_X5CHAIN, der);
        assertTrue(verify(sign1(both, CBORObject.NewMap().Add("x5chain", der)).EncodeToBytes())
                .has(StatusCodes.SIGNING_CREDENTIAL_INVALID));
    }

    @Test
    void thousandCertificateChainIsInvalid() throws Exception {
        byte[] der = TestKeys.chain("es256").getFirst().getEncoded();
        CBORObject arr = CBORObject.NewArray();
        for (int i = 0; i < 1000; i++) {
            arr.Add(CBORObject.FromObject(der));
        }
        CBORObject prot = CBORObject.NewMap().Add(CoseSign1.LABEL_ALG, -7).Add(CoseSign1.LABEL_X5CHAIN, arr);
        SignatureOutcome o = verify(sign1(prot, CBORObject.NewMap()).EncodeToBytes());
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_INVALID), o.statuses().toString());
    }

    @Test
    void tenMegabyteChainIsInvalid() throws Exception {
        CBORObject arr = CBORObject.NewArray().Add(CBORObject.FromObject(new byte[10 << 20]));
        CBORObject prot = CBORObject.NewMap().Add(CoseSign1.LABEL_ALG, -7).Add(CoseSign1.LABEL_X5CHAIN, arr);
        SignatureOutcome o = verify(sign1(prot, CBORObject.NewMap()).EncodeToBytes());
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_INVALID), o.statuses().toString());
    }

    @Test
    void oversizedCoseIsRejectedBeforeDecoding() throws Exception {
        SignatureOutcome o = verify(new byte[CoseSign1.MAX_COSE_BYTES + 1]);
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_MISMATCH));
    }

    @Test
    void derEcdsaSignatureIsFlagged() throws Exception {
        byte[] good = CoseSigner.sign(CoseRoundTripTest.CLAIM, TestKeys.privateKey("es256"), TestKeys.chain("es256"),
                CoseAlgorithm.ES256);
        CBORObject s = CBORObject.DecodeFromBytes(good).UntagOne();
        byte[] der = new byte[70];
        der[0] = 0x30;
        der[1] = 68;
        s.set(3, CBORObject.FromObject(der));
        SignatureOutcome o = verify(s.EncodeToBytes());
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_INVALID), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_MISMATCH));
    }

    @Test
    void stapledOcspIsReportedSkipped() throws Exception {
        byte[] good = CoseSigner.sign(CoseRoundTripTest.CLAIM, TestKeys.privateKey("es256"), TestKeys.chain("es256"),
                CoseAlgorithm.ES256);
        CBORObject s = CBORObject.DecodeFromBytes(good).UntagOne();
        s.get(1).Add("rVals", CBORObject.NewMap().Add("ocspVals", CBORObject.NewArray()));
        SignatureOutcome o = verify(s.EncodeToBytes());
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_OCSP_SKIPPED));
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED), "unprotected header is not signed");
    }

    @Test
    void malformedTimeStampIsMalformed() throws Exception {
        byte[] good = CoseSigner.sign(CoseRoundTripTest.CLAIM, TestKeys.privateKey("es256"), TestKeys.chain("es256"),
                CoseAlgorithm.ES256);
        CBORObject s = CBORObject.DecodeFromBytes(good).UntagOne();
        CBORObject tokens = CBORObject.NewArray().Add(CBORObject.NewMap().Add("val", new byte[] {0x30, 3, 1, 2, 3}));
        s.get(1).Add("sigTst", CBORObject.NewMap().Add("tstTokens", tokens));
        SignatureOutcome o = verify(s.EncodeToBytes());
        assertTrue(o.has(StatusCodes.TIME_STAMP_MALFORMED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
        CBORObject s2 = CBORObject.DecodeFromBytes(good).UntagOne();
        s2.get(1).Add("sigTst2", "not a map");
        assertTrue(verify(s2.EncodeToBytes()).has(StatusCodes.TIME_STAMP_MALFORMED));
    }

    @Test
    void settingsBoundsAreValidated() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrustSettings.builder().maxChainLength(0).build());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrustSettings.builder().maxChainBytes(Integer.MAX_VALUE).build());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrustSettings.builder().allowedEkus(java.util.Set.of("not an oid")).build());
        assertEquals(TrustSettings.DEFAULT_EKUS, TrustSettings.none().allowedEkus());
    }
}
