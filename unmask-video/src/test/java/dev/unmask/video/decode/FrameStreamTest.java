package dev.unmask.video.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.core.media.MediaLimits;
import dev.unmask.video.SyntheticVideos;
import dev.unmask.video.ffmpeg.ContainerInfo;
import dev.unmask.video.ffmpeg.ContainerProbe;
import dev.unmask.video.ffmpeg.FrameLimits;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sampling modes, limits and upright conversion on a 50-frame, 25 fps video with a key frame every 10 frames. */
class FrameStreamTest {
    @TempDir
    static Path dir;
    static byte[] video;
    static ContainerInfo info;

    @BeforeAll
    static void write() throws Exception {
        video = Files.readAllBytes(SyntheticVideos.twoFaces(dir.resolve("v.mp4"), SyntheticVideos.Kind.MP4_MPEG4));
        info = ContainerProbe.probe(video, FrameLimits.from(MediaLimits.DEFAULT));
    }

    private static List<SampledFrame> all(byte[] bytes, ContainerInfo ci, FrameStream.Options o, FrameStream.Stats[] stats) throws Exception {
        List<SampledFrame> out = new ArrayList<>();
        try (FrameStream s = new FrameStream(bytes, ci.video().orElseThrow(), o)) {
            SampledFrame f;
            while ((f = s.next()) != null) {
                out.add(f);
            }
            stats[0] = s.stats();
        }
        return out;
    }

    private static FrameStream.Options options(String sampling, int maxFrames, double maxSeconds) {
        return new FrameStream.Options(Sampling.parse(sampling), maxFrames, maxSeconds, 1280, 1, 100_000_000);
    }

    @Test
    void everyKthFrame() throws Exception {
        FrameStream.Stats[] st = new FrameStream.Stats[1];
        List<SampledFrame> f = all(video, info, options("every:5", 300, 600), st);
        assertEquals(10, f.size());
        assertEquals(List.of(0L, 5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L, 45L), f.stream().map(SampledFrame::frame).toList());
        assertEquals(50, st[0].decodedFrames());
        assertEquals(FrameStream.Stop.END, st[0].stop());
        assertEquals(0.2, f.get(1).seconds(), 1e-6);
    }

    @Test
    void framesPerSecond() throws Exception {
        FrameStream.Stats[] st = new FrameStream.Stats[1];
        List<SampledFrame> f = all(video, info, options("fps:2", 300, 600), st);
        // the first frame at or after each half second: 25 fps has frames at 0.48 and 0.52, none at 0.5
        assertEquals(List.of(0.0, 0.52, 1.0, 1.52), f.stream().map(x -> Math.round(x.seconds() * 100) / 100.0).toList());
    }

    @Test
    void keyFramesOnly() throws Exception {
        FrameStream.Stats[] st = new FrameStream.Stats[1];
        List<SampledFrame> f = all(video, info, options("keyframes", 300, 600), st);
        assertEquals(5, f.size(), "a key frame every 10 frames");
        assertTrue(f.stream().allMatch(SampledFrame::keyFrame));
        assertEquals(5, st[0].decodedFrames(), "non-key frames are not decoded");
    }

    @Test
    void frameAndDurationLimitsStopDecoding() throws Exception {
        FrameStream.Stats[] st = new FrameStream.Stats[1];
        assertEquals(3, all(video, info, options("every:1", 3, 600), st).size());
        assertEquals(FrameStream.Stop.MAX_FRAMES, st[0].stop());
        List<SampledFrame> f = all(video, info, options("every:1", 300, 1), st);
        assertEquals(FrameStream.Stop.MAX_DURATION, st[0].stop());
        assertEquals(26, f.size(), "frames at 0.00 .. 1.00 s");
    }

    @Test
    void largeFramesAreReducedToTheAnalysisSize() throws Exception {
        FrameStream.Stats[] st = new FrameStream.Stats[1];
        FrameStream.Options o = new FrameStream.Options(Sampling.parse("every:25"), 300, 600, 160, 1, 100_000_000);
        BufferedImage img = all(video, info, o, st).get(0).image();
        assertEquals(160, img.getWidth());
        assertEquals(120, img.getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
    }

    @Test
    void rotatedVideoIsTurnedUpright() throws Exception {
        // a red marker at the top left of the coded frame; displayed turned 90 degrees clockwise it is at the top right
        Path p = SyntheticVideos.write(dir.resolve("rot.mov"), SyntheticVideos.Kind.MOV_MPEG4, 320, 240, 5, 25, -90,
                List.of(SyntheticVideos.Square.of(0, 0, 0, 40, Color.RED)));
        byte[] b = Files.readAllBytes(p);
        ContainerInfo ci = ContainerProbe.probe(b, FrameLimits.from(MediaLimits.DEFAULT));
        BufferedImage img = all(b, ci, options("every:1", 1, 600), new FrameStream.Stats[1]).get(0).image();
        assertEquals(240, img.getWidth());
        assertEquals(320, img.getHeight());
        int topRight = img.getRGB(240 - 20, 20);
        int topLeft = img.getRGB(20, 20);
        assertTrue(((topRight >> 16) & 0xff) > 200 && ((topRight >> 8) & 0xff) < 60, Integer.toHexString(topRight));
        assertTrue(((topLeft >> 16) & 0xff) < 160, Integer.toHexString(topLeft));
    }

    @Test
    void samplingTextIsValidated() {
        assertEquals("fps:2.5", Sampling.parse(" FPS:2.5 ").toString());
        assertEquals("every:3", Sampling.parse("every:3").toString());
        for (String bad : List.of("every:0", "every:1.5", "fps:0", "fps:-1", "fps:1000", "sometimes", "every:")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sampling.parse(bad), bad);
            assertTrue(e.getMessage().contains(bad.equals("every:0") || bad.equals("every:1.5") || bad.startsWith("fps:") && !bad.equals("fps:")
                    ? "" : "every:K"), e.getMessage());
        }
        assertEquals(10, Sampling.parse("fps:5").expected(2, 25));
        assertEquals(10, Sampling.parse("every:5").expected(2, 25));
        assertEquals(0, Sampling.parse("keyframes").expected(2, 25));
    }
}
