package dev.unmask.provenance.cose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.provenance.c2pa.StatusCodes;
import dev.unmask.provenance.trust.TrustSettings;
import dev.unmask.testkit.TestData;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
            assertTrue(ms < 50, c[0] + " took " + ms + " ms");
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
