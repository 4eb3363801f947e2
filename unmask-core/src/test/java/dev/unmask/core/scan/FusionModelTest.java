package dev.unmask.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fitted fusion: its prior equals the hand-set fusion, fitted coefficients act as documented, files round-trip. */
class FusionModelTest {
    private static final VerdictFusion HAND = VerdictFusion.handSet();
    private static final FusionModel PRIOR = FusionModel.prior(0.6, 0.3, 0.8);

    private static AnalyzerRun run(String id, Finding... f) {
        return new AnalyzerRun(new AnalyzerInfo(id, id, "1", "test"), AnalyzerResult.ok("checked", List.of(f)), 1);
    }

    private static Finding f(String code, Evidence e, double s) {
        return Finding.of(code, e, s).title(code).build();
    }

    @Test
    void priorMapsTheHandThresholdsToTheProbabilityBand() {
        double k = FusionModel.priorScale(0.6, 0.3, 0.8);
        double b = FusionModel.priorIntercept(0.6, 0.3, k);
        assertEquals(0.8, 1 / (1 + Math.exp(-(b + k * -Math.log(1 - 0.6)))), 1e-12);
        assertEquals(0.2, 1 / (1 + Math.exp(-(b + k * -Math.log(1 - 0.3)))), 1e-12);
        assertEquals(Math.log(4) / ((Math.log(1 / 0.4) - Math.log(1 / 0.7)) / 2), k, 1e-12);
    }

    @Test
    void thePriorGivesTheHandSetLabels() {
        VerdictFusion prior = HAND.withModel(PRIOR);
        Random rnd = new Random(77);
        String[] codes = {"ela.region", "noise.region", "jpeg.splice", "spectral.peaks", "clone.region", "metadata.camera"};
        int decided = 0;
        for (int i = 0; i < 2000; i++) {
            List<AnalyzerRun> runs = new ArrayList<>();
            for (String code : codes) {
                if (rnd.nextInt(3) == 0) {
                    Evidence e = code.startsWith("metadata") ? Evidence.AUTHENTIC : code.startsWith("spectral") ? Evidence.SYNTHETIC
                            : Evidence.MANIPULATED;
                    runs.add(run(code.substring(0, code.indexOf('.')), f(code, e, Math.round(rnd.nextDouble() * 1000) / 1000.0)));
                } else {
                    runs.add(run(code.substring(0, code.indexOf('.'))));
                }
            }
            Verdict h = HAND.fuse(runs, null);
            Verdict p = prior.fuse(runs, null);
            boolean nearHandThreshold = Math.abs(Math.max(h.synthetic(), h.manipulated()) - 0.6) < 1e-6
                    || Math.abs(Math.max(h.synthetic(), h.manipulated()) - 0.3) < 1e-6;
            if (!nearHandThreshold) {
                assertEquals(h.label(), p.label(), "runs " + i + ": hand " + h + " prior " + p);
            }
            decided += h.label() == Label.MANIPULATED || h.label() == Label.SYNTHETIC ? 1 : 0;
            if (!h.drivers().isEmpty()) {
                assertEquals(h.drivers().get(0).contribution(), p.drivers().get(0).contribution(), 1e-12,
                        "with the prior every contribution is the hand-set one");
            }
        }
        assertTrue(decided > 100, "the sample must exercise decided labels: " + decided);
    }

    @Test
    void fittedCoefficientsScaleAnAnalyzersEvidence() {
        double k = PRIOR.directions().get("synthetic").otherCoefficient();
        double b = PRIOR.directions().get("synthetic").intercept();
        FusionModel m = new FusionModel(Map.of("synthetic", new FusionModel.Direction(b, Map.of("spectral", 2 * k), k, true),
                "manipulated", PRIOR.directions().get("manipulated")), 0.8, 0.2, "test");
        VerdictFusion v = HAND.withModel(m);
        Verdict out = v.fuse(List.of(run("spectral", f("spectral.peaks", Evidence.SYNTHETIC, 0.5)), run("ela")), null);
        double x = -Math.log(1 - 0.6 * 0.5); // spectral weight 0.6
        assertEquals(1 / (1 + Math.exp(-(b + 2 * k * x))), out.synthetic(), 1e-9);
        assertEquals(1 - Math.pow(1 - 0.3, 2), out.drivers().get(0).contribution(), 1e-12, "fitted share on the noisy-OR scale");
        assertEquals(Label.INCONCLUSIVE, out.label(), "0.3 doubled gives p " + out.synthetic() + ", inside the band");
        assertTrue(out.reason().startsWith("Some evidence (synthetic 0."), out.reason());
        Verdict strong = v.fuse(List.of(run("spectral", f("spectral.peaks", Evidence.SYNTHETIC, 0.7))), null);
        assertEquals(Label.SYNTHETIC, strong.label(), "p " + strong.synthetic());
        assertTrue(strong.reason().startsWith("Fused synthetic probability"), strong.reason());
        Verdict quiet = v.fuse(List.of(run("metadata", f("metadata.camera", Evidence.AUTHENTIC, 0.3)), run("spectral")), null);
        assertEquals(Label.AUTHENTIC, quiet.label());
        assertTrue(quiet.reason().contains("no signal of manipulation or synthesis"), quiet.reason());
        assertEquals(0, v.fuse(List.of(), new FileError("truncated", "cut")).synthetic(), "no probability for an unexamined file");
    }

    @Test
    void writeAndReadRoundTrip(@TempDir Path dir) throws Exception {
        FusionModel m = new FusionModel(Map.of("synthetic", new FusionModel.Direction(-3, Map.of("spectral", 7.5, "ela", 0.0), 4.9, true),
                "manipulated", new FusionModel.Direction(-3.1, Map.of(), 4.9, false)), 0.75, 0.25, "fitted on test data");
        String text = m.write(List.of("a header"), Map.of("data.sha256", "abc"));
        assertTrue(text.startsWith("# a header\ndescription=fitted on test data\ndata.sha256=abc\nthreshold.decide=0.750000\n"), text);
        Path f = dir.resolve("m.properties");
        Files.writeString(f, text);
        FusionModel back = FusionModel.read(f);
        assertEquals(m, back);
        assertEquals(text, back.write(List.of("a header"), Map.of("data.sha256", "abc")), "the same model writes the same bytes");
        Files.writeString(f, text.replace("threshold.decide=0.750000\n", ""));
        assertTrue(assertThrows(java.io.IOException.class, () -> FusionModel.read(f)).getMessage().endsWith("lacks threshold.decide"));
        assertThrows(IllegalArgumentException.class, () -> new FusionModel.Direction(0, Map.of("x", -1.0), 1, true));
    }
}
