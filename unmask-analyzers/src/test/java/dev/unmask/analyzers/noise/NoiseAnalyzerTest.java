package dev.unmask.analyzers.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.testkit.AnalyzerContractTest;
import dev.unmask.testkit.Findings;
import dev.unmask.testkit.Golden;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NoiseAnalyzerTest extends AnalyzerContractTest {
    static final int PX = 1100;
    static final int PY = 300;
    static final int PW = 320;
    static final int PH = 280;

    @Override
    protected Analyzer newAnalyzer() {
        return new NoiseAnalyzer();
    }

    @Override
    protected String supportedFixture() {
        return "camera-jpeg/sample2.jpg";
    }

    @Test
    void realPhotosStayLow() throws Exception {
        Analyzer a = initialised();
        List<String> fixtures = List.of("camera-jpeg/sample1.jpg", "camera-jpeg/sample2.jpg", "camera-jpeg/sample3.jpg",
                "camera-jpeg/sample4.jpg", "camera-jpeg/sample5.jpg", "camera-jpeg/sample6.jpg", "photos/rocket.jpg",
                "photos/hubble_deep_field.jpg", "photos/astronaut.png", "photos/camera.png", "photos/chelsea.png",
                "photos/coffee.png");
        for (String f : fixtures) {
            AnalyzerResult r = a.analyze(TestData.media(f));
            assertEquals(AnalyzerResult.Status.OK, r.status(), f);
            assertTrue(Findings.maxScore(r, Evidence.MANIPULATED) < 0.3, f + " scored " + Findings.maxScore(r, Evidence.MANIPULATED) + ": " + r.summary());
        }
    }

    @Test
    void localisesANoisySplice() throws Exception {
        BufferedImage base = TestData.media("camera-jpeg/sample2.jpg").image();
        BufferedImage comp = copy(base);
        Random rnd = new Random(42);
        for (int y = 0; y < PH; y++) {
            for (int x = 0; x < PW; x++) {
                // a patch of the same photo with Gaussian noise of sigma 8, as from a noisier camera
                int v = base.getRGB(200 + x, 700 + y);
                int e = (int) Math.round(rnd.nextGaussian() * 8);
                comp.setRGB(PX + x, PY + y, (clamp(((v >> 16) & 0xff) + e) << 16) | (clamp(((v >> 8) & 0xff) + e) << 8)
                        | clamp((v & 0xff) + e));
            }
        }
        Analyzer a = initialised();
        AnalyzerResult clean = a.analyze(TestData.media("clean.jpg", Codecs.jpeg(base, 95)));
        for (String kind : List.of("png", "jpg")) {
            byte[] bytes = kind.equals("png") ? Codecs.png(comp) : Codecs.jpeg(comp, 95);
            AnalyzerResult spliced = a.analyze(TestData.media("spliced." + kind, bytes));
        Finding region = Findings.find(spliced, "noise.inconsistent-region");
            assertNotNull(region, spliced.summary());
            assertEquals("noisier", region.values().get("direction"));
            @SuppressWarnings("unchecked")
            List<Integer> box = (List<Integer>) region.values().get("box");
            double iou = Findings.iou(box, PX, PY, PW, PH);
            assertTrue(iou > 0.6, kind + ": region " + box + " should cover the noisy rectangle, IoU " + iou);
            assertTrue(region.score() >= 0.4 && region.score() <= NoiseSettings.DEFAULTS.scoreCap(), kind + " " + region.score());
            assertTrue(region.score() > Findings.maxScore(clean, Evidence.MANIPULATED) + 0.3, spliced.summary() + " vs " + clean.summary());
        }
    }

    @Test
    void localisesACleanPatchInANoisyPhoto() throws Exception {
        BufferedImage base = TestData.media("camera-jpeg/sample2.jpg").image();
        BufferedImage noisy = copy(base);
        Random rnd = new Random(7);
        for (int y = 0; y < noisy.getHeight(); y++) {
            for (int x = 0; x < noisy.getWidth(); x++) {
                int v = base.getRGB(x, y);
                int e = (int) Math.round(rnd.nextGaussian() * 5);
                noisy.setRGB(x, y, (clamp(((v >> 16) & 0xff) + e) << 16) | (clamp(((v >> 8) & 0xff) + e) << 8)
                        | clamp((v & 0xff) + e));
            }
        }
        BufferedImage comp = copy(noisy);
        for (int y = PY; y < PY + PH; y++) {
            for (int x = PX; x < PX + PW; x++) {
                comp.setRGB(x, y, base.getRGB(x, y)); // the noise-free original: as if denoised locally
            }
        }
        Analyzer a = initialised();
        AnalyzerResult uniform = a.analyze(TestData.media("noisy.png", Codecs.png(noisy)));
        AnalyzerResult spliced = a.analyze(TestData.media("patched.png", Codecs.png(comp)));
        Finding region = Findings.find(spliced, "noise.inconsistent-region");
        assertNotNull(region, spliced.summary());
        assertEquals("cleaner", region.values().get("direction"));
        @SuppressWarnings("unchecked")
        List<Integer> box = (List<Integer>) region.values().get("box");
        assertTrue(Findings.iou(box, PX, PY, PW, PH) > 0.6, "region " + box);
        assertTrue(region.score() > Findings.maxScore(uniform, Evidence.MANIPULATED) + 0.3, spliced.summary() + " vs " + uniform.summary());
    }

    @Test
    void optionsAreValidated() {
        Analyzer a = newAnalyzer();
        assertThrows(IllegalArgumentException.class, () -> a.init(new AnalyzerOptions("noise", Map.of("block-size", "33"))));
        assertThrows(IllegalArgumentException.class, () -> a.init(new AnalyzerOptions("noise", Map.of("score-cap", "2"))));
        a.init(new AnalyzerOptions("noise", Map.of("block-size", "64")));
    }

    @Test
    void goldenFindings() throws Exception {
        Analyzer a = initialised();
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("camera-jpeg/sample2.jpg", "photos/astronaut.png")) {
            sb.append("# ").append(f).append('\n').append(Golden.describe(a.analyze(TestData.media(f))));
        }
        Golden.assertMatches("noise.txt", sb.toString());
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static BufferedImage copy(BufferedImage img) {
        BufferedImage c = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        c.getGraphics().drawImage(img, 0, 0, null);
        return c;
    }
}
