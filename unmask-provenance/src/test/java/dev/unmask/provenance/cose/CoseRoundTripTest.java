package dev.unmask.provenance.cose;

import dev.unmask.provenance.c2pa.SignatureOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.upokecenter.cbor.CBORObject;
import dev.unmask.provenance.c2pa.StatusCodes;
import dev.unmask.provenance.trust.TrustSettings;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign with {@link CoseSigner}, verify with {@link CoseClaimVerifier}, for every algorithm and some tampering. */
class CoseRoundTripTest {
    static final String URL = "self#jumbf=/c2pa/urn:c2pa:test/c2pa.signature";
    static final byte[] CLAIM = "{\"claim\":\"a typical claim of a few hundred bytes\"}".repeat(8)
            .getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"es256", "es384", "es512", "ps256", "ps384", "ps512", "ed25519"})
    void roundTripIsValidatedAndTrusted(String name) throws Exception {
        CoseAlgorithm alg = TestKeys.algOf(name);
        byte[] cose = CoseSigner.sign(CLAIM, TestKeys.privateKey(name), TestKeys.chain(name), alg);
        SignatureOutcome o = new CoseClaimVerifier(TestKeys.testTrust(), TestKeys.VALID_TIME).verify(cose, CLAIM, URL);
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_INSIDE_VALIDITY), o.statuses().toString());
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_TRUSTED), o.statuses().toString());
        assertFalse(o.has(StatusCodes.SIGNING_CREDENTIAL_INVALID), o.statuses().toString());
        assertTrue(o.trusted());
        assertEquals(alg.displayName(), o.algorithm());
        assertEquals("C2PA Signer", o.signerSubject());
        assertEquals("C2PA Test Signing Cert", o.signerOrganization());
        assertEquals("C2PA Test Intermediate Root CA", o.issuer());
        assertNull(o.signingTime());
        assertTrue(o.statuses().stream().allMatch(s -> URL.equals(s.url())));
        assertEquals(CoseSign1.TAG_COSE_SIGN1, CBORObject.DecodeFromBytes(cose).getMostOuterTag().ToInt32Checked());
    }

    @Test
    void untrustedWithoutAnchorsButStillValidated() throws Exception {
        byte[] cose = CoseSigner.sign(CLAIM, TestKeys.privateKey("es256"), TestKeys.chain("es256"),
                CoseAlgorithm.ES256);
        SignatureOutcome o = new CoseClaimVerifier(TrustSettings.none(), TestKeys.VALID_TIME).verify(cose, CLAIM, URL);
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_UNTRUSTED));
        assertFalse(o.trusted());
    }

    @Test
    void allowedListTrustsEndEntityDirectly() throws Exception {
        List<X509Certificate> chain = TestKeys.chain("es256");
        TrustSettings allowed = TrustSettings.builder().allowedEndEntities(List.of(chain.getFirst())).build();
        byte[] cose = CoseSigner.sign(CLAIM, TestKeys.privateKey("es256"), List.of(chain.getFirst()),
                CoseAlgorithm.ES256);
        SignatureOutcome o = new CoseClaimVerifier(allowed, TestKeys.VALID_TIME).verify(cose, CLAIM, URL);
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_TRUSTED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
    }

    @Test
    void tamperedPayloadIsMismatch() throws Exception {
        byte[] cose = CoseSigner.sign(CLAIM, TestKeys.privateKey("ps256"), TestKeys.chain("ps256"),
                CoseAlgorithm.PS256);
        byte[] other = CLAIM.clone();
        other[10] ^= 1;
        SignatureOutcome o = new CoseClaimVerifier(TestKeys.testTrust(), TestKeys.VALID_TIME).verify(cose, other, URL);
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_MISMATCH));
        assertFalse(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_TRUSTED), "trust is independent of the signature");
    }

    @Test
    void tamperedProtectedHeaderIsMismatch() throws Exception {
        byte[] cose = CoseSigner.sign(CLAIM, TestKeys.privateKey("es256"), TestKeys.chain("es256"),
                CoseAlgorithm.ES256);
        CBORObject sign1 = CBORObject.DecodeFromBytes(cose).UntagOne();
        CBORObject prot = CBORObject.DecodeFromBytes(sign1.get(0).GetByteString());
        prot.set(CBORObject.FromObject(3), CBORObject.FromObject("application/c2pa"));
        sign1.set(0, CBORObject.FromObject(prot.EncodeToBytes()));
        SignatureOutcome o = new CoseClaimVerifier(TestKeys.testTrust(), TestKeys.VALID_TIME)
                .verify(sign1.EncodeToBytes(), CLAIM, URL);
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_MISMATCH), o.statuses().toString());
        assertFalse(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
    }

    @Test
    void untaggedAndLegacyUnprotectedChainAreAccepted() throws Exception {
        List<X509Certificate> chain = TestKeys.chain("es256");
        CBORObject prot = CBORObject.NewMap().Add(CoseSign1.LABEL_ALG, CoseAlgorithm.ES256.coseId());
        byte[] protBytes = prot.EncodeToBytes();
        byte[] sig = CoseAlgorithm.ES256.sign(TestKeys.privateKey("es256"), SigStructures.signature1(protBytes, CLAIM));
        CBORObject x5 = CBORObject.NewArray();
        for (X509Certificate c : chain) {
            x5.Add(CBORObject.FromObject(c.getEncoded()));
        }
        CBORObject sign1 = CBORObject.NewArray().Add(CBORObject.FromObject(protBytes))
                .Add(CBORObject.NewMap().Add("x5chain", x5)).Add(CBORObject.Null).Add(CBORObject.FromObject(sig));
        SignatureOutcome o = new CoseClaimVerifier(TestKeys.testTrust(), TestKeys.VALID_TIME)
                .verify(sign1.EncodeToBytes(), CLAIM, URL);
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_TRUSTED), o.statuses().toString());
    }

    @Test
    void expiredAtValidationTime() throws Exception {
        byte[] cose = CoseSigner.sign(CLAIM, TestKeys.privateKey("es256"), TestKeys.chain("es256"),
                CoseAlgorithm.ES256);
        SignatureOutcome o = new CoseClaimVerifier(TestKeys.testTrust(), java.time.Instant.parse("2031-01-01T00:00:00Z"))
                .verify(cose, CLAIM, URL);
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_EXPIRED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_OUTSIDE_VALIDITY), o.statuses().toString());
        assertFalse(o.has(StatusCodes.CLAIM_SIGNATURE_INSIDE_VALIDITY));
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_UNTRUSTED), "expired chain cannot be trusted");
    }
}
