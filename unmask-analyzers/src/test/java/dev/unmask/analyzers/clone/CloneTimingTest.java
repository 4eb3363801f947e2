package dev.unmask.analyzers.clone;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.core.imaging.Planes;
import dev.unmask.core.imaging.Scaling;
import dev.unmask.testkit.TestData;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the time of the analyzer on a 12-megapixel JPEG (sample1 upscaled to 4000&times;3000 with a 240-pixel
 * clone, q90). Opt-in ({@code -Dunmask.bench=true}) because it takes several seconds; it asserts the detection,
 * never the time.
 */
@EnabledIfSystemProperty(named = "unmask.bench", matches = "true")
class CloneTimingTest {
    @Test
    void twelveMegapixelTiming() throws Exception {
        BufferedImage src = TestData.media("camera-jpeg/sample1.jpg").image();
        BufferedImage big = Scaling.resize(src, 4000, 3000, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int[] s = CloneFixtures.mostTextured(big, 240, 16);
        int[] t = CloneFixtures.mostTextured(big, 240, 16, new int[] {s[0], s[1], 240, 240});
        CloneFixtures.paste(big, s[0], s[1], 240, 240, t[0], t[1]);
        byte[] jpeg = Codecs.jpeg(big, 90);
        CloneAnalyzer a = new CloneAnalyzer();
        a.init(AnalyzerOptions.defaults(CloneAnalyzer.ID));
        var bean = ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 4; rep++) {
            var m = TestData.media("big.jpg", jpeg);
            long c0 = bean.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            m.image();
            Planes.luma(m);
            long c1 = bean.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            AnalyzerResult r = a.analyze(m);
            long c2 = bean.getCurrentThreadCpuTime();
            long w2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "12MP run %d: decode+luma %.0f ms (cpu %.0f), clone analyze %.0f ms (cpu %.0f),"
                            + " total %.0f ms: %s%n", rep, (w1 - w0) / 1e6, (c1 - c0) / 1e6, (w2 - w1) / 1e6,
                    (c2 - c1) / 1e6, (w2 - w0) / 1e6, r.summary());
            assertFalse(r.findings().isEmpty(), r.summary());
            assertTrue(r.findings().get(0).score() >= 0.5, r.findings().get(0).values().toString());
        }
    }
}
