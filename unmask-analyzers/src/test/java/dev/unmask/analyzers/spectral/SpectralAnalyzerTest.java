package dev.unmask.analyzers.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.Media;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.testkit.AnalyzerContractTest;
import dev.unmask.testkit.Golden;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SpectralAnalyzerTest extends AnalyzerContractTest {
    private static final String[] REAL = {"photos/chelsea.png", "photos/astronaut.png", "photos/camera.png",
        "photos/coffee.png", "photos/rocket.jpg", "photos/hubble_deep_field.jpg", "camera-jpeg/sample1.jpg",
        "camera-jpeg/sample2.jpg", "camera-jpeg/sample3.jpg", "camera-jpeg/sample4.jpg", "camera-jpeg/sample5.jpg",
        "camera-jpeg/sample6.jpg"};

    @Override
    protected Analyzer newAnalyzer() {
        return new SpectralAnalyzer();
    }

    @Override
    protected String supportedFixture() {
        return "photos/chelsea.png";
    }

    private AnalyzerResult run(Media m) throws Exception {
        try (Analyzer a = initialised()) {
            AnalyzerResult r = a.analyze(m);
            checkWellFormed(a, r);
            return r;
        }
    }

    private AnalyzerResult run(String name, BufferedImage img) throws Exception {
        return run(TestData.media(name, name.endsWith(".jpg") ? Codecs.jpeg(img, 90) : Codecs.png(img)));
    }

    private static double syntheticScore(AnalyzerResult r) {
        return r.findings().stream().filter(f -> f.evidence() == Evidence.SYNTHETIC)
                .mapToDouble(Finding::score).max().orElse(0);
    }

    private static Finding find(AnalyzerResult r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> strongestPeak(AnalyzerResult r) {
        Finding f = find(r, "spectral.periodic-peaks");
        assertNotNull(f, "expected periodic peaks: " + r.summary());
        return ((List<Map<String, Object>>) f.values().get("peaks")).get(0);
    }

    @Test
    void realPhotosScoreLow() throws Exception {
        for (String f : REAL) {
            AnalyzerResult r = run(TestData.media(f));
            assertEquals(AnalyzerResult.Status.OK, r.status(), f);
            assertTrue(syntheticScore(r) < 0.3, f + " scored " + syntheticScore(r) + ": " + r.summary());
        }
    }

    @Test
    void generatorLikeUpSamplingScoresHighWithPeaksAtNyquist() throws Exception {
        Map<String, UnaryOperator<BufferedImage>> ups = Map.of(
                "nearest", SpectralImages::nearest2x,
                "transposed-conv", SpectralImages::transposedConv2x,
                "bilinear", SpectralImages::bilinear2x);
        for (String fixture : new String[] {"photos/astronaut.png", "camera-jpeg/sample1.jpg"}) {
            BufferedImage src = TestData.media(fixture).image();
            double real = syntheticScore(run(TestData.media(fixture)));
            BufferedImage half = SpectralImages.halve(centre(src, 1024, 768));
            for (var e : ups.entrySet()) {
                AnalyzerResult r = run("up-" + e.getKey() + ".png", e.getValue().apply(half));
                double s = syntheticScore(r);
                assertTrue(s >= 0.45 && s >= real + 0.3, fixture + " " + e.getKey() + " scored " + s + " vs " + real);
                Map<String, Object> p = strongestPeak(r);
                double fx = Math.abs((Double) p.get("fx"));
                double fy = Math.abs((Double) p.get("fy"));
                // 0.5 cycles/pixel = 1.0 of Nyquist, on an axis or the diagonal
                assertTrue(Math.max(fx, fy) > 0.98 && (fx < 0.02 || fy < 0.02 || Math.abs(fx - fy) < 0.02),
                        fixture + " " + e.getKey() + " peak at " + p);
            }
        }
    }

    @Test
    void transposedConvolutionPeakSurvivesJpegCompression() throws Exception {
        BufferedImage up = SpectralImages.transposedConv2x(SpectralImages.halve(TestData.media("photos/astronaut.png").image()));
        AnalyzerResult r = run("tconv.jpg", up);
        assertTrue(syntheticScore(r) >= 0.45, r.summary());
        Map<String, Object> p = strongestPeak(r);
        assertEquals(Boolean.TRUE, p.get("blockingCorrected"));
        assertEquals(Boolean.TRUE, find(r, "spectral.periodic-peaks").values().get("jpegGridDiscounted"));
    }

    @Test
    void jpegGridPeaksAreDiscountedAndReported() throws Exception {
        AnalyzerResult r = run(TestData.media("camera-jpeg/sample1.jpg"));
        Finding grid = find(r, "spectral.jpeg-grid-peaks");
        assertNotNull(grid, r.summary());
        assertEquals(0.0, grid.score());
        assertTrue(((Number) grid.values().get("peakCount")).intValue() >= 3);
        assertTrue(r.summary().contains("JPEG-grid"), r.summary());
        assertTrue(find(r, "spectral.periodic-peaks") == null, r.summary());
    }

    @Test
    void checkerboardGivesDiagonalNyquistPeak() throws Exception {
        AnalyzerResult r = run("checker.png", SpectralImages.checkerboard(320, 320, 3, 11));
        assertTrue(syntheticScore(r) >= 0.5, r.summary());
        Map<String, Object> p = strongestPeak(r);
        assertEquals(1.0, Math.abs((Double) p.get("fx")), 0.01);
        assertEquals(1.0, Math.abs((Double) p.get("fy")), 0.01);
        assertEquals("residual", p.get("spectrum"));
        AnalyzerResult noise = run("noise.png", SpectralImages.noise(320, 320, 11));
        assertEquals(0.0, syntheticScore(noise), noise.summary());
    }

    @Test
    void featureVectorHasFixedLengthAndIsFinite() throws Exception {
        for (BufferedImage img : new BufferedImage[] {SpectralImages.noise(64, 64, 1), SpectralImages.noise(64, 300, 2),
            SpectralImages.checkerboard(1000, 70, 2, 3), flat(64, 64)}) {
            AnalyzerResult r = run("f.png", img);
            assertEquals(AnalyzerResult.Status.OK, r.status(), r.summary());
            double[] v = r.features().get(SpectralAnalyzer.FEATURE);
            assertNotNull(v);
            assertEquals(SpectralSettings.RADIAL_BINS, v.length);
            for (double x : v) {
                assertTrue(Double.isFinite(x) && x >= SpectralSettings.FLOOR_DB);
            }
        }
        double[] white = run("w.png", SpectralImages.noise(512, 512, 5)).features().get(SpectralAnalyzer.FEATURE);
        // the high-pass of white noise rises towards Nyquist; relative to white power, the top bins are above 0 dB
        assertTrue(white[63] > 0 && white[63] > white[8], java.util.Arrays.toString(white));
    }

    @Test
    void imagesBelowTheMinimumSizeAreNotApplicable() throws Exception {
        for (int[] wh : new int[][] {{1, 1}, {17, 9}, {63, 500}}) {
            AnalyzerResult r = run("small.png", flat(wh[0], wh[1]));
            assertEquals(AnalyzerResult.Status.NOT_APPLICABLE, r.status());
            assertTrue(r.summary().contains("64"), r.summary());
            assertTrue(r.features().isEmpty());
        }
    }

    @Test
    void flatImageHasNoPeaks() throws Exception {
        AnalyzerResult r = run("flat.png", flat(300, 200));
        assertEquals(AnalyzerResult.Status.OK, r.status());
        assertEquals(0.0, syntheticScore(r));
        assertTrue(find(r, "spectral.profile").detail().contains("nearly flat"));
    }

    @Test
    void picturesAreRendered() throws Exception {
        AnalyzerResult r = run(TestData.media("photos/astronaut.png"));
        List<Artifact> arts = find(r, "spectral.profile").artifacts();
        assertEquals(List.of("spectral-residual-2d", "spectral-periodicity-2d", "spectral-azimuthal"),
                arts.stream().map(Artifact::name).toList());
        assertEquals(Artifact.Kind.PLOT, arts.get(2).kind());
        assertEquals(720, arts.get(2).width());
        assertEquals(512, arts.get(0).width());
        BufferedImage plot = Codecs.decodeTrusted(arts.get(2).data());
        assertEquals(0xffffff, plot.getRGB(2, 2) & 0xffffff);
        Analyzer quiet = new SpectralAnalyzer();
        quiet.init(new AnalyzerOptions("spectral", Map.of("artifacts", "false")));
        assertTrue(quiet.analyze(TestData.media("photos/astronaut.png")).findings().stream()
                .allMatch(f -> f.artifacts().isEmpty()));
    }

    @Test
    void largeImagesUseABoundedNumberOfNativeResolutionTiles() throws Exception {
        Finding prof = find(run("big.jpg", SpectralImages.noise(1100, 900, 9)), "spectral.profile");
        assertEquals(256, prof.values().get("tileSize"));
        assertEquals(16, prof.values().get("tiles"));
        Finding small = find(run(TestData.media("photos/chelsea.png")), "spectral.profile");
        assertEquals(128, small.values().get("tileSize"), "451x300 halves the tile to get enough tiles");
    }

    @Test
    void invalidOptionsAreRejected() {
        Analyzer a = new SpectralAnalyzer();
        assertThrows(IllegalArgumentException.class,
                () -> a.init(new AnalyzerOptions("spectral", Map.of("tileSize", "100"))));
        assertThrows(IllegalArgumentException.class,
                () -> a.init(new AnalyzerOptions("spectral", Map.of("minProminenceDb", "30", "strongProminenceDb", "20"))));
        assertThrows(IllegalArgumentException.class,
                () -> a.init(new AnalyzerOptions("spectral", Map.of("maxScore", "1.5"))));
    }

    @Test
    void goldenFindings() throws Exception {
        for (String f : new String[] {"photos/chelsea.png", "camera-jpeg/sample1.jpg"}) {
            AnalyzerResult r = run(TestData.media(f));
            Golden.assertMatches("spectral/" + f.replace('/', '_') + ".txt", normalise(r));
        }
        assertFalse(normalise(run(TestData.media("photos/chelsea.png"))).isBlank());
    }

    /** Codes, evidence, scores and values rounded so platform-level floating-point noise does not matter. */
    private static String normalise(AnalyzerResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("status ").append(r.status()).append('\n');
        for (Finding f : r.findings()) {
            sb.append(f.code()).append(' ').append(f.evidence()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", f.score())).append('\n');
            f.values().forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(fmt(v)).append('\n'));
            for (Artifact a : f.artifacts()) {
                sb.append("  artifact ").append(a.name()).append(' ').append(a.kind()).append(' ')
                        .append(a.width()).append('x').append(a.height()).append('\n');
            }
        }
        double[] v = r.features().get(SpectralAnalyzer.FEATURE);
        sb.append("feature ").append(SpectralAnalyzer.FEATURE).append(" length ").append(v.length).append('\n');
        for (int i = 0; i < v.length; i += 8) {
            sb.append(String.format(Locale.ROOT, "  bin %2d: %.0f dB%n", i, v[i]));
        }
        return sb.toString();
    }

    private static String fmt(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(SpectralAnalyzerTest::fmt).toList().toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=').append(fmt(x)));
            return sb.append('}').toString();
        }
        return String.valueOf(v);
    }

    private static BufferedImage centre(BufferedImage img, int w, int h) {
        int cw = Math.min(w, img.getWidth());
        int ch = Math.min(h, img.getHeight());
        return img.getSubimage((img.getWidth() - cw) / 2, (img.getHeight() - ch) / 2, cw, ch);
    }

    private static BufferedImage flat(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, 0x808080);
            }
        }
        return img;
    }
}
