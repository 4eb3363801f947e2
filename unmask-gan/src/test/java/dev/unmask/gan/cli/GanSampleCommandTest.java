package dev.unmask.gan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.internal.xmp.XMPMeta;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.xmp.XmpDirectory;
import dev.unmask.analyzers.metadata.MetadataAnalyzer;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.MediaType;
import dev.unmask.gan.GanCheckpoint;
import dev.unmask.gan.GanSampler;
import dev.unmask.gan.TinyRun;
import dev.unmask.gan.TrainedGan;
import dev.unmask.provenance.c2pa.ActionInfo;
import dev.unmask.provenance.c2pa.C2paLimits;
import dev.unmask.provenance.c2pa.C2paReader;
import dev.unmask.provenance.c2pa.ManifestStoreResult;
import dev.unmask.provenance.c2pa.StoreState;
import dev.unmask.provenance.cose.CoseClaimVerifier;
import dev.unmask.provenance.sign.Action;
import dev.unmask.provenance.sign.SigningAlgorithm;
import dev.unmask.provenance.sign.TestCredentials;
import dev.unmask.provenance.trust.TrustSettings;
import dev.unmask.provenance.watermark.UnmaskDetection;
import dev.unmask.provenance.watermark.UnmaskWatermark;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class GanSampleCommandTest {
    static final String IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    static final String TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    @Test
    void pngSamplesCarryXmpAndTheCommandSaysHowToAddC2pa() throws Exception {
        Path out = TinyRun.scratch("sample-png");
        Cli r = Cli.run("gan", "sample", "--model", TinyRun.run(), "--count", 3, "--out", out, "--seed", 5, "--no-progress");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Wrote 3 PNG images to " + out), r.toString());
        assertTrue(r.out().contains("C2PA: no manifest added (no signing credentials given). To add a signed one, pass "
                + "--sign-cert CHAIN.pem --sign-key KEY.pem"), r.toString());
        assertTrue(r.out().contains("watermark: not added: watermark skipped: image smaller than 128 px (32x32); it needs "
                + ">= 128 px: add --scale 4"), r.toString());
        for (int i = 0; i < 3; i++) {
            Path f = out.resolve("sample-0000" + i + ".png");
            assertEquals(32, ImageIO.read(f.toFile()).getWidth());
            assertXmpDeclaresTrainedAlgorithmicMedia(f);
        }
        assertEquals(3, Files.list(out).count());
    }

    @Test
    void signedEnlargedJpegsCarryXmpWatermarkAndAValidC2paManifest() throws Exception {
        TestCredentials tc = TestCredentials.generate(SigningAlgorithm.ES256);
        Path keys = TinyRun.scratch("keys-sample");
        tc.writePem(keys);
        Path out = TinyRun.scratch("sample-jpeg");
        Cli r = Cli.run("gan", "sample", "--model", TinyRun.run(), "--count", 2, "--out", out, "--format", "jpeg",
                "--quality", 92, "--scale", 4, "--sign-cert", keys.resolve(TestCredentials.CHAIN_FILE),
                "--sign-key", keys.resolve(TestCredentials.KEY_FILE), "--no-progress");
        assertEquals(0, r.exit(), r.toString());
        Path ck = TrainedGan.checkpointDir(TinyRun.run());
        long runId = GanSampler.runId(GanCheckpoint.config(ck), TrainedGan.step(ck));
        assertTrue(r.out().contains("Wrote 2 JPEG (quality 92) images") && r.out().contains("C2PA: signed manifest")
                && r.out().contains(String.format("payload run id %012x", runId)), r.toString());
        TrustSettings trust = TrustSettings.builder().anchors(List.of(tc.caCertificate())).build();
        for (int i = 0; i < 2; i++) {
            Path f = out.resolve("sample-0000" + i + ".jpg");
            byte[] bytes = Files.readAllBytes(f);
            assertEquals(0xD8, bytes[1] & 0xFF, "a JPEG");
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            assertEquals(128, img.getWidth());
            assertXmpDeclaresTrainedAlgorithmicMedia(f);
            assertScanSeesTheDeclaration(f);
            UnmaskDetection d = UnmaskWatermark.detect(img, UnmaskWatermark.DEFAULT_KEY);
            assertTrue(d.detected(), d.toString());
            assertEquals(runId, d.runId());
            ManifestStoreResult m = C2paReader.read(bytes, MediaType.JPEG, new CoseClaimVerifier(trust, Clock.systemUTC()),
                    C2paLimits.defaults());
            assertEquals(StoreState.VALID, m.state(), m.failureCodes().toString());
            assertTrue(m.active().signature().trusted());
            ActionInfo a = m.active().claim().actions().get(0);
            assertEquals(Action.CREATED, a.action());
            assertEquals(Action.SOURCE_TRAINED_ALGORITHMIC, a.digitalSourceType());
        }
    }

    @Test
    void badArgumentsAreUsageErrorsWithSpecificMessages() {
        Path run = TinyRun.run();
        Path out = TinyRun.scratch("sample-bad");
        expectUsage(Cli.run("gan", "sample", "--model", run, "--out", out, "--quality", 80), "--quality applies to --format jpeg only");
        expectUsage(Cli.run("gan", "sample", "--model", run, "--out", out, "--sign-cert", out.resolve("c.pem")),
                "C2PA signing needs both --sign-cert and --sign-key");
        expectUsage(Cli.run("gan", "sample", "--model", out, "--out", out), "is not a GAN run");
        expectUsage(Cli.run("gan", "sample", "--model", run, "--out", out, "--format", "gif"), "format must be png or jpeg");
        expectUsage(Cli.run("gan", "sample", "--model", run, "--out", out, "--count", 0), "--count must be in 1..");
        expectUsage(Cli.run("gan", "sample", "--model", run, "--out", out, "--truncation", 0.01), "truncation must be 0 (off)");
    }

    static void expectUsage(Cli r, String message) {
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(message), "expected '" + message + "' in\n" + r);
    }

    /** Unmask's own metadata analyzer (what 'unmask scan' runs) calls the file synthetic from its declaration. */
    static void assertScanSeesTheDeclaration(Path f) throws Exception {
        MetadataAnalyzer analyzer = new MetadataAnalyzer();
        analyzer.init(AnalyzerOptions.defaults(analyzer.info().id()));
        AnalyzerResult ar = analyzer.analyze(TestData.media(f.getFileName().toString(), Files.readAllBytes(f)));
        Finding st = ar.findings().stream().filter(x -> x.code().equals("metadata.source-type")).findFirst()
                .orElseThrow(() -> new AssertionError("no source-type finding for " + f + ": " + ar.findings()));
        assertEquals(Evidence.SYNTHETIC, st.evidence(), st.toString());
        assertTrue(st.score() >= 0.8, st.toString());
    }

    static void assertXmpDeclaresTrainedAlgorithmicMedia(Path f) throws Exception {
        XmpDirectory xmp = ImageMetadataReader.readMetadata(f.toFile()).getFirstDirectoryOfType(XmpDirectory.class);
        assertTrue(xmp != null, "no XMP read back from " + f);
        XMPMeta meta = xmp.getXMPMeta();
        assertEquals(TRAINED, meta.getPropertyString(IPTC_EXT, "DigitalSourceType"), f.toString());
        assertTrue(meta.getPropertyString("http://ns.adobe.com/xap/1.0/", "CreatorTool").startsWith("Unmask "), f.toString());
        assertTrue(meta.getPropertyString("http://ns.adobe.com/tiff/1.0/", "Software").startsWith("Unmask "), f.toString());
    }
}
