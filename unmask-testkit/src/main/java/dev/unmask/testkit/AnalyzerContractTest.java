package dev.unmask.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.MediaType;
import dev.unmask.core.imaging.Codecs;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every analyzer must meet; each analyzer's test class extends this. It checks registration,
 * options validation, the behaviour on degenerate images (1&times;1, flat), result well-formedness and
 * concurrent use.
 */
public abstract class AnalyzerContractTest {
    /** A fresh, initialised analyzer with default options. */
    protected abstract Analyzer newAnalyzer();

    /** A fixture the analyzer supports and runs on (relative to {@code testdata/}). */
    protected abstract String supportedFixture();

    /** Whether the analyzer examines PNG images (so the degenerate-image checks use PNG; else JPEG). */
    protected boolean supportsPng() {
        return true;
    }

    /** Initialises with defaults. */
    protected Analyzer initialised() {
        Analyzer a = newAnalyzer();
        a.init(AnalyzerOptions.defaults(a.info().id()));
        return a;
    }

    @Test
    void isRegisteredWithServiceLoader() {
        String cls = newAnalyzer().getClass().getName();
        boolean found = ServiceLoader.load(Analyzer.class).stream().anyMatch(p -> p.type().getName().equals(cls));
        assertTrue(found, cls + " must be listed in META-INF/services/dev.unmask.api.Analyzer");
    }

    @Test
    void infoIsComplete() {
        var info = newAnalyzer().info();
        assertFalse(info.name().isBlank());
        assertFalse(info.description().isBlank());
        assertFalse(info.version().isBlank());
    }

    @Test
    void unknownOptionsAreLeftUnread() {
        Analyzer a = newAnalyzer();
        AnalyzerOptions o = new AnalyzerOptions(a.info().id(), java.util.Map.of("no-such-option-xyz", "1"));
        a.init(o);
        assertEquals(Set.of("no-such-option-xyz"), o.unreadKeys());
    }

    @Test
    void doesNotSupportUnknownFormats() {
        assertFalse(newAnalyzer().supports(MediaType.UNKNOWN));
    }

    @Test
    void resultOnFixtureIsWellFormed() throws Exception {
        try (Analyzer a = initialised()) {
            var media = TestData.media(supportedFixture());
            assertTrue(a.supports(media.type()), "must support its own fixture");
            checkWellFormed(a, a.analyze(media));
        }
    }

    @Test
    void degenerateImagesDoNotThrow() throws Exception {
        try (Analyzer a = initialised()) {
            for (int[] size : new int[][] {{1, 1}, {3, 2}, {17, 9}, {64, 64}}) {
                BufferedImage flat = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        flat.setRGB(x, y, 0x808080);
                    }
                }
                byte[] bytes = supportsPng() ? Codecs.png(flat) : Codecs.jpeg(flat, 90);
                var media = TestData.media("flat-" + size[0] + "x" + size[1] + (supportsPng() ? ".png" : ".jpg"), bytes);
                if (!a.supports(media.type())) {
                    continue;
                }
                AnalyzerResult r = a.analyze(media);
                checkWellFormed(a, r);
                for (Finding f : r.findings()) {
                    assertTrue(f.evidence() == Evidence.INFO || f.evidence() == Evidence.AUTHENTIC || f.score() < 0.5,
                            "a flat grey image must not produce strong evidence: " + f);
                }
            }
        }
    }

    @Test
    void concurrentUseGivesTheSameResults() throws Exception {
        try (Analyzer a = initialised()) {
            var first = a.analyze(TestData.media(supportedFixture()));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<AnalyzerResult>> fs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    fs.add(pool.submit(() -> a.analyze(TestData.media(supportedFixture()))));
                }
                for (Future<AnalyzerResult> f : fs) {
                    AnalyzerResult r = f.get();
                    assertEquals(first.status(), r.status());
                    assertEquals(codesAndScores(first), codesAndScores(r));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<String> codesAndScores(AnalyzerResult r) {
        return r.findings().stream().map(f -> f.code() + "=" + f.score()).toList();
    }

    /** Checks a result's invariants. */
    protected static void checkWellFormed(Analyzer a, AnalyzerResult r) {
        assertNotNull(r);
        assertFalse(r.summary().isBlank(), "summary must say what was checked");
        Set<String> names = new HashSet<>();
        for (Finding f : r.findings()) {
            assertTrue(f.code().startsWith(a.info().id() + "."), "finding codes start with the analyzer id: " + f.code());
            assertFalse(f.title().isBlank(), "finding needs a title: " + f.code());
            for (Artifact art : f.artifacts()) {
                assertTrue(names.add(art.name()), "artifact names are unique: " + art.name());
                assertTrue(art.data().length > 0);
                assertTrue(art.width() > 0 && art.height() > 0);
            }
        }
        r.features().forEach((k, v) -> {
            assertTrue(k.startsWith(a.info().id() + "."), "feature names start with the analyzer id: " + k);
            for (double x : v) {
                assertTrue(Double.isFinite(x), "features are finite: " + k);
            }
        });
    }
}
