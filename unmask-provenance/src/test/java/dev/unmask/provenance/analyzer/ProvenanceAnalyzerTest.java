package dev.unmask.provenance.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.MediaType;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.provenance.sign.Action;
import dev.unmask.provenance.sign.C2paSigner;
import dev.unmask.provenance.sign.SigningAlgorithm;
import dev.unmask.provenance.sign.TestCredentials;
import dev.unmask.provenance.watermark.ColourPath;
import dev.unmask.provenance.watermark.IwmCodec;
import dev.unmask.provenance.watermark.IwmMethod;
import dev.unmask.provenance.watermark.KnownPayload;
import dev.unmask.provenance.watermark.UnmaskWatermark;
import dev.unmask.testkit.AnalyzerContractTest;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProvenanceAnalyzer} on the c2pa-rs fixtures, on files signed in the test and on watermarked images. */
class ProvenanceAnalyzerTest extends AnalyzerContractTest {
    /** Validation time for the fixtures (their test certificates are valid until 2030). */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final long RUN_ID = 123_456_789L;

    @TempDir
    Path tmp;

    @Override
    protected Analyzer newAnalyzer() {
        return new ProvenanceAnalyzer(NOW);
    }

    @Override
    protected String supportedFixture() {
        return "c2pa/CA.jpg";
    }

    private static Analyzer analyzer(Map<String, String> options) {
        Analyzer a = new ProvenanceAnalyzer(NOW);
        a.init(new AnalyzerOptions(ProvenanceAnalyzer.ID, options));
        return a;
    }

    private static Map<String, String> testTrust() {
        return Map.of("trust-anchors", TestData.file("c2pa/certs/trust/test_cert_root_bundle.pem").toString(),
                "allowed-list", TestData.file("c2pa/certs/trust/allowed_list.pem").toString(),
                "eku-config", TestData.file("c2pa/certs/trust/store.cfg").toString());
    }

    private static AnalyzerResult run(Analyzer a, String fixture) throws Exception {
        AnalyzerResult r = a.analyze(TestData.media(fixture));
        checkWellFormed(a, r);
        return r;
    }

    private static Finding only(AnalyzerResult r, String codePrefix) {
        List<Finding> l = r.findings().stream().filter(f -> f.code().startsWith(codePrefix)).toList();
        assertEquals(1, l.size(), codePrefix + " in " + r);
        return l.get(0);
    }

    @Test
    void validFixtureIsReportedWithSignerAndTrust() throws Exception {
        AnalyzerResult untrusted = run(initialised(), "c2pa/CA.jpg");
        assertTrue(untrusted.summary().startsWith("C2PA: VALID manifest signed by "), untrusted.summary());
        assertTrue(untrusted.summary().contains("(untrusted)"), untrusted.summary());
        assertTrue(untrusted.summary().contains("watermarks: none found (SD, SDXL, FLUX, Unmask)"), untrusted.summary());
        Finding f = only(untrusted, "provenance.c2pa.");
        assertEquals(Boolean.FALSE, f.values().get("trusted"));
        assertTrue(((List<?>) f.values().get("success")).contains("claimSignature.validated"));
        assertEquals("C2PA Signer", f.values().get("signer").toString().split(" / ")[0]);
        assertTrue(untrusted.findings().stream().allMatch(x -> x.evidence() == Evidence.INFO || x.score() < 0.5));

        AnalyzerResult trusted = run(analyzer(testTrust()), "c2pa/CA.jpg");
        assertTrue(trusted.summary().contains("(trusted)"), trusted.summary());
        assertEquals(Boolean.TRUE, only(trusted, "provenance.c2pa.").values().get("trusted"));
    }

