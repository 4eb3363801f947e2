package dev.unmask.analyzers.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.MediaException;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.testkit.AnalyzerContractTest;
import dev.unmask.testkit.Golden;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CloneAnalyzerTest extends AnalyzerContractTest {
    private static final int SIZE = 120;

    @Override
    protected Analyzer newAnalyzer() {
        return new CloneAnalyzer();
    }

    @Override
    protected String supportedFixture() {
        return "camera-jpeg/sample2.jpg";
    }

    /** A forgery: the most textured SIZE-square copied onto the most textured square away from it. */
    private record Forgery(BufferedImage image, int[] source, int[] target) {}

    private static Forgery forge(String fixture) throws Exception {
        BufferedImage img = CloneFixtures.copy(TestData.media(fixture).image());
        int[] s = CloneFixtures.mostTextured(img, SIZE, 8);
        int[] t = CloneFixtures.mostTextured(img, SIZE, 8, new int[] {s[0], s[1], SIZE, SIZE});
        CloneFixtures.paste(img, s[0], s[1], SIZE, SIZE, t[0], t[1]);
        return new Forgery(img, new int[] {s[0], s[1], SIZE, SIZE}, new int[] {t[0], t[1], SIZE, SIZE});
    }

    private static List<Map<?, ?>> pairs(Finding f) {
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object o : (List<?>) f.values().get("pairs")) {
            out.add((Map<?, ?>) o);
        }
        return out;
    }

    private static int[] box(Map<?, ?> pair, String key) {
        double[] d = (double[]) pair.get(key);
        return new int[] {(int) d[0], (int) d[1], (int) d[2], (int) d[3]};
    }

    /** Whether some reported pair matches the two truth boxes (in either order) with IoU above 0.5. */
    private static boolean found(Finding f, int[] a, int[] b) {
        for (Map<?, ?> p : pairs(f)) {
            int[] s = box(p, "source");
            int[] t = box(p, "target");
            if ((CloneDetector.iou(s, a) > 0.5 && CloneDetector.iou(t, b) > 0.5)
                    || (CloneDetector.iou(s, b) > 0.5 && CloneDetector.iou(t, a) > 0.5)) {
                return true;
            }
        }
        return false;
    }

    private static Finding onlyFinding(AnalyzerResult r) {
        assertEquals(AnalyzerResult.Status.OK, r.status(), r.summary());
        assertEquals(1, r.findings().size(), r.summary());
        Finding f = r.findings().get(0);
        assertEquals(CloneAnalyzer.CODE, f.code());
        assertEquals(Evidence.MANIPULATED, f.evidence());
        return f;
    }

    @Test
    void untouchedPhotosGiveNoStrongCloneFinding() throws Exception {
        List<String> names = new ArrayList<>();
        for (String dir : List.of("camera-jpeg", "photos")) {
            try (Stream<Path> st = Files.list(TestData.root().resolve(dir))) {
                st.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("LICENSE")).sorted()
                        .forEach(n -> names.add(dir + "/" + n));
            }
        }
        assertTrue(names.size() >= 12, "fixtures found: " + names);
        try (Analyzer a = initialised()) {
            // two threads: the analyzer is stateless, and this keeps the test class fast on two cores
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<AnalyzerResult>> results = new ArrayList<>();
                for (String n : names) {
                    results.add(pool.submit(() -> {
                        try {
                            return a.analyze(TestData.media(n));
                        } catch (MediaException e) {
                            return null; // photos/truncated.jpg need not decode
                        }
                    }));
                }
                int analysed = 0;
                for (int i = 0; i < names.size(); i++) {
                    AnalyzerResult r = results.get(i).get();
                    if (r == null) {
                        continue;
                    }
                    analysed++;
                    checkWellFormed(a, r);
                    for (Finding f : r.findings()) {
                        assertTrue(f.score() < 0.5, names.get(i) + " must not show a strong clone: " + f.values());
                    }
                }
                assertTrue(analysed >= 12, "analysed " + analysed);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void cloneIsFoundInPngAndJpeg90() throws Exception {
        Forgery fg = forge("camera-jpeg/sample2.jpg");
        try (Analyzer a = initialised()) {
            for (String fmt : List.of("png", "jpg")) {
                byte[] bytes = fmt.equals("png") ? Codecs.png(fg.image()) : Codecs.jpeg(fg.image(), 90);
                var media = TestData.media("clone." + fmt, bytes);
                media.image();
                long t0 = System.nanoTime();
                AnalyzerResult r = a.analyze(media);
                System.out.printf(Locale.ROOT, "clone: %s %dx%d analysed in %.0f ms%n", fmt,
                        fg.image().getWidth(), fg.image().getHeight(), (System.nanoTime() - t0) / 1e6);
                Finding f = onlyFinding(r);
                assertTrue(found(f, fg.source(), fg.target()), fmt + ": " + pairs(f) + " vs truth");
                assertTrue(f.score() >= 0.5, fmt + " clone should be at least moderate: " + f.score());
                assertEquals(1, f.artifacts().size());
                Artifact art = f.artifacts().get(0);
                assertEquals(Artifact.Kind.OVERLAY, art.kind());
                assertTrue(art.width() <= 1024 && art.height() <= 1024);
            }
        }
    }

    @Test
    void twoClonesAreTwoPairs() throws Exception {
        BufferedImage img = CloneFixtures.copy(TestData.media("camera-jpeg/sample4.jpg").image());
        int[] s1 = CloneFixtures.mostTextured(img, SIZE, 8);
        int[] b1 = {s1[0], s1[1], SIZE, SIZE};
        int[] t1 = CloneFixtures.mostTextured(img, SIZE, 8, b1);
        int[] c1 = {t1[0], t1[1], SIZE, SIZE};
        int[] s2 = CloneFixtures.mostTextured(img, SIZE, 8, b1, c1);
        int[] b2 = {s2[0], s2[1], SIZE, SIZE};
        int[] t2 = CloneFixtures.mostTextured(img, SIZE, 8, b1, c1, b2);
        int[] c2 = {t2[0], t2[1], SIZE, SIZE};
        CloneFixtures.paste(img, s1[0], s1[1], SIZE, SIZE, t1[0], t1[1]);
        CloneFixtures.paste(img, s2[0], s2[1], SIZE, SIZE, t2[0], t2[1]);
        try (Analyzer a = initialised()) {
            Finding f = onlyFinding(a.analyze(TestData.media("two.png", Codecs.png(img))));
            assertEquals(2, ((Number) f.values().get("pairCount")).intValue(), pairs(f).toString());
            assertTrue(found(f, b1, c1), "first clone");
            assertTrue(found(f, b2, c2), "second clone");
        }
    }

    @Test
    void flatAndNoiseImagesGiveNothing() throws Exception {
        BufferedImage flat = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        BufferedImage noise = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(7);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                flat.setRGB(x, y, 0x7a7a7a);
                int v = Math.max(0, Math.min(255, 128 + (int) Math.round(rnd.nextGaussian() * 20)));
                noise.setRGB(x, y, v * 0x010101);
            }
        }
        try (Analyzer a = initialised()) {
            for (BufferedImage img : List.of(flat, noise)) {
                AnalyzerResult r = a.analyze(TestData.media("plain.png", Codecs.png(img)));
                assertEquals(AnalyzerResult.Status.OK, r.status());
                assertTrue(r.findings().isEmpty(), r.summary());
                assertTrue(r.summary().contains("no duplicated region"), r.summary());
            }
        }
    }

    @Test
    void tinyImageIsNotApplicable() throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        try (Analyzer a = initialised()) {
            assertEquals(AnalyzerResult.Status.NOT_APPLICABLE, a.analyze(TestData.media("t.png", Codecs.png(img))).status());
        }
    }

    @Test
    void invalidOptionsAreRejected() {
        Analyzer a = newAnalyzer();
        assertThrows(IllegalArgumentException.class,
                () -> a.init(new AnalyzerOptions("clone", Map.of("block-size", "10"))));
        assertThrows(IllegalArgumentException.class,
                () -> a.init(new AnalyzerOptions("clone", Map.of("min-shift", "8", "block-size", "16"))));
        assertThrows(IllegalArgumentException.class,
                () -> a.init(new AnalyzerOptions("clone", Map.of("min-correlation", "1.5"))));
    }

    @Test
    void goldenFindingForGeneratedForgery() throws Exception {
        Forgery fg = forge("photos/coffee.png");
        try (Analyzer a = initialised()) {
            Finding f = onlyFinding(a.analyze(TestData.media("coffee-clone.png", Codecs.png(fg.image()))));
            StringBuilder sb = new StringBuilder();
            sb.append("truth source=").append(fmt(fg.source())).append(" target=").append(fmt(fg.target())).append('\n');
            sb.append(f.code()).append(' ').append(f.evidence())
                    .append(String.format(Locale.ROOT, " score=%.2f", f.score())).append('\n');
            sb.append("pairCount=").append(f.values().get("pairCount"))
                    .append(" workingFactor=").append(f.values().get("workingFactor")).append('\n');
            for (Map<?, ?> p : pairs(f)) {
                double[] sh = (double[]) p.get("shift");
                sb.append(String.format(Locale.ROOT, "pair source=%s target=%s shift=%d,%d blocks=%s corr=%.3f resid=%.2f%n",
                        fmt(box(p, "source")), fmt(box(p, "target")), (int) sh[0], (int) sh[1],
                        p.get("matchedBlocks"), (Double) p.get("correlation"), (Double) p.get("residualCorrelation")));
            }
            Golden.assertMatches("clone/coffee-clone.txt", sb.toString());
            assertFalse(f.detail().isBlank());
        }
    }

    private static String fmt(int[] b) {
        return b[0] + "," + b[1] + "+" + b[2] + "x" + b[3];
    }
}
