package dev.unmask.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictFusionTest {
    private final VerdictFusion fusion = VerdictFusion.handSet();

    private static AnalyzerRun run(String id, Finding... f) {
        return new AnalyzerRun(new AnalyzerInfo(id, id, "1", "test"), AnalyzerResult.ok("checked", List.of(f)), 1);
    }

    private static Finding f(String code, Evidence e, double s) {
        return Finding.of(code, e, s).title(code).build();
    }

    @Test
    void weightsComeFromTheLongestMatchingPrefix() {
        assertEquals(0.95, fusion.weight("metadata.generator.a1111"), 1e-9);
        assertEquals(0.8, fusion.weight("metadata.camera"), 1e-9);
        assertEquals(0.9, fusion.weight("clone.region"), 1e-9);
        assertEquals(0.5, fusion.weight("unknownanalyzer.x"), 1e-9);
    }

    @Test
    void declaredGeneratorMetadataGivesSynthetic() {
        Verdict v = fusion.fuse(List.of(run("metadata", f("metadata.generator.a1111", Evidence.SYNTHETIC, 0.95)), run("ela")), null);
        assertEquals(Label.SYNTHETIC, v.label());
        assertEquals(0.95 * 0.95, v.synthetic(), 1e-9);
        assertEquals("metadata.generator.a1111", v.drivers().get(0).code());
    }

    @Test
    void weakCuesCombineByNoisyOr() {
        Verdict v = fusion.fuse(List.of(run("ela", f("ela.region", Evidence.MANIPULATED, 0.6)),
                run("noise", f("noise.region", Evidence.MANIPULATED, 0.6))), null);
        double expected = 1 - (1 - 0.5 * 0.6) * (1 - 0.6 * 0.6);
        assertEquals(expected, v.manipulated(), 1e-9);
        assertEquals(Label.INCONCLUSIVE, v.label(), "0.55 is between the thresholds");
        assertEquals("noise.region", v.drivers().get(0).code(), "strongest contribution first");
    }

    @Test
    void nothingFiringIsNotAuthentic() {
        Verdict v = fusion.fuse(List.of(run("ela"), run("noise")), null);
        assertEquals(Label.INCONCLUSIVE, v.label());
        assertTrue(v.reason().contains("ela, noise"), "says what was checked: " + v.reason());
        assertTrue(v.reason().contains("not called authentic"));
    }

    @Test
    void positiveEvidenceWithoutContraryEvidenceIsAuthentic() {
        Verdict v = fusion.fuse(List.of(run("metadata", f("metadata.camera", Evidence.AUTHENTIC, 0.3)), run("ela")), null);
        assertEquals(Label.AUTHENTIC, v.label());
        assertTrue(v.confidence() > 0 && v.confidence() <= v.authentic());
    }

    @Test
    void thresholdsAreReachedExactlyDespiteBinaryFractions() {
        // metadata weight 0.8 x camera score 0.25 must reach the 0.2 authenticity threshold
        Verdict v = fusion.fuse(List.of(run("metadata", f("metadata.camera", Evidence.AUTHENTIC, 0.25))), null);
        assertEquals(0.2, v.authentic(), 0);
        assertEquals(Label.AUTHENTIC, v.label());
    }

    @Test
    void weakContraryEvidenceStrongerThanTheAuthenticityEvidenceKeepsItInconclusive() {
        Verdict v = fusion.fuse(List.of(run("metadata", f("metadata.camera", Evidence.AUTHENTIC, 0.25),
                f("metadata.editing-software", Evidence.MANIPULATED, 0.4))), null);
        assertEquals(0.24, v.manipulated(), 1e-9);
        assertEquals(Label.INCONCLUSIVE, v.label());
        assertTrue(v.reason().contains("does not outweigh"), v.reason());
    }

    @Test
    void errorsAndEmptyRunsAreNotApplicable() {
        assertEquals(Label.NOT_APPLICABLE, fusion.fuse(List.of(), new FileError("truncated", "cut")).label());
        Verdict v = fusion.fuse(List.of(new AnalyzerRun(new AnalyzerInfo("ela", "ela", "1", "d"),
                AnalyzerResult.failed("boom"), 1)), null);
        assertEquals(Label.NOT_APPLICABLE, v.label());
        assertEquals("failed", v.notChecked().get(0).status());
    }

    @Test
    void failedAnalyzersFindingsAreIgnoredAndListed() {
        Verdict v = fusion.fuse(List.of(run("ela"), new AnalyzerRun(new AnalyzerInfo("noise", "n", "1", "d"),
                AnalyzerResult.notApplicable("not a JPEG"), 0)), null);
        assertEquals(List.of("ela"), v.checked());
        assertEquals("not a JPEG", v.notChecked().get(0).reason());
    }

    @Test
    void invalidConfigurationIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new VerdictFusion(Map.of(), 0.3, 0.6, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new VerdictFusion(Map.of("ela", 1.5), 0.6, 0.3, 0.2));
    }
}