    @Test
    void declaredGenerationIsSynthetic() throws Exception {
        // C.jpg was made by c2pa-rs's make_test_images with c2pa.created / algorithmicMedia
        AnalyzerResult r = run(analyzer(testTrust()), "c2pa/C.jpg");
        Finding f = only(r, "provenance.c2pa.");
        assertEquals("provenance.c2pa.synthetic", f.code());
        assertEquals(Evidence.SYNTHETIC, f.evidence());
        assertEquals(C2paInterpreter.SYNTHETIC_GENERATED, f.score());
        assertEquals(List.of("http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia"),
                f.values().get("digitalSourceTypes"));
        assertTrue(r.summary().contains("(trusted), declares algorithmicMedia"), r.summary());
    }

    @Test
    void hashMismatchIsTamperEvidence() throws Exception {
        Finding f = only(run(analyzer(testTrust()), "c2pa/XCA.jpg"), "provenance.c2pa.");
        assertEquals("provenance.c2pa.tampered.binding", f.code());
        assertEquals(Evidence.MANIPULATED, f.evidence());
        assertEquals(C2paInterpreter.TAMPER_BINDING, f.score());
        assertTrue(((List<?>) f.values().get("bindingFailures")).contains("assertion.dataHash.mismatch"));
    }

    @Test
    void signatureMismatchIsWeakerTamperEvidence() throws Exception {
        for (String fixture : List.of("c2pa/E-sig-CA.jpg", "c2pa/CIE-sig-CA.jpg")) {
            Finding f = only(run(analyzer(testTrust()), fixture), "provenance.c2pa.");
            assertEquals("provenance.c2pa.tampered.signature", f.code(), fixture);
            assertEquals(C2paInterpreter.TAMPER_SIGNATURE, f.score(), fixture);
            assertTrue(((List<?>) f.values().get("signatureFailures")).contains("claimSignature.mismatch"), fixture);
        }
    }

    @Test
    void otherFailuresAreInfo() throws Exception {
        Finding f = only(run(analyzer(testTrust()), "c2pa/no_alg.jpg"), "provenance.c2pa.");
        assertEquals("provenance.c2pa.invalid", f.code());
        assertEquals(Evidence.INFO, f.evidence());
        assertTrue(((List<?>) f.values().get("otherFailures")).contains("algorithm.unsupported"), f.toString());
    }

    @Test
    void noManifestAndRemoteManifest() throws Exception {
        AnalyzerResult none = run(initialised(), "c2pa/no_manifest.jpg");
        assertTrue(none.findings().isEmpty(), none.toString());
        assertTrue(none.summary().contains("no C2PA manifest"), none.summary());
        Finding remote = only(run(initialised(), "c2pa/cloud.jpg"), "provenance.c2pa.");
        assertEquals("provenance.c2pa.remote", remote.code());
        assertTrue(remote.values().get("url").toString().startsWith("https://cai-manifests.adobe.com/"));
    }

    @Test
    void cameraPhotosGiveNoEvidence() throws Exception {
        Analyzer a = initialised();
        for (String f : List.of("camera-jpeg/sample1.jpg", "camera-jpeg/sample2.jpg", "photos/rocket.jpg",
                "photos/chelsea.png", "photos/hubble_deep_field.jpg")) {
            AnalyzerResult r = run(a, f);
            assertTrue(r.findings().isEmpty(), f + " " + r);
            assertTrue(r.summary().contains("no C2PA manifest") && r.summary().contains("none found"), r.summary());
        }
    }

    @Test
    void declaredCaptureIsAuthenticEvidenceScaledByTrust() throws Exception {
        TestCredentials creds = TestCredentials.generate(SigningAlgorithm.ES256, "Capture", Instant.parse(
                "2025-06-01T00:00:00Z"), java.time.Duration.ofDays(1000));
        creds.writePem(tmp);
        byte[] signed = C2paSigner.builder().credentials(creds.credentials()).algorithm(SigningAlgorithm.ES256)
                .claimGenerator("Test Camera", "1").action(Action.created(Action.SOURCE_DIGITAL_CAPTURE)).build()
                .sign(Files.readAllBytes(TestData.file("photos/rocket.jpg")), MediaType.JPEG);
        var media = TestData.media("captured.jpg", signed);
        Finding trusted = only(analyzer(Map.of("trust-anchors", tmp.resolve(TestCredentials.CA_FILE).toString()))
                .analyze(media), "provenance.c2pa.");
        assertEquals("provenance.c2pa.capture", trusted.code());
        assertEquals(Evidence.AUTHENTIC, trusted.evidence());
        assertEquals(C2paInterpreter.CAPTURE_TRUSTED, trusted.score());
        Finding untrusted = only(initialised().analyze(media), "provenance.c2pa.");
        assertEquals(C2paInterpreter.CAPTURE_UNTRUSTED, untrusted.score());
        assertTrue(untrusted.detail().contains("untrusted"), untrusted.detail());
    }

