package dev.unmask.video.analyzer;

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
import dev.unmask.testkit.AnalyzerContractTest;
import dev.unmask.testkit.TestData;
import dev.unmask.video.SquareFaceModels;
import dev.unmask.video.SyntheticVideos;
import java.awt.Color;
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

    /** Analyses with the test face models (named, so real face models on the class path do not take over). */
    static AnalyzerResult analyse(Path file, Map<String, String> options) throws Exception {
        Map<String, String> o = new java.util.HashMap<>(options);
        o.putIfAbsent("faces", SquareFaceModels.ID);
        try (VideoAnalyzer a = new VideoAnalyzer()) {
            a.init(new AnalyzerOptions("video", o));
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

    @Test
    void aFewFramesWhereTheFakeFaceLooksRealDoNotDiluteItsTrack() throws Exception {
        // 3 of the 10 analysed frames show the face "real" (the model misses the manipulation there)
        Path v = SyntheticVideos.write(dir.resolve("misses.avi"), SyntheticVideos.Kind.AVI_MJPEG, 320, 240, 50, 25, 0,
                List.of(new SyntheticVideos.Square(40, 1, 60, 60,
                        i -> i == 10 || i == 25 || i == 40 ? SyntheticVideos.REAL_FACE : SyntheticVideos.FAKE_FACE)));
        AnalyzerResult r = analyse(v, Map.of("sampling", "fps:5"));
        Finding track = find(r, "video.track");
        assertEquals(10, track.values().get("frames"));
        assertTrue((double) track.values().get("mean") < 0.7, "the plain mean is diluted: " + track.values().get("mean"));
        assertTrue((double) track.values().get("top_k_mean") > 0.85, "the top-5 mean is not: " + track.values().get("top_k_mean"));
        List<?> driving = (List<?>) find(r, "video.score.manipulated").values().get("driving_frames");
        for (Object d : driving) {
            double sec = (double) ((Map<?, ?>) d).get("seconds");
            assertTrue(Math.abs(sec - 0.4) > 0.01 && Math.abs(sec - 1.0) > 0.01 && Math.abs(sec - 1.6) > 0.01,
                    "a missed frame drove the verdict: " + driving);
        }
    }

    @Test
    void withoutFaceModelsTheContainerAndFramesStillReport() throws Exception {
        Path v = SyntheticVideos.twoFaces(dir.resolve("nf.webm"), SyntheticVideos.Kind.WEBM_VP8_OPUS);
        AnalyzerResult r = analyse(v, Map.of("faces", "none"));
        assertEquals(AnalyzerResult.Status.OK, r.status());
        assertEquals("Face analysis not run: face analysis switched off (video.faces=none)", find(r, "video.faces").title());
        assertTrue(r.findings().stream().noneMatch(f -> f.code().startsWith("video.track") || f.code().startsWith("video.score")));
        assertEquals("vp8", ((Map<?, ?>) find(r, "video.container").values().get("video")).get("codec"));
        assertEquals(true, find(r, "video.container").values().get("audio_present"));
    }

    @Test
    void frameLevelDetectorsScoreWholeFrames() throws Exception {
        Path model = Files.createDirectories(dir.resolve("green-model"));
        Files.writeString(model.resolve("detector.properties"), "kind=test-green-level\nname=green level\nversion=1\nthreshold=0.3\n");
        Path v = SyntheticVideos.noFaces(dir.resolve("green.mp4"), SyntheticVideos.Kind.MP4_MPEG4);
        AnalyzerResult r = analyse(v, Map.of("detectors", model.toString(), "sampling", "every:10"));
        Finding score = find(r, "video.score.synthetic");
        assertEquals(Evidence.SYNTHETIC, score.evidence());
        assertEquals("green level", score.values().get("driving_track"));
        double expected = 10.0 * 50 * 50 / (320 * 240);
        assertEquals(expected, score.score(), 0.05);
        assertEquals("synthetic", score.values().get("verdict"));
        Finding track = find(r, "video.track");
        assertEquals("frame", track.values().get("kind"));
        assertEquals(5, track.values().get("frames"));
    }

    @Test
    void closingTwiceWithTheRealFaceModelsIsHarmless() {
        VideoAnalyzer a = new VideoAnalyzer();
        a.init(new AnalyzerOptions("video", Map.of("faces", "blazeface-mesonet")));
        a.close();
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(a::close, "the ONNX sessions were closed twice");
    }

    @Test
    void invalidSettingsAreUsageErrors() {
        for (Map<String, String> bad : List.of(Map.of("sampling", "often"), Map.of("faces", "no-such-provider"),
                Map.of("detectors", dir.resolve("missing").toString()), Map.of("top-k", "0"), Map.of("max-frames", "-1"))) {
            VideoAnalyzer a = new VideoAnalyzer();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> a.init(new AnalyzerOptions("video", bad)), bad.toString());
            assertTrue(e.getMessage().contains("video."), e.getMessage());
        }
        VideoAnalyzer a = new VideoAnalyzer();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.init(new AnalyzerOptions("video", Map.of("faces", "nope"))));
        assertTrue(e.getMessage().contains("no such face model provider (installed: ") && e.getMessage().contains(SquareFaceModels.ID),
                e.getMessage());
    }

    @Test
    void suspiciousFramesAreDrawnWithBoxes() throws Exception {
        Path v = SyntheticVideos.write(dir.resolve("sheet.mkv"), SyntheticVideos.Kind.MKV_FFV1, 320, 240, 25, 25, 0,
                List.of(SyntheticVideos.Square.of(100, 0, 80, 60, SyntheticVideos.FAKE_FACE)));
        AnalyzerResult r = analyse(v, Map.of("sampling", "every:5", "thumbnails", "2"));
        Artifact sheet = find(r, "video.score.manipulated").artifacts().stream()
                .filter(a -> a.name().equals("video-suspicious-frames")).findFirst().orElseThrow();
        var img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(sheet.data()));
        assertEquals(2 * 320 + 3 * 4, img.getWidth(), "two thumbnails side by side");
        // the face box outline is drawn red (score 0.9 >= 0.5) on the square's left edge (JPEG blurs it a little)
        int best = 0;
        for (int x = 97; x <= 102; x++) {
            Color c = new Color(img.getRGB(4 + x, 4 + 110));
            best = Math.max(best, c.getRed() - c.getGreen());
        }
        assertTrue(best > 120, "red outline, red - green = " + best);
        Color grey = new Color(img.getRGB(4 + 40, 4 + 110));
        assertTrue(Math.abs(grey.getRed() - grey.getGreen()) < 20, "background stays grey: " + grey);
    }
}
