package dev.unmask.analyzers.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.MediaType;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.testkit.AnalyzerContractTest;
import dev.unmask.testkit.Findings;
import dev.unmask.testkit.Golden;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JpegAnalyzerTest extends AnalyzerContractTest {
    @Override
    protected Analyzer newAnalyzer() {
        return new JpegAnalyzer();
    }

    @Override
    protected String supportedFixture() {
        return "camera-jpeg/sample1.jpg";
    }

    @Override
    protected boolean supportsPng() {
        return false;
    }

    private static BufferedImage photo(String name) throws Exception {
        return Codecs.decodeTrusted(Files.readAllBytes(TestData.file("photos/" + name + ".png")));
    }

    private AnalyzerResult run(String name, byte[] jpeg) throws Exception {
        try (Analyzer a = initialised()) {
            AnalyzerResult r = a.analyze(TestData.media(name, jpeg));
            checkWellFormed(a, r);
            return r;
        }
    }

    private static double num(Finding f, String key) {
        return ((Number) f.values().get(key)).doubleValue();
    }

    @Test
    void qualityEstimateEqualsTheEncoderQuality() throws Exception {
        BufferedImage src = photo("coffee");
        for (int q : new int[] {50, 75, 90}) {
            Finding f = Findings.find(run("coffee-" + q + ".jpg", Codecs.jpeg(src, q)), "jpeg.quality");
            assertNotNull(f);
            assertEquals(q, num(f, "lumaQuality"), 1.0, "luma quality at q=" + q);
            assertEquals(q, num(f, "chromaQuality"), 1.0, "chroma quality at q=" + q);
            assertEquals(Boolean.TRUE, f.values().get("standard"), "JDK tables are IJG-scaled at q=" + q);
            assertEquals(64, ((double[]) f.values().get("lumaTable")).length);
        }
    }

    @Test
    void standardFlagSeparatesLibjpegFromCustomTables() throws Exception {
        // the camera fixtures were re-saved by paint.net with libjpeg-style tables (checked: exact IJG q60)
        for (int i = 1; i <= 6; i++) {
            Finding f = Findings.find(run("s.jpg", Files.readAllBytes(TestData.file("camera-jpeg/sample" + i + ".jpg"))),
                    "jpeg.quality");
            assertEquals(Boolean.TRUE, f.values().get("standard"), "sample" + i);
            assertEquals(60.0, num(f, "lumaQuality"), "sample" + i);
        }
        // rocket.jpg carries its own tables, close to IJG 96 but not equal
        Finding f = Findings.find(run("r.jpg", Files.readAllBytes(TestData.file("photos/rocket.jpg"))), "jpeg.quality");
        assertEquals(Boolean.FALSE, f.values().get("standard"));
        assertTrue(num(f, "lumaMeanDeviation") > 0);
    }

    @Test
    void singleCompressionScoresLowAndDoubleCompressionHigh() throws Exception {
        BufferedImage src = photo("astronaut");
        AnalyzerResult once = run("once.jpg", Codecs.jpeg(src, 90));
        Finding single = Findings.find(once, "jpeg.double-compression");
        assertEquals(Evidence.INFO, single.evidence());
        assertTrue(num(single, "gain") < 0.05, "single compression gain " + num(single, "gain"));
        assertNull(Findings.find(once, "jpeg.splice"));

        byte[] twice = Codecs.jpeg(Codecs.decodeTrusted(Codecs.jpeg(src, 60)), 90);
        Finding dbl = Findings.find(run("twice.jpg", twice), "jpeg.double-compression");
        assertEquals(Evidence.MANIPULATED, dbl.evidence());
        assertTrue(num(dbl, "gain") > 10 * num(single, "gain") && num(dbl, "gain") > 0.3, "gain " + num(dbl, "gain"));
        assertTrue(dbl.score() > 0.2 && dbl.score() <= 0.5, "moderate score " + dbl.score());
        assertEquals(60, num(dbl, "primaryQuality"), 2, "primary quality");
        assertEquals(1, dbl.artifacts().size());
    }

    @Test
    void cameraFixturesGiveNoStrongEvidence() throws Exception {
        for (int i = 1; i <= 6; i++) {
            AnalyzerResult r = run("c.jpg", Files.readAllBytes(TestData.file("camera-jpeg/sample" + i + ".jpg")));
            for (Finding f : r.findings()) {
                assertTrue(f.evidence() == Evidence.INFO || f.score() < 0.5, "sample" + i + ": " + f);
            }
            assertEquals(Evidence.INFO, Findings.find(r, "jpeg.double-compression").evidence(), "sample" + i);
        }
    }

    @Test
    void splicedRegionIsLocalised() throws Exception {
        BufferedImage back = Codecs.decodeTrusted(Codecs.jpeg(photo("coffee"), 60));
        BufferedImage patch = photo("astronaut");
        int px = 203;
        int py = 117;
        int pw = 160;
        int ph = 144;
        for (int y = 0; y < ph; y++) {
            for (int x = 0; x < pw; x++) {
                back.setRGB(px + x, py + y, patch.getRGB(150 + x, 60 + y));
            }
        }
        AnalyzerResult r = run("splice.jpg", Codecs.jpeg(back, 90));
        assertEquals(Evidence.MANIPULATED, Findings.find(r, "jpeg.double-compression").evidence());
        Finding s = Findings.find(r, "jpeg.splice");
        assertNotNull(s, "splice expected: " + r.summary());
        assertTrue(s.score() >= 0.5 && s.score() <= 0.7, "score " + s.score());
        double iou = iou(num(s, "x"), num(s, "y"), num(s, "width"), num(s, "height"), px, py, pw, ph);
        assertTrue(iou > 0.6, "bbox overlap " + iou + " for " + s.values());
    }

    private static double iou(double x, double y, double w, double h, double x2, double y2, double w2, double h2) {
        double ix = Math.max(0, Math.min(x + w, x2 + w2) - Math.max(x, x2));
        double iy = Math.max(0, Math.min(y + h, y2 + h2) - Math.max(y, y2));
        double inter = ix * iy;
        return inter / (w * h + w2 * h2 - inter);
    }

    @Test
    void malformedSegmentsDoNotThrow() throws Exception {
        byte[][] crafted = {
            {(byte) 0xFF, (byte) 0xD8},
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB, (byte) 0xFF, (byte) 0xFF, 0, 1, 2},
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB, 0, 0},
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 8, 8, 0, 16, 0, 16, (byte) 200},
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC4, 0, 19, 0x10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2, (byte) 0xFF, 0, (byte) 0xFF},
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9, 1, 2, 3},
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xFE, 0, 1},
        };
        for (byte[] b : crafted) {
            JpegStructure s = JpegParser.parse(b);
            assertNotNull(s);
            assertDoesNotThrowOnMedia(b);
        }
        assertFalse(JpegParser.parse(crafted[1]).problems().isEmpty(), "an over-long DQT is reported");
        assertEquals(3, JpegParser.parse(crafted[6]).trailingBytes());
        // random corruption of a real file's header region, fixed seed
        byte[] good = Files.readAllBytes(TestData.file("camera-jpeg/sample1.jpg"));
        Random rnd = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] b = good.clone();
            for (int j = 0; j < 8; j++) {
                b[2 + rnd.nextInt(Math.min(b.length - 2, 2000))] = (byte) rnd.nextInt(256);
            }
            if (i % 4 == 0) {
                b = java.util.Arrays.copyOf(b, 2 + rnd.nextInt(3000));
            }
            JpegParser.parse(b);
            if (i % 20 == 0) {
                assertDoesNotThrowOnMedia(b);
            }
        }
    }

    private void assertDoesNotThrowOnMedia(byte[] b) throws Exception {
        try (Analyzer a = initialised()) {
            var media = TestData.media("crafted.jpg", b);
            if (a.supports(media.type())) {
                checkWellFormed(a, a.analyze(media));
            }
        }
    }

    @Test
    void trailingDataIsReported() throws Exception {
        byte[] jpg = Codecs.jpeg(photo("chelsea"), 80);
        byte[] withTail = java.util.Arrays.copyOf(jpg, jpg.length + 1234);
        Finding f = Findings.find(run("tail.jpg", withTail), "jpeg.trailing-data");
        assertNotNull(f);
        assertEquals(1234L, ((Number) f.values().get("bytes")).longValue());
        assertNull(Findings.find(run("notail.jpg", jpg), "jpeg.trailing-data"));
    }

    @Test
    void otherFormatsAreNotSupported() throws Exception {
        assertFalse(newAnalyzer().supports(MediaType.PNG));
        try (Analyzer a = initialised()) {
            var media = TestData.media("photos/coffee.png");
            assertEquals(AnalyzerResult.Status.NOT_APPLICABLE, a.analyze(media).status());
        }
    }

    @Test
    void goldenFindings() throws Exception {
        for (String fixture : new String[] {"camera-jpeg/sample1.jpg", "photos/rocket.jpg"}) {
            try (Analyzer a = initialised()) {
                AnalyzerResult r = a.analyze(TestData.media(fixture));
                Golden.assertMatches("jpeg/" + fixture.replace('/', '_') + ".txt", Golden.describe(r));
            }
        }
    }

}
