package dev.unmask.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.analyzers.metadata.MetadataAnalyzer;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.MediaType;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GanSamplerTest {
    @TempDir
    static Path tmp;
    static Path checkpoint;

    @BeforeAll
    static void trainTwoSteps() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("shapes"));
        Shapes.write(dir, 32, 48, 42L);
        ImageFolderData data = ImageFolderData.load(dir, 32);
        checkpoint = tmp.resolve("ck");
        try (GanTrainer t = new GanTrainer(GanTrainerTest.tiny(2), data)) {
            t.step();
            t.step();
            GanCheckpoint.save(t, checkpoint);
        }
    }

    @Test
    void writesDecodablePngsWithXmpThatTheMetadataAnalyzerFlags() throws Exception {
        Path out = tmp.resolve("plain");
        SampleResult r = GanSampler.sample(checkpoint, 4, out, 11L, 0, SampleLabels.unsigned());
        assertEquals(2, r.checkpointStep());
        assertEquals(GanSampler.runId(GanCheckpoint.config(checkpoint), 2), r.runId());
        assertEquals(4, r.files().size());
        MetadataAnalyzer analyzer = new MetadataAnalyzer();
        analyzer.init(AnalyzerOptions.defaults(analyzer.info().id()));
        for (int i = 0; i < 4; i++) {
            SampleResult.SampledFile f = r.files().get(i);
            assertEquals(out.resolve(String.format("sample-%05d.png", i)), f.file());
            assertTrue(f.xmp());
            assertFalse(f.watermarked(), "32 px is below the watermark's minimum");
            assertFalse(f.signed());
            assertEquals(List.of("watermark skipped: image smaller than 128 px (32x32)", "not signed: no credentials"),
                    f.notes());
            byte[] bytes = Files.readAllBytes(f.file());
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            assertEquals(32, img.getWidth());
            assertEquals(32, img.getHeight());
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertTrue(text.indexOf("iTXtXML:com.adobe.xmp") > 0 && text.indexOf("iTXt") < text.indexOf("IDAT"),
                    "XMP iTXt chunk before the image data");
            AnalyzerResult ar = analyzer.analyze(TestData.media(f.file().getFileName().toString(), bytes));
            Finding st = ar.findings().stream().filter(x -> x.code().equals("metadata.source-type")).findFirst()
                    .orElseThrow(() -> new AssertionError("no source-type finding: " + ar.findings()));
            assertEquals(Evidence.SYNTHETIC, st.evidence(), st.toString());
            assertTrue(st.score() >= 0.8, st.toString());
            String utf8 = new String(bytes, StandardCharsets.UTF_8);
            String software = "\"Unmask " + dev.unmask.core.Version.get() + "\"";
            assertTrue(utf8.contains("xmp:CreatorTool=" + software) && utf8.contains("tiff:Software=" + software),
                    "CreatorTool and Software name Unmask and its version");
        }
        assertEquals(C2paReader.read(Files.readAllBytes(r.files().get(0).file()), MediaType.PNG,
                new CoseClaimVerifier(TrustSettings.none(), Clock.systemUTC()), C2paLimits.defaults()).state(),
                StoreState.NO_MANIFEST);
    }

    @Test
    void signedFilesCarryAValidC2paManifestAndTheSameSeedGivesTheSamePixels() throws Exception {
        TestCredentials tc = TestCredentials.generate(SigningAlgorithm.ES256);
        SampleResult signed = GanSampler.sample(checkpoint, 4, tmp.resolve("signed"), 5L, 0,
                SampleLabels.signed(tc.credentials(), tc.algorithm()));
        SampleResult plain = GanSampler.sample(checkpoint, 4, tmp.resolve("plain5"), 5L, 0, SampleLabels.unsigned());
        SampleResult other = GanSampler.sample(checkpoint, 4, tmp.resolve("other"), 6L, 0, SampleLabels.unsigned());
        TrustSettings trust = TrustSettings.builder().anchors(List.of(tc.caCertificate())).build();
        for (int i = 0; i < 4; i++) {
            SampleResult.SampledFile f = signed.files().get(i);
            assertTrue(f.signed() && f.xmp() && !f.watermarked());
            assertEquals(List.of("watermark skipped: image smaller than 128 px (32x32)"), f.notes());
            byte[] bytes = Files.readAllBytes(f.file());
            ManifestStoreResult m = C2paReader.read(bytes, MediaType.PNG,
                    new CoseClaimVerifier(trust, Clock.systemUTC()), C2paLimits.defaults());
            assertEquals(StoreState.VALID, m.state(), m.failureCodes().toString());
            assertTrue(m.active().signature().trusted());
            assertEquals("Unmask", m.active().claim().generator().split(" ")[0].split("/")[0]);
            ActionInfo a = m.active().claim().actions().get(0);
            assertEquals(Action.CREATED, a.action());
            assertEquals(Action.SOURCE_TRAINED_ALGORITHMIC, a.digitalSourceType());
            int[] ps = pixels(f.file());
            assertArrayEquals(pixels(plain.files().get(i).file()), ps, "signing leaves the pixels alone");
            assertFalse(java.util.Arrays.equals(pixels(other.files().get(i).file()), ps), "another seed differs");
        }
    }

    @Test
    void truncationResamplesOutliersAndIsValidated() {
        float[] z = GanSampler.latents(new Random(3), 10_000, 0.5);
        for (float v : z) {
            assertTrue(Math.abs(v) <= 0.5f, "component " + v);
        }
        float[] free = GanSampler.latents(new Random(3), 10_000, 0);
        float max = 0;
        for (float v : free) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max > 3, "untruncated draws reach the tails");
        assertThrows(IllegalArgumentException.class,
                () -> GanSampler.sample(checkpoint, 1, tmp.resolve("bad"), 1L, 0.01, SampleLabels.unsigned()));
        assertThrows(IllegalArgumentException.class,
                () -> GanSampler.sample(checkpoint, 0, tmp.resolve("bad"), 1L, 0, SampleLabels.unsigned()));
    }

    @Test
    void largeEnoughImagesGetTheWatermarkBeforeXmp() throws Exception {
        BufferedImage img = new BufferedImage(160, 160, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(9);
        for (int y = 0; y < 160; y++) {
            for (int x = 0; x < 160; x++) {
                int v = 60 + (x + y) / 3 + r.nextInt(40);
                img.setRGB(x, y, (v << 16) | ((255 - v) << 8) | (v / 2));
            }
        }
        long runId = GanSampler.runId(GanCheckpoint.config(checkpoint), 2);
        Path file = Files.createDirectories(tmp.resolve("wm")).resolve("big.png");
        SampleResult.SampledFile f = new SampleLabeller(SampleLabels.unsigned(), runId).write(img, file);
        assertTrue(f.watermarked() && f.xmp() && !f.signed());
        assertEquals(List.of("not signed: no credentials"), f.notes());
        UnmaskDetection d = UnmaskWatermark.detect(ImageIO.read(file.toFile()), UnmaskWatermark.DEFAULT_KEY);
        assertTrue(d.detected(), d.toString());
        assertEquals(runId, d.runId());
        assertNotEquals(runId, GanSampler.runId(GanCheckpoint.config(checkpoint), 3));
    }

    @Test
    void samplesAt64PixelsAndTheXmpChunkHasAValidCrc() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("shapes64"));
        Shapes.write(dir, 16, 64, 43L);
        Path ck = tmp.resolve("ck64");
        try (GanTrainer t = new GanTrainer(GanTrainerTest.tiny(2).withSize(64).withShape(8, 2, 8),
                ImageFolderData.load(dir, 64))) {
            t.step();
            t.step();
            GanCheckpoint.save(t, ck);
        }
        SampleResult r = GanSampler.sample(ck, 2, tmp.resolve("out64"), 1L, 1.5, SampleLabels.unsigned());
        for (SampleResult.SampledFile f : r.files()) {
            assertEquals(64, ImageIO.read(f.file().toFile()).getWidth());
            assertEquals("watermark skipped: image smaller than 128 px (64x64)", f.notes().get(0));
            byte[] b = Files.readAllBytes(f.file());
            int at = 8 + 25;
            int len = ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            assertEquals("iTXt", new String(b, at + 4, 4, StandardCharsets.US_ASCII), "XMP chunk right after IHDR");
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(b, at + 4, len + 4);
            int stored = ((b[at + 8 + len] & 0xFF) << 24) | ((b[at + 9 + len] & 0xFF) << 16)
                    | ((b[at + 10 + len] & 0xFF) << 8) | (b[at + 11 + len] & 0xFF);
            assertEquals((int) crc.getValue(), stored);
        }
        assertNotEquals(r.runId(), GanSampler.runId(GanCheckpoint.config(checkpoint), 2), "run id follows the config");
    }

    private static int[] pixels(Path f) throws IOException {
        BufferedImage img = ImageIO.read(f.toFile());
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
