package dev.unmask.video.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.core.media.MediaLimits;
import dev.unmask.video.BadVideos;
import dev.unmask.video.SyntheticVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container metadata of good videos written in the test, and the probe's own guards. */
class ContainerProbeTest {
    @TempDir
    static Path dir;
    static final FrameLimits LIMITS = FrameLimits.from(MediaLimits.DEFAULT);
    static byte[] mp4;

    @BeforeAll
    static void write() throws Exception {
        mp4 = Files.readAllBytes(SyntheticVideos.twoFaces(dir.resolve("a.mp4"), SyntheticVideos.Kind.MP4_H264_AAC));
    }

    @Test
    void mp4WithAudio() throws Exception {
        ContainerInfo info = ContainerProbe.probe(mp4, LIMITS);
        StreamInfo v = info.video().orElseThrow();
        assertEquals("mov,mp4,m4a,3gp,3g2,mj2", info.format());
        assertEquals("h264", v.codec());
        assertEquals("avc1", v.fourcc());
        assertEquals(320, v.width());
        assertEquals(240, v.height());
        assertEquals(25.0, v.fps(), 1e-9);
        assertEquals(50, v.frames());
        assertEquals(2.0, info.videoDurationSeconds(), 1e-6);
        assertEquals(0, v.rotationCw());
        assertTrue(v.decodable());
        StreamInfo a = info.audio().orElseThrow();
        assertEquals("aac", a.codec());
        assertEquals(48_000, a.sampleRate());
        assertEquals(1, a.channels());
        assertEquals("isom", info.metadata().get("major_brand"));
        assertEquals("", info.probeProblem());
    }

    @Test
    void otherContainersAndCodecs() throws Exception {
        record Case(SyntheticVideos.Kind kind, String format, String codec, boolean audio) {}
        for (Case c : List.of(new Case(SyntheticVideos.Kind.WEBM_VP8_OPUS, "matroska,webm", "vp8", true),
                new Case(SyntheticVideos.Kind.MKV_FFV1, "matroska,webm", "ffv1", true),
                new Case(SyntheticVideos.Kind.AVI_MJPEG, "avi", "mjpeg", false),
                new Case(SyntheticVideos.Kind.MOV_MPEG4, "mov,mp4,m4a,3gp,3g2,mj2", "mpeg4", false))) {
            byte[] b = Files.readAllBytes(SyntheticVideos.write(dir.resolve(c.kind() + ".bin"), c.kind(), 160, 120, 25, 25, 0, List.of()));
            ContainerInfo info = ContainerProbe.probe(b, LIMITS);
            StreamInfo v = info.video().orElseThrow();
            assertEquals(c.format(), info.format(), c.kind().name());
            assertEquals(c.codec(), v.codec(), c.kind().name());
            assertEquals(25.0, v.fps(), 0.01, c.kind().name());
            assertEquals(1.0, info.videoDurationSeconds(), 0.05, c.kind().name());
            assertEquals(160, v.width(), c.kind().name());
            assertEquals(c.audio(), info.audio().isPresent(), c.kind().name());
        }
    }

    @Test
    void displayMatrixRotationIsReportedClockwise() throws Exception {
        // FFmpeg's display matrix angle is counter-clockwise: -90 is a phone held upright (turn 90 degrees clockwise)
        byte[] b = Files.readAllBytes(SyntheticVideos.write(dir.resolve("r.mov"), SyntheticVideos.Kind.MOV_MPEG4, 320, 240,
                10, 25, -90, List.of()));
        assertEquals(90, ContainerProbe.probe(b, LIMITS).video().orElseThrow().rotationCw());
        byte[] c = Files.readAllBytes(SyntheticVideos.write(dir.resolve("r2.mov"), SyntheticVideos.Kind.MOV_MPEG4, 320, 240,
                10, 25, 90, List.of()));
        assertEquals(270, ContainerProbe.probe(c, LIMITS).video().orElseThrow().rotationCw());
    }

    @Test
    void matroskaTrackDurationTag() {
        assertEquals(2.0, ContainerProbe.tagDuration("00:00:02.000000000"), 1e-9);
        assertEquals(3725.5, ContainerProbe.tagDuration("01:02:05.5"), 1e-9);
        assertEquals(-1, ContainerProbe.tagDuration("soon"));
        assertEquals(-1, ContainerProbe.tagDuration(null));
    }

    @Test
    void quarterTurnsRoundAndWrap() {
        assertEquals(0, ContainerProbe.quarterTurns(0));
        assertEquals(90, ContainerProbe.quarterTurns(89.6));
        assertEquals(270, ContainerProbe.quarterTurns(-90));
        assertEquals(180, ContainerProbe.quarterTurns(-180));
        assertEquals(0, ContainerProbe.quarterTurns(360));
    }

    @Test
    void frameLimitsRefuseDeclaredSizesBeforeDecoding() {
        byte[] huge = BadVideos.mp4Declaring(mp4, "avc1", 20_000, 20_000);
        VideoException e = assertThrows(VideoException.class, () -> ContainerProbe.probe(huge, LIMITS));
        assertEquals(VideoException.TOO_MANY_PIXELS, e.code());
        VideoException small = assertThrows(VideoException.class,
                () -> ContainerProbe.probe(mp4, new FrameLimits(10_000_000, 200)));
        assertEquals(VideoException.BAD_DIMENSIONS, small.code());
        assertTrue(small.getMessage().contains("a side over 200"), small.getMessage());
    }

    @Test
    void notAContainerIsAnOpenFailureWithFfmpegsReason() {
        VideoException e = assertThrows(VideoException.class, () -> ContainerProbe.probe(new byte[] {1, 2, 3, 4, 5}, LIMITS));
        assertEquals(VideoException.OPEN_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("FFmpeg cannot read the container: "), e.getMessage());
    }

    @Test
    void topLevelBoxWalkFindsTheCut() {
        assertEquals(Optional.empty(), TopLevelBoxes.truncation(mp4));
        Optional<String> cut = TopLevelBoxes.truncation(BadVideos.truncated(mp4, 0.5));
        assertTrue(cut.orElseThrow().startsWith("the 'mdat' box at offset "), cut.get());
        assertEquals(Optional.empty(), TopLevelBoxes.truncation(new byte[3]));
    }

    @Test
    void ffmpegLogLinesLoseTheirContextAddresses() {
        assertEquals("matroska,webm: Duplicate element", FfmpegRuntime.readable("[matroska,webm @ 0x7fa1ac20d780] Duplicate element\n"));
        assertEquals("h264: IMGUTILS: Picture size", FfmpegRuntime.readable("[h264 @ 0x7f01] [IMGUTILS @ 0x7f02] Picture size"));
        assertFalse(FfmpegRuntime.readable("plain").contains("@"));
    }
}
