package dev.unmask.analyzers.ela;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElaAnalyzerTest extends AnalyzerContractTest {
    /** Pasted rectangle, deliberately off the 8x8 grid as a real paste usually is. */
    static final int PX = 1203;
    static final int PY = 405;
    static final int PW = 300;
    static final int PH = 260;

    @Override
    protected Analyzer newAnalyzer() {
        return new ElaAnalyzer();
    }

    @Override
    protected String supportedFixture() {
        return "camera-jpeg/sample1.jpg";
    }

    @Override
    protected boolean supportsPng() {
        return false;
    }

    @Test
    void realPhotosStayLow() throws Exception {
        Analyzer a = initialised();
        List<String> fixtures = List.of("camera-jpeg/sample1.jpg", "camera-jpeg/sample2.jpg", "camera-jpeg/sample3.jpg",
                "camera-jpeg/sample4.jpg", "camera-jpeg/sample5.jpg", "camera-jpeg/sample6.jpg", "photos/rocket.jpg",
                "photos/hubble_deep_field.jpg");
        for (String f : fixtures) {
            AnalyzerResult r = a.analyze(TestData.media(f));
            assertEquals(AnalyzerResult.Status.OK, r.status(), f);
            assertTrue(Findings.maxScore(r, Evidence.MANIPULATED) < 0.3, f + " scored " + Findings.maxScore(r, Evidence.MANIPULATED) + ": " + r.summary());
        }
    }

    @Test
    void losslessImagesAreNotApplicable() throws Exception {
        Analyzer a = initialised();
        var png = TestData.media("photos/camera.png");
        assertFalse(a.supports(png.type()));
        AnalyzerResult r = a.analyze(png);
        assertEquals(AnalyzerResult.Status.NOT_APPLICABLE, r.status());
        assertTrue(r.summary().contains("JPEG"), r.summary());
    }

    @Test
    void localisesASpliceFromALowerQualitySource() throws Exception {
        BufferedImage base = TestData.media("camera-jpeg/sample1.jpg").image();
        BufferedImage donor = Codecs.decodeTrusted(Codecs.jpeg(TestData.media("photos/chelsea.png").image(), 60));
        BufferedImage comp = copy(base);
        for (int y = 0; y < PH; y++) {
            for (int x = 0; x < PW; x++) {
                comp.setRGB(PX + x, PY + y, donor.getRGB(60 + x, 20 + y));
            }
        }
        Analyzer a = initialised();
        AnalyzerResult spliced = a.analyze(TestData.media("spliced.jpg", Codecs.jpeg(comp, 95)));
        AnalyzerResult clean = a.analyze(TestData.media("clean.jpg", Codecs.jpeg(base, 95)));

        Finding region = Findings.find(spliced, "ela.high-error-region");
        assertNotNull(region, spliced.summary());
        @SuppressWarnings("unchecked")
        List<Integer> box = (List<Integer>) region.values().get("box");
        double iou = Findings.iou(box, PX, PY, PW, PH);
        assertTrue(iou > 0.7, "region " + box + " should cover the pasted rectangle, IoU " + iou);
        assertTrue(region.score() >= 0.3 && region.score() <= ElaSettings.DEFAULTS.scoreCap(), "score " + region.score());
        assertTrue(region.score() > Findings.maxScore(clean, Evidence.MANIPULATED) + 0.25, spliced.summary() + " vs " + clean.summary());
        assertNull(Findings.find(clean, "ela.high-error-region"), clean.summary());
    }

    @Test
    void optionsAreValidated() {
        Analyzer a = newAnalyzer();
        assertThrows(IllegalArgumentException.class, () -> a.init(new AnalyzerOptions("ela", Map.of("quality", "101"))));
        assertThrows(IllegalArgumentException.class, () -> a.init(new AnalyzerOptions("ela", Map.of("min-ratio", "3"))));
        a.init(new AnalyzerOptions("ela", Map.of("quality", "85")));
    }

    @Test
    void goldenFindings() throws Exception {
        Analyzer a = initialised();
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("camera-jpeg/sample1.jpg", "photos/rocket.jpg")) {
            sb.append("# ").append(f).append('\n').append(Golden.describe(a.analyze(TestData.media(f))));
        }
        Golden.assertMatches("ela.txt", sb.toString());
    }

    static BufferedImage copy(BufferedImage img) {
        BufferedImage c = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        c.getGraphics().drawImage(img, 0, 0, null);
        return c;
    }

}
