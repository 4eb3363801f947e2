package dev.unmask.provenance.cose;

import dev.unmask.provenance.c2pa.SignatureOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.upokecenter.cbor.CBORObject;
import dev.unmask.provenance.c2pa.StatusCodes;
import dev.unmask.provenance.trust.TrustSettings;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 3161 time-stamps made in the test with a BouncyCastle TSA (sigTst2 over the signature, sigTst over the claim). */
class TimeStampTest {
    private static final Instant NOW = Instant.parse("2036-01-01T00:00:00Z");
    private static final Instant SIGNED = Instant.parse("2023-03-01T12:00:00Z");
    private static final byte[] CLAIM = CoseRoundTripTest.CLAIM;
    private static TestCertificates.Issued root;
    private static TestCertificates.Issued tsa;
    private static TestCertificates.Issued signer;

    @BeforeAll
    static void makeCertificates() throws Exception {
        root = TestCertificates.root("TSA and Signer Root");
        tsa = TestCertificates.leaf(root, "Test TSA", KeyPurposeId.id_kp_timeStamping);
        signer = TestCertificates.leaf(root, "Short-lived Signer",
                new KeyPurposeId[] {KeyPurposeId.getInstance(new ASN1ObjectIdentifier(TrustSettings.EKU_C2PA_CLAIM_SIGNING))},
                false, Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"));
    }

    private static byte[] token(byte[] imprintedData, Instant genTime) throws Exception {
        TimeStampTokenGenerator gen = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", tsa.key(), tsa.cert()),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
                new ASN1ObjectIdentifier("1.2.3.4.5"));
        gen.addCertificates(new JcaCertStore(List.of(tsa.cert(), root.cert())));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(imprintedData);
        TimeStampRequestGenerator req = new TimeStampRequestGenerator();
        req.setCertReq(true);
        return gen.generate(req.generate(TSPAlgorithms.SHA256, digest), BigInteger.TEN, Date.from(genTime))
                .getEncoded();
    }

    /** A signed COSE_Sign1 with a v2 (or v1) time-stamp; {@code wrongImprint} stamps other data. */
    private static byte[] stamped(boolean v2, boolean wrongImprint, Instant genTime) throws Exception {
        byte[] cose = CoseSigner.sign(CLAIM, signer.key(), List.of(signer.cert()), CoseAlgorithm.ES256);
        CBORObject s = CBORObject.DecodeFromBytes(cose).UntagOne();
        byte[] prot = s.get(0).GetByteString();
        byte[] data = v2 ? CBORObject.FromObject(s.get(3).GetByteString()).EncodeToBytes() : CLAIM;
        if (wrongImprint) {
            data = "something else".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        byte[] tok = token(SigStructures.counterSignature(prot, data), genTime);
        CBORObject tokens = CBORObject.NewArray().Add(CBORObject.NewMap().Add("val", tok));
        s.get(1).Add(v2 ? "sigTst2" : "sigTst", CBORObject.NewMap().Add("tstTokens", tokens));
        return CBORObject.FromObjectAndTag(s, CoseSign1.TAG_COSE_SIGN1).EncodeToBytes();
    }

    private static SignatureOutcome verify(byte[] cose, TrustSettings trust) {
        return new CoseClaimVerifier(trust, NOW).verify(cose, CLAIM, CoseRoundTripTest.URL);
    }

    private static TrustSettings anchored() {
        return TrustSettings.builder().anchors(List.of(root.cert())).tsaAnchors(List.of(root.cert())).build();
    }

    @Test
    void trustedTimeStampSetsSigningTimeForValidity() throws Exception {
        for (boolean v2 : new boolean[] {true, false}) {
            SignatureOutcome o = verify(stamped(v2, false, SIGNED), anchored());
            assertTrue(o.has(StatusCodes.TIME_STAMP_VALIDATED), o.statuses().toString());
            assertTrue(o.has(StatusCodes.TIME_STAMP_TRUSTED), o.statuses().toString());
            assertEquals(SIGNED, o.signingTime());
            assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_INSIDE_VALIDITY), "valid at the time-stamp, expired now");
            assertFalse(o.has(StatusCodes.SIGNING_CREDENTIAL_EXPIRED));
            assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_TRUSTED), o.statuses().toString());
            assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
        }
    }

    @Test
    void untrustedTimeStampIsNotUsedForValidity() throws Exception {
        TrustSettings signerOnly = TrustSettings.builder().anchors(List.of(root.cert())).build();
        SignatureOutcome o = verify(stamped(true, false, SIGNED), signerOnly);
        assertTrue(o.has(StatusCodes.TIME_STAMP_VALIDATED));
        assertTrue(o.has(StatusCodes.TIME_STAMP_UNTRUSTED));
        assertEquals(SIGNED, o.signingTime(), "reported for display");
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_EXPIRED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_OUTSIDE_VALIDITY));
    }

    @Test
    void wrongImprintIsMismatch() throws Exception {
        SignatureOutcome o = verify(stamped(true, true, SIGNED), anchored());
        assertTrue(o.has(StatusCodes.TIME_STAMP_MISMATCH), o.statuses().toString());
        assertFalse(o.has(StatusCodes.TIME_STAMP_VALIDATED));
        assertNull(o.signingTime());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED), "the claim signature itself is fine");
    }

    @Test
    void genTimeOutsideTsaCertificateIsOutsideValidity() throws Exception {
        SignatureOutcome o = verify(stamped(true, false, Instant.parse("2019-01-01T00:00:00Z")), anchored());
        assertTrue(o.has(StatusCodes.TIME_STAMP_OUTSIDE_VALIDITY), o.statuses().toString());
        assertNull(o.signingTime());
    }

    @Test
    void twoTokensAreMalformed() throws Exception {
        CBORObject s = CBORObject.DecodeFromBytes(stamped(true, false, SIGNED)).UntagOne();
        CBORObject tokens = s.get(1).get("sigTst2").get("tstTokens");
        tokens.Add(tokens.get(0));
        assertTrue(verify(s.EncodeToBytes(), anchored()).has(StatusCodes.TIME_STAMP_MALFORMED));
    }

    @Test
    void fuzzedTokensNeverEscape() throws Exception {
        CBORObject base = CBORObject.DecodeFromBytes(stamped(true, false, SIGNED)).UntagOne();
        byte[] tok = base.get(1).get("sigTst2").get("tstTokens").get(0).get("val").GetByteString();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 80; i++) {
            byte[] t = java.util.Arrays.copyOf(tok, i % 3 == 0 ? r.nextInt(tok.length) : tok.length);
            t[r.nextInt(t.length)] ^= (byte) (1 + r.nextInt(255));
            CBORObject s = CBORObject.DecodeFromBytes(base.EncodeToBytes());
            s.get(1).get("sigTst2").get("tstTokens").get(0).set("val", CBORObject.FromObject(t));
            SignatureOutcome o = verify(s.EncodeToBytes(), anchored());
            assertFalse(o.has(StatusCodes.GENERAL_ERROR), o.statuses().toString());
            assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
            assertTrue(o.statuses().stream().anyMatch(x -> x.code().startsWith("timeStamp.")));
        }
    }
}
