package dev.unmask.video.analyzer;

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
import dev.unmask.testkit.AnalyzerContractTest;
import dev.unmask.testkit.TestData;
import dev.unmask.video.SyntheticVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The video analyzer on real decoded videos written in the test, with the test face models. */
class VideoAnalyzerTest extends AnalyzerContractTest {
    @TempDir
    Path dir;

    @Override
    protected Analyzer newAnalyzer() {
        return new VideoAnalyzer();
    }

    @Override
    protected String supportedFixture() {
        return "c2pa/video1.mp4";
    }

    static AnalyzerResult analyse(Path file, Map<String, String> options) throws Exception {
        try (VideoAnalyzer a = new VideoAnalyzer()) {
            a.init(new AnalyzerOptions("video", options));
            return a.analyze(TestData.media(file.getFileName().toString(), Files.readAllBytes(file)));
        }
    }

    static Finding find(AnalyzerResult r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + r.findings().stream().map(Finding::code).toList()
                        + "; summary: " + r.summary()));
    }

    @Test
    void fakeFaceTrackDrivesTheVideoScoreAndTheRealFaceDoesNot() throws Exception {
        Path v = SyntheticVideos.twoFaces(dir.resolve("two-faces.mp4"), SyntheticVideos.Kind.MP4_H264_AAC);
        AnalyzerResult r = analyse(v, Map.of("sampling", "fps:5"));
        assertEquals(AnalyzerResult.Status.OK, r.status(), r.summary());
        List<Finding> tracks = r.findings().stream().filter(f -> f.code().equals("video.track")).toList();
        assertEquals(2, tracks.size(), r.summary());
        Finding fake = tracks.get(0);
        Finding real = tracks.get(1);
        assertTrue((double) fake.values().get("top_k_mean") > 0.8, fake.title());
        assertTrue((double) real.values().get("top_k_mean") < 0.1, real.title());
        assertEquals("manipulated", fake.values().get("verdict"));
        assertEquals(10, fake.values().get("frames"));
        Finding score = find(r, "video.score.manipulated");
        assertEquals(Evidence.MANIPULATED, score.evidence());
        assertTrue(score.score() > 0.8, score.title());
        assertEquals("face " + fake.values().get("track"), score.values().get("driving_track"));
        assertEquals(5, ((List<?>) score.values().get("driving_frames")).size());
        Artifact plot = score.artifacts().stream().filter(a -> a.kind() == Artifact.Kind.PLOT).findFirst().orElseThrow();
        assertTrue(plot.width() > 100);
        assertTrue(score.artifacts().stream().anyMatch(a -> a.name().equals("video-suspicious-frames")));
        Finding container = find(r, "video.container");
        assertFalse(container.artifacts().isEmpty(), "first-frame preview");
        assertNotNull(container.values().get("video"));
    }
}