    @Test
    void knownAndUnmaskWatermarksAreSynthetic() throws Exception {
        BufferedImage photo = ImageIO.read(TestData.file("photos/chelsea.png").toFile());
        BufferedImage rgb = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(photo, 0, 0, null);
        BufferedImage sdxl = IwmCodec.encode(rgb, KnownPayload.SDXL.bits(), IwmMethod.DWT_DCT, ColourPath.FLOAT32);
        AnalyzerResult r = initialised().analyze(TestData.media("sdxl.png", Codecs.png(sdxl)));
        Finding f = only(r, "provenance.watermark.");
        assertEquals("provenance.watermark.sdxl", f.code());
        assertTrue(f.score() >= 0.8 && (double) f.values().get("probability") < 1e-6, f.toString());
        assertTrue(r.summary().contains("SDXL"), r.summary());

        BufferedImage marked = UnmaskWatermark.embed(rgb, RUN_ID, UnmaskWatermark.DEFAULT_KEY);
        var media = TestData.media("unmask.png", Codecs.png(marked));
        Finding u = only(initialised().analyze(media), "provenance.watermark.");
        assertEquals("provenance.watermark.unmask", u.code());
        assertEquals(WatermarkChecks.UNMASK_SCORE, u.score());
        assertEquals(RUN_ID, ((Number) u.values().get("runId")).longValue());
        assertTrue(u.title().contains("run id " + RUN_ID));
        // another key does not find it
        String otherKey = HexFormat.of().formatHex("some other key".getBytes());
        assertTrue(analyzer(Map.of("unmask-watermark-key", otherKey)).analyze(media).findings().isEmpty());
        // disabled, or over the pixel limit: not checked, and said so
        assertTrue(analyzer(Map.of("watermarks", "false")).analyze(media).summary()
                .contains("watermarks not checked: disabled"));
        AnalyzerResult big = analyzer(Map.of("watermark-max-pixels", "1000")).analyze(media);
        assertTrue(big.findings().isEmpty());
        assertTrue(big.summary().contains("exceeds watermark-max-pixels"), big.summary());
    }

    @Test
    void undecodablePixelsStillCheckC2pa() throws Exception {
        byte[] ca = Files.readAllBytes(TestData.file("c2pa/CA.jpg"));
        byte[] cut = java.util.Arrays.copyOf(ca, ca.length / 2);
        AnalyzerResult r = initialised().analyze(TestData.media("cut.jpg", cut));
        assertTrue(r.summary().startsWith("C2PA: INVALID"), r.summary());
        assertTrue(r.summary().contains("watermarks not checked") || r.summary().contains("watermarks:"), r.summary());
    }

    @Test
    void invalidOptionsAreUsageErrors() {
        for (Map<String, String> bad : List.of(Map.of("trust-anchors", "/no/such/file.pem"),
                Map.of("allowed-list", tmp.toString()), Map.of("unmask-watermark-key", "xyz"),
                Map.of("unmask-watermark-key", ""), Map.of("watermark-max-pixels", "0"), Map.of("watermarks", "maybe"))) {
            assertThrows(IllegalArgumentException.class, () -> analyzer(bad), bad.toString());
        }
        Map<String, String> ok = new HashMap<>(testTrust());
        ok.put("watermarks", "true");
        assertFalse(Stream.of(analyzer(ok)).toList().isEmpty());
    }
}
