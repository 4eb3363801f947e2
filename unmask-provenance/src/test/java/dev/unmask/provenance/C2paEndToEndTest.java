package dev.unmask.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.MediaType;
import dev.unmask.provenance.analyzer.ProvenanceAnalyzer;
import dev.unmask.provenance.c2pa.ActionInfo;
import dev.unmask.provenance.c2pa.C2paLimits;
import dev.unmask.provenance.c2pa.C2paReader;
import dev.unmask.provenance.c2pa.ManifestStoreResult;
import dev.unmask.provenance.c2pa.StatusCodes;
import dev.unmask.provenance.c2pa.StoreState;
import dev.unmask.provenance.cose.CoseClaimVerifier;
import dev.unmask.provenance.sign.Action;
import dev.unmask.provenance.sign.C2paSigner;
import dev.unmask.provenance.sign.SignedAsset;
import dev.unmask.provenance.sign.SigningAlgorithm;
import dev.unmask.provenance.sign.TestCredentials;
import dev.unmask.provenance.trust.TrustSettings;
import dev.unmask.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end with the real COSE verifier and trust configuration (no stubs): the c2pa-rs fixtures read with the
 * c2pa-rs test trust files (C2PA 2.2 section 14.4), and a keygen -> sign -> read -> tamper round trip.
 *
 * <p>Expectations follow {@code c2pa.C2paConformanceTest} (outcomes of the reference implementation) and
 * {@code cose.FixtureSignatureTest} (which signatures verify). Fixtures are validated at 2026-01-01, inside the
 * test certificates' validity (they expire in 2030), so the test does not depend on the date it runs.
 *
 * <p>Documented behaviour: with {@link TrustSettings#none()} a correctly signed file is still VALID: like c2pa-rs,
 * the reader does not count {@code signingCredential.untrusted} as a failure; the signer is reported untrusted.
 */
class C2paEndToEndTest {
    private static final Instant FIXTURE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static TrustSettings fixtureTrust;
    private static TestCredentials creds;

    @BeforeAll
    static void setUp() throws Exception {
        fixtureTrust = TrustSettings.fromPem(TestData.file("c2pa/certs/trust/test_cert_root_bundle.pem"),
                TestData.file("c2pa/certs/trust/allowed_list.pem"), TestData.file("c2pa/certs/trust/store.cfg"));
        creds = TestCredentials.generate(SigningAlgorithm.ES256);
    }

    private static ManifestStoreResult readFixture(String name) throws Exception {
        return C2paReader.read(Files.readAllBytes(TestData.file("c2pa/" + name)), MediaType.UNKNOWN,
                new CoseClaimVerifier(fixtureTrust, FIXTURE_TIME), C2paLimits.defaults());
    }

    private static ManifestStoreResult read(byte[] file, TrustSettings trust) {
        return C2paReader.read(file, MediaType.UNKNOWN, new CoseClaimVerifier(trust, Clock.systemUTC()),
                C2paLimits.defaults());
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "CA.jpg, VALID, ''",
        "C.jpg, VALID, ''",
        "CACA.jpg, VALID, ''",
        "XCA.jpg, INVALID, assertion.dataHash.mismatch",
        "E-sig-CA.jpg, INVALID, claimSignature.mismatch",
        "CIE-sig-CA.jpg, INVALID, claimSignature.mismatch",
        "no_manifest.jpg, NO_MANIFEST, ''",
        "cloud.jpg, REMOTE, ''"})
    void fixturesWithRealVerifier(String fixture, StoreState state, String failure) throws Exception {
        ManifestStoreResult r = readFixture(fixture);
        assertEquals(state, r.state(), fixture + " " + r.failureCodes());
        if (failure.isEmpty()) {
            assertTrue(r.failureCodes().isEmpty(), fixture + " " + r.failureCodes());
        } else {
            assertTrue(r.failureCodes().contains(failure), fixture + " " + r.failureCodes());
        }
        if (state == StoreState.VALID) {
            assertTrue(r.active().signature().trusted(), fixture + " signer chains to the test root bundle");
        }
    }

    /**
     * video1.mp4 is VALID with the stub verifier (C2paConformanceTest) but not with the real one at 2026-01-01: the
     * active manifest verifies (trusted, BMFF hash matches), while its ingredient's manifest was signed in 2022 by
     * "Bob" with a certificate that has since expired, and that signature's time-stamp comes from a TSA outside the
     * trust bundle, so validity is judged at the validation time (signingCredential.expired,
     * claimSignature.outsideValidity). Validated at the ingredient's signing time, the file is VALID.
     */
    @Test
    void video1IsInvalidOnlyThroughItsExpiredIngredientSigner() throws Exception {
        ManifestStoreResult now = readFixture("video1.mp4");
        assertEquals(StoreState.INVALID, now.state());
        assertTrue(now.active().failure().isEmpty(), now.active().failure().toString());
        assertTrue(now.active().signature().trusted());
        assertTrue(now.active().success().stream().anyMatch(s -> s.code().equals(StatusCodes.ASSERTION_BMFF_HASH_MATCH)));
        assertEquals(Set.of(StatusCodes.SIGNING_CREDENTIAL_EXPIRED, StatusCodes.SIGNING_CREDENTIAL_UNTRUSTED,
                StatusCodes.CLAIM_SIGNATURE_OUTSIDE_VALIDITY), now.failureCodes());
        ManifestStoreResult then = C2paReader.read(Files.readAllBytes(TestData.file("c2pa/video1.mp4")),
                MediaType.UNKNOWN, new CoseClaimVerifier(fixtureTrust, Instant.parse("2022-08-23T00:00:00Z")),
                C2paLimits.defaults());
        assertEquals(StoreState.VALID, then.state(), then.failureCodes().toString());
    }

    @Test
    void cieSigFailureIsInTheIngredientNotTheActiveManifest() throws Exception {
        ManifestStoreResult r = readFixture("CIE-sig-CA.jpg");
        assertTrue(r.active().failure().isEmpty(), r.active().failure().toString());
        assertTrue(r.active().ingredients().stream().anyMatch(n -> n.hasFailure()));
    }

    private static SignedAsset sign(String photo, MediaType type) throws Exception {
        return C2paSigner.builder().credentials(creds.credentials()).algorithm(SigningAlgorithm.ES256)
                .claimGenerator("Unmask end-to-end test", "1")
                .action(Action.created(Action.SOURCE_TRAINED_ALGORITHMIC)).build()
                .signDetailed(Files.readAllBytes(TestData.file(photo)), type);
    }

    @ParameterizedTest
    @CsvSource({"photos/rocket.jpg, jpeg", "photos/chelsea.png, png"})
    void signedFileRoundTrips(String photo, String typeId) throws Exception {
        MediaType type = typeId.equals("jpeg") ? MediaType.JPEG : MediaType.PNG;
        SignedAsset signed = sign(photo, type);
        TrustSettings anchored = TrustSettings.builder().anchors(List.of(creds.caCertificate())).build();

        ManifestStoreResult trusted = read(signed.bytes(), anchored);
        assertEquals(StoreState.VALID, trusted.state(), trusted.failureCodes().toString());
        assertEquals(signed.manifestLabel(), trusted.activeManifest());
        assertTrue(trusted.active().signature().trusted());
        assertEquals(List.of(Action.SOURCE_TRAINED_ALGORITHMIC),
                trusted.active().claim().actions().stream().map(ActionInfo::digitalSourceType).toList());

        ManifestStoreResult untrusted = read(signed.bytes(), TrustSettings.none());
        assertEquals(StoreState.VALID, untrusted.state(), "signingCredential.untrusted is not a failure");
        assertFalse(untrusted.active().signature().trusted());
        assertTrue(untrusted.active().signature().has(StatusCodes.SIGNING_CREDENTIAL_UNTRUSTED));

        ManifestStoreResult tampered = read(tamper(signed, type), anchored);
        assertEquals(StoreState.INVALID, tampered.state());
        assertEquals(Set.of(StatusCodes.ASSERTION_DATA_HASH_MISMATCH), tampered.failureCodes());
    }

    @Test
    void analyzerReportsSignedAndTamperedFiles() throws Exception {
        SignedAsset signed = sign("photos/rocket.jpg", MediaType.JPEG);
        ProvenanceAnalyzer a = new ProvenanceAnalyzer();
        a.init(AnalyzerOptions.defaults(ProvenanceAnalyzer.ID));
        AnalyzerResult ok = a.analyze(TestData.media("signed.jpg", signed.bytes()));
        Finding syn = ok.findings().get(0);
        assertEquals("provenance.c2pa.synthetic", syn.code());
        assertEquals(Evidence.SYNTHETIC, syn.evidence());
        assertTrue(syn.score() >= 0.9, syn.toString());
        assertTrue(ok.summary().contains("VALID manifest signed by Unmask Signer"), ok.summary());

        AnalyzerResult bad = a.analyze(TestData.media("tampered.jpg", tamper(signed, MediaType.JPEG)));
        Finding t = bad.findings().get(0);
        assertEquals("provenance.c2pa.tampered.binding", t.code());
        assertEquals(Evidence.MANIPULATED, t.evidence());
        assertEquals(0.85, t.score());
    }

    /**
     * Flips one bit of image data outside the manifest: the last byte before the JPEG EOI (entropy-coded data), or
     * a byte inside the PNG's last IDAT chunk (the file may no longer decode, which is irrelevant for C2PA).
     */
    private static byte[] tamper(SignedAsset signed, MediaType type) {
        byte[] b = signed.bytes().clone();
        int at;
        if (type.equals(MediaType.JPEG)) {
            at = b.length - 3;
        } else {
            at = lastIndexOf(b, "IDAT".getBytes(StandardCharsets.US_ASCII)) + 8;
        }
        assertTrue(at >= signed.exclusionStart() + signed.exclusionLength(), "outside the manifest");
        b[at] ^= 1;
        return b;
    }

    private static int lastIndexOf(byte[] hay, byte[] needle) {
        for (int i = hay.length - needle.length; i >= 0; i--) {
            boolean m = true;
            for (int j = 0; j < needle.length && m; j++) {
                m = hay[i + j] == needle[j];
            }
            if (m) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
