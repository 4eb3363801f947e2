package dev.unmask.provenance.cose;

import dev.unmask.provenance.c2pa.SignatureOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.provenance.c2pa.StatusCodes;
import dev.unmask.provenance.trust.TrustSettings;
import dev.unmask.testkit.TestData;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real claim signatures from the reference implementation's fixtures. CA.jpg must validate; E-sig-CA.jpg has an
 * altered claim and the reference implementation reports timeStamp.mismatch for it (sdk/src/ingredient.rs,
 * test_jpg_bad_signature); the claim signature must not verify either.
 */
class FixtureSignatureTest {
    private static final int BATCHES = 7;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static SignatureOutcome verify(String fixture, TrustSettings trust) throws Exception {
        FixtureManifest.Parts p = FixtureManifest.extract(Files.readAllBytes(TestData.file("c2pa/" + fixture)));
        assertNotNull(p.claim(), fixture + " claim");
        assertNotNull(p.signature(), fixture + " signature");
        SignatureOutcome o = new CoseClaimVerifier(trust, NOW).verify(p.signature(), p.claim(),
                "self#jumbf=/c2pa/test/c2pa.signature");
        return o;
    }

    @Test
    void caJpgValidates() throws Exception {
        SignatureOutcome o = verify("CA.jpg", TestKeys.testTrust());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.TIME_STAMP_VALIDATED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.TIME_STAMP_UNTRUSTED), "the fixture's TSA is not in the test bundle");
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_TRUSTED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_INSIDE_VALIDITY));
        assertFalse(o.has(StatusCodes.CLAIM_SIGNATURE_MISMATCH));
        assertEquals(Instant.parse("2024-08-06T21:53:37Z"), o.signingTime());
        assertEquals("PS256", o.algorithm());
        assertEquals("C2PA Signer", o.signerSubject());
        assertTrue(o.trusted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"C.jpg", "CACA.jpg", "XCA.jpg", "CIE-sig-CA.jpg", "boxhash.jpg",
        "legacy_ingredient_hash.jpg"})
    void otherTestSignedFixturesValidate(String fixture) throws Exception {
        SignatureOutcome o = verify(fixture, TestKeys.testTrust());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_TRUSTED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.TIME_STAMP_VALIDATED), o.statuses().toString());
        assertFalse(o.statuses().stream().anyMatch(x -> x.kind() == dev.unmask.provenance.c2pa.StatusKind.FAILURE),
                o.statuses().toString());
    }

    /** The reference implementation reports timeStamp.malformed for CA_ct.jpg (sdk/tests/test_failures.rs). */
    @Test
    void changedTimeStampIsMalformedButSignatureValid() throws Exception {
        SignatureOutcome o = verify("CA_ct.jpg", TestKeys.testTrust());
        assertTrue(o.has(StatusCodes.TIME_STAMP_MALFORMED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED), o.statuses().toString());
        assertNull(o.signingTime());
    }

    /** An ECDSA signature in DER form: the reference implementation rejects it as signingCredential.invalid. */
    @Test
    void derEcdsaFixtureIsInvalid() throws Exception {
        SignatureOutcome o = verify("no_alg.jpg", TestKeys.testTrust());
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_INVALID), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_MISMATCH));
    }

    /** A production (Adobe) credential with a stapled OCSP response, not in the test trust bundle. */
    @Test
    void ocspFixtureIsUntrustedAndOcspSkipped() throws Exception {
        SignatureOutcome o = verify("ocsp.jpg", TestKeys.testTrust());
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_OCSP_SKIPPED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_UNTRUSTED));
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
        assertEquals("Adobe Inc.", o.signerOrganization());
    }

    @Test
    void caJpgWithoutTrustIsUntrustedButValid() throws Exception {
        SignatureOutcome o = verify("CA.jpg", TrustSettings.none());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_UNTRUSTED));
        assertFalse(o.trusted());
    }

    @Test
    void measureVerifyTime() throws Exception {
        FixtureManifest.Parts p = FixtureManifest.extract(Files.readAllBytes(TestData.file("c2pa/CA.jpg")));
        CoseClaimVerifier v = new CoseClaimVerifier(TestKeys.testTrust(), NOW);
        byte[] es256 = CoseSigner.sign(p.claim(), TestKeys.privateKey("es256"), TestKeys.chain("es256"),
                CoseAlgorithm.ES256);
        byte[] ps256 = CoseSigner.sign(p.claim(), TestKeys.privateKey("ps256"), TestKeys.chain("ps256"),
                CoseAlgorithm.PS256);
        for (String[] c : new String[][] {{"ES256"}, {"PS256"}, {"CA.jpg (PS256 + RFC 3161)"}}) {
            byte[] cose = c[0].equals("ES256") ? es256 : c[0].equals("PS256") ? ps256 : p.signature();
            int warm = 100;
            int runs = 40;
            for (int i = 0; i < warm; i++) {
                assertTrue(v.verify(cose, p.claim(), "u").has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
            }
            double[] batches = new double[BATCHES];
            for (int k = 0; k < BATCHES; k++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    v.verify(cose, p.claim(), "u");
                }
                batches[k] = (System.nanoTime() - t0) / 1e6 / runs;
            }
            java.util.Arrays.sort(batches);
            double ms = batches[BATCHES / 2];
            System.out.printf("verify %s, %d-byte claim: median of batches %.3f ms%n", c[0], p.claim().length, ms);
        }
    }

    @Test
    void eSigCaJpgIsMismatch() throws Exception {
        SignatureOutcome o = verify("E-sig-CA.jpg", TestKeys.testTrust());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_MISMATCH), o.statuses().toString());
        assertTrue(o.has(StatusCodes.TIME_STAMP_MISMATCH), o.statuses().toString());
        assertFalse(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
    }
}
