package dev.unmask.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Finding;
import dev.unmask.testkit.TestData;
import dev.unmask.video.analyzer.VideoAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real footage: the sample videos of Debian's {@code opencv-doc} package (a street scene, a film trailer and its
 * deliberately damaged copy). Skipped, with a message, when the package is not installed.
 */
class OpencvSampleVideosTest {
    private static final Path DATA = Path.of("/usr/share/doc/opencv-doc/examples/data");

    private static AnalyzerResult analyse(String name, Map<String, String> options) throws Exception {
        Path p = DATA.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "skipped: " + p + " is missing (apt-get install opencv-doc)");
        try (VideoAnalyzer a = new VideoAnalyzer()) {
            a.init(new AnalyzerOptions("video", options));
            return a.analyze(TestData.media(name, Files.readAllBytes(p)));
        }
    }

    private static Finding find(AnalyzerResult r, String prefix) {
        return r.findings().stream().filter(f -> f.code().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void streetSceneMetadata() throws Exception {
        AnalyzerResult r = analyse("vtest.avi", Map.of("sampling", "keyframes", "max-frames", "20"));
        assertEquals(AnalyzerResult.Status.OK, r.status(), r.summary());
        Map<?, ?> v = (Map<?, ?>) find(r, "video.container").values().get("video");
        assertEquals("msmpeg4v3", v.get("codec"));
        assertEquals(768, v.get("width"));
        assertEquals(576, v.get("height"));
        assertEquals(10.0, v.get("fps"));
        assertEquals(795L, v.get("frames_declared"));
        // MEncoder put a key frame every 250 frames: key-frame sampling decodes 4 frames of 795
        assertEquals(4, find(r, "video.frames").values().get("analysed_frames"));
        assertEquals(4L, find(r, "video.frames").values().get("decoded_frames"));
    }

    @Test
    void trailerWithAc3AudioDecodesToTheEnd() throws Exception {
        AnalyzerResult r = analyse("Megamind.avi", Map.of("sampling", "fps:1"));
        assertEquals(true, find(r, "video.container").values().get("audio_present"));
        Finding frames = find(r, "video.frames");
        assertEquals("video.frames", frames.code(), frames.title());
        assertEquals(270L, frames.values().get("decoded_frames"));
    }

    @Test
    void damagedTrailerCopyIsAnalysedWithoutCrashing() throws Exception {
        AnalyzerResult r = analyse("Megamind_bugy.avi", Map.of("sampling", "fps:1"));
        assertEquals(AnalyzerResult.Status.OK, r.status(), r.summary());
        assertTrue((long) find(r, "video.frames").values().get("decoded_frames") > 0);
    }

    @Test
    void droppedFrameChunksInAnAviAreNotCalledDamage() throws Exception {
        // tree.avi's index lists 444 frames, 376 of them empty "drop frame" chunks: 68 coded frames
        AnalyzerResult r = analyse("tree.avi", Map.of());
        Finding frames = find(r, "video.frames");
        assertEquals("video.frames", frames.code(), frames.title());
        assertEquals(68L, frames.values().get("decoded_frames"));
        assertEquals(444L, ((Map<?, ?>) find(r, "video.container").values().get("video")).get("frames_declared"));
    }
}
