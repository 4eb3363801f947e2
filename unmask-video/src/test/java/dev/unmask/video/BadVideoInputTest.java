package dev.unmask.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.AnalyzerResult;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.core.scan.AnalyzerRun;
import dev.unmask.core.scan.AnalyzerSet;
import dev.unmask.core.scan.FileResult;
import dev.unmask.core.scan.ScanInput;
import dev.unmask.core.scan.ScanPipeline;
import dev.unmask.core.scan.ScanSettings;
import dev.unmask.core.scan.VerdictFusion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad video input, every file made in the test: each gets a specific message (a file error from the central guard, or
 * the video analyzer's result), nothing throws, and one batch scan goes on past every bad file to a good one.
 */
class BadVideoInputTest {
    @TempDir
    static Path dir;
    static Path goodMp4;
    static Path goodAvi;
    static Path goodMkv;
    static Map<String, FileResult> results;

    @BeforeAll
    static void scanAllInOneBatch() throws Exception {
        goodMp4 = SyntheticVideos.twoFaces(dir.resolve("good.mp4"), SyntheticVideos.Kind.MP4_H264_AAC);
        goodAvi = SyntheticVideos.twoFaces(dir.resolve("good.avi"), SyntheticVideos.Kind.AVI_MJPEG);
        goodMkv = SyntheticVideos.twoFaces(dir.resolve("good.mkv"), SyntheticVideos.Kind.MKV_FFV1);
        byte[] mp4 = Files.readAllBytes(goodMp4);
        byte[] avi = Files.readAllBytes(goodAvi);
        byte[] mkv = Files.readAllBytes(goodMkv);
        List<Path> batch = new ArrayList<>();
        batch.add(BadVideos.save(dir, "corrupt-middle.avi", BadVideos.corruptMiddle(avi, 4000, 7)));
        batch.add(BadVideos.save(dir, "corrupt-middle.mp4", BadVideos.corruptMiddle(mp4, 3000, 11)));
        for (double f : new double[] {0.1, 0.5, 0.9}) {
            batch.add(BadVideos.save(dir, "truncated-" + (int) (f * 100) + ".mp4", BadVideos.truncated(mp4, f)));
            batch.add(BadVideos.save(dir, "truncated-" + (int) (f * 100) + ".mkv", BadVideos.truncated(mkv, f)));
        }
        batch.add(BadVideos.save(dir, "empty.mp4", new byte[0]));
        batch.add(BadVideos.audioOnly(dir.resolve("audio-only.mp4"), "mp4"));
        batch.add(BadVideos.audioOnly(dir.resolve("audio-only.wav"), "wav"));
        batch.add(BadVideos.save(dir, "huge.avi", BadVideos.aviDeclaring(avi, 100_000, 100_000)));
        batch.add(BadVideos.save(dir, "huge.mp4", BadVideos.mp4Declaring(mp4, "avc1", 60_000, 60_000)));
        batch.add(BadVideos.save(dir, "fourcc.avi", BadVideos.aviWithFourcc(avi, "XQZ9")));
        batch.add(BadVideos.zeroFrames(dir.resolve("zero-frames.mkv"), "matroska", avcodec.AV_CODEC_ID_FFV1));
        batch.add(BadVideos.zeroFrames(dir.resolve("zero-frames.mp4"), "mp4", avcodec.AV_CODEC_ID_MPEG4));
        batch.add(BadVideos.save(dir, "frames-zeroed.avi", BadVideos.aviFramesZeroed(avi)));
        batch.add(SyntheticVideos.noFaces(dir.resolve("no-faces.webm"), SyntheticVideos.Kind.WEBM_VP8_OPUS));
        batch.add(goodMp4);
        ScanSettings settings = new ScanSettings(2, MediaLimits.DEFAULT, ScanSettings.defaults().pixelBudget(), false, true);
        results = new java.util.LinkedHashMap<>();
        try (AnalyzerSet set = AnalyzerSet.load(Set.of(), Set.of(), Map.of("video.sampling", "fps:5", "video.faces", SquareFaceModels.ID))) {
            new ScanPipeline(set, settings, VerdictFusion.defaults()).scan(batch.stream().map(p -> new ScanInput(p, false)).toList(),
                    r -> results.put(Path.of(r.path()).getFileName().toString(), r));
        }
        assertEquals(batch.size(), results.size(), "the batch went on past every bad file");
    }

    private static AnalyzerResult video(String file) {
        FileResult r = results.get(file);
        return r.runs().stream().filter(x -> x.info().id().equals("video")).map(AnalyzerRun::result).findFirst()
                .orElseThrow(() -> new AssertionError("video analyzer did not run on " + file + ": " + r.error()));
    }

    private static String describe(String file) {
        FileResult r = results.get(file);
        return file + ": error " + r.error() + "; runs " + r.runs().stream().map(x -> x.info().id() + "=" + x.result().status()
                + " " + x.result().summary()).toList();
    }

    @Test
    void goodVideoAfterTheBadOnesIsAnalysed() {
        AnalyzerResult v = video("good.mp4");
        assertEquals(AnalyzerResult.Status.OK, v.status(), v.summary());
        assertTrue(v.summary().contains("2 face tracks"), v.summary());
        assertEquals(320, results.get("good.mp4").width());
        assertEquals(240, results.get("good.mp4").height());
    }

    @Test
    void corruptBytesInTheMiddleAreReportedAsDecoderErrors() {
        for (String f : List.of("corrupt-middle.avi", "corrupt-middle.mp4")) {
            FileResult r = results.get(f);
            assertNull(r.error(), describe(f));
            AnalyzerResult v = video(f);
            assertEquals(AnalyzerResult.Status.OK, v.status(), describe(f));
            var frames = v.findings().stream().filter(x -> x.code().startsWith("video.frames")).findFirst().orElseThrow();
            assertEquals("video.frames.damaged", frames.code(), describe(f) + " " + frames.values());
            assertFalse(((List<?>) frames.values().get("decoder_errors")).isEmpty(), frames.values().toString());
        }
    }

    @Test
    void truncatedMp4WithoutItsIndexIsAFileErrorNamingTheCutBox() {
        for (String f : List.of("truncated-10.mp4", "truncated-50.mp4", "truncated-90.mp4")) {
            FileResult r = results.get(f);
            assertNotNull(r.error(), describe(f));
            assertEquals("truncated", r.error().code(), describe(f));
            assertTrue(r.error().message().startsWith("the file is truncated: the '"), r.error().message());
            assertTrue(r.error().message().contains(f.equals("truncated-90.mp4") ? "'moov' box" : "moov atom not found"),
                    r.error().message());
            assertTrue(r.runs().stream().anyMatch(x -> x.info().id().equals("provenance")
                    && x.result().status() == AnalyzerResult.Status.OK), "container readers still run: " + describe(f));
        }
    }

    @Test
    void truncatedMatroskaIsAnalysedUpToTheCutAndSaysSo() {
        FileResult r = results.get("truncated-50.mkv");
        assertNull(r.error(), describe("truncated-50.mkv"));
        AnalyzerResult v = video("truncated-50.mkv");
        assertEquals(AnalyzerResult.Status.OK, v.status(), v.summary());
        var frames = v.findings().stream().filter(x -> x.code().startsWith("video.frames")).findFirst().orElseThrow();
        assertEquals("video.frames.damaged", frames.code(), frames.title());
        assertTrue(frames.title().contains("decoding ended at 0.96 s of the 2.00 s the container declares: the file is"
                + " truncated or damaged"), frames.title());
        for (String f : List.of("truncated-10.mkv", "truncated-90.mkv")) {
            FileResult t = results.get(f);
            assertTrue(t.error() != null || !video(f).summary().isBlank(), describe(f));
        }
    }

    @Test
    void emptyFileIsAnEmptyFileError() {
        FileResult r = results.get("empty.mp4");
        assertEquals("empty_file", r.error().code());
    }

    @Test
    void audioOnlyMp4IsNotApplicableWithTheAudioNamed() {
        FileResult r = results.get("audio-only.mp4");
        assertNull(r.error(), describe("audio-only.mp4"));
        AnalyzerResult v = video("audio-only.mp4");
        assertEquals(AnalyzerResult.Status.NOT_APPLICABLE, v.status());
        assertTrue(v.summary().startsWith("no video stream in the mov,mp4"), v.summary());
        assertTrue(v.summary().contains("audio only (aac, 48000 Hz, 1 channel)"), v.summary());
        assertEquals(false, v.findings().get(0).values().get("audio_present") == Boolean.FALSE);
    }

    @Test
    void wavIsAnUnsupportedFormat() {
        FileResult r = results.get("audio-only.wav");
        assertEquals("unsupported_format", r.error().code(), describe("audio-only.wav"));
    }

    @Test
    void absurdDimensionsAreRefusedFromTheHeaderBeforeDecoding() {
        FileResult avi = results.get("huge.avi");
        assertEquals("bad_dimensions", avi.error().code(), describe("huge.avi"));
        assertTrue(avi.error().message().contains("100000x100000"), avi.error().message());
        assertTrue(avi.error().message().contains("limit max-dimension"), avi.error().message());
        FileResult mp4 = results.get("huge.mp4");
        assertEquals("too_many_pixels", mp4.error().code(), describe("huge.mp4"));
        assertTrue(mp4.error().message().contains("60000x60000"), mp4.error().message());
        assertTrue(video("huge.mp4").summary().startsWith("not run:"), describe("huge.mp4"));
    }

    @Test
    void unknownCodecIsAnUnsupportedFormatNamingTheFourcc() {
        FileResult r = results.get("fourcc.avi");
        assertEquals("unsupported_format", r.error().code(), describe("fourcc.avi"));
        assertTrue(r.error().message().contains("FourCC 'XQZ9'"), r.error().message());
    }

    @Test
    void streamsWithoutFramesGetSpecificMessages() {
        AnalyzerResult zeroed = video("frames-zeroed.avi");
        assertEquals(AnalyzerResult.Status.FAILED, zeroed.status(), describe("frames-zeroed.avi"));
        assertTrue(zeroed.summary().startsWith("the mjpeg video stream yields no decodable frame (50 frames declared, 2.00 s"
                + " declared); FFmpeg says: mjpeg: "), zeroed.summary());
        // FFmpeg's MP4 demuxer drops a track without samples
        AnalyzerResult mp4 = video("zero-frames.mp4");
        assertEquals(AnalyzerResult.Status.NOT_APPLICABLE, mp4.status(), describe("zero-frames.mp4"));
        assertTrue(mp4.summary().endsWith("no streams at all"), mp4.summary());
        // FFmpeg's Matroska muxer leaves a file without frames that its own demuxer cannot read: FFmpeg's words
        FileResult mkv = results.get("zero-frames.mkv");
        assertEquals("truncated", mkv.error().code(), describe("zero-frames.mkv"));
        assertTrue(mkv.error().message().startsWith("FFmpeg cannot read the container: End of file"), mkv.error().message());
    }

    @Test
    void videoWithoutFacesSaysTheFacePartDoesNotApply() {
        AnalyzerResult v = video("no-faces.webm");
        assertEquals(AnalyzerResult.Status.OK, v.status(), v.summary());
        var faces = v.findings().stream().filter(x -> x.code().equals("video.faces")).findFirst().orElseThrow();
        assertEquals("Face analysis not applicable: no face in 10 sampled frames", faces.title());
        assertTrue(v.findings().stream().anyMatch(x -> x.code().equals("video.container")), "the container still reports");
        assertTrue(v.findings().stream().noneMatch(x -> x.code().startsWith("video.score")));
    }
}
