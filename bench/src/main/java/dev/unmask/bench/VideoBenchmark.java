package dev.unmask.bench;

import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Finding;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.video.analyzer.VideoAnalyzer;
import dev.unmask.video.decode.FrameStream;
import dev.unmask.video.decode.SampledFrame;
import dev.unmask.video.decode.Sampling;
import dev.unmask.video.faces.FaceModelProvider;
import dev.unmask.video.faces.FrameFaceSource;
import dev.unmask.video.ffmpeg.ContainerInfo;
import dev.unmask.video.ffmpeg.ContainerProbe;
import dev.unmask.video.ffmpeg.FfmpegRuntime;
import dev.unmask.video.ffmpeg.FrameLimits;
import dev.unmask.video.ffmpeg.StreamInfo;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.ServiceLoader;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Frames per second of the video module on a 1280x720 H.264 clip, in one run: FFmpeg decoding alone (one decoder
 * thread and FFmpeg's own choice), decoding plus conversion to upright RGB frames, the whole {@code video} analyzer
 * on every frame and with its default sampling, and face detection alone when a face model is installed
 * ({@link FaceModelProvider}; BlazeFace plugs in there). Prints each figure and its ratio to decoding alone.
 *
 * <p>The clip is Debian opencv-doc's {@code Megamind.avi} (720x528 film trailer) scaled to 1280x720 and encoded
 * with OpenH264, or, when that package is missing, a synthetic scene of moving squares over noise. It is written
 * once to {@code /tmp/unmask-bench-720p.mp4}.
 */
public final class VideoBenchmark {
    private static final Path SOURCE = Path.of("/usr/share/doc/opencv-doc/examples/data/Megamind.avi");

    private VideoBenchmark() {}

    /** Entry point: {@code [rounds]}. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        FfmpegRuntime.ensureLoaded();
        Path clip = Path.of(System.getProperty("java.io.tmpdir"), "unmask-bench-720p.mp4");
        String origin = makeClip(clip);
        byte[] bytes = Files.readAllBytes(clip);
        ContainerInfo info = ContainerProbe.probe(bytes, FrameLimits.from(MediaLimits.DEFAULT));
        StreamInfo v = info.video().orElseThrow();
        System.out.printf(Locale.ROOT, "Unmask video benchmark: Java %s, %d cores, %d rounds (median shown)%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), rounds);
        System.out.printf(Locale.ROOT, "clip: %s, %dx%d %s %.2f fps, %d frames, %.1f s (%s)%n", clip, v.width(), v.height(),
                v.codec(), v.fps(), v.frames(), info.videoDurationSeconds(), origin);
        String[] names = {"decode only, 1 decoder thread", "decode only, FFmpeg's thread count",
            "decode + FFmpeg's BGR conversion (every frame)", "decode + upright RGB frames (every frame)",
            "video analyzer, every frame analysed", "video analyzer, default fps:2 (decoded frames/s)"};
        Measure[] measures = {() -> decodeOnly(bytes, "1", false), () -> decodeOnly(bytes, "0", false),
            () -> decodeOnly(bytes, "1", true), () -> decodeAndConvert(bytes, v), () -> analyzer(clip, bytes, "every:1"),
            () -> analyzer(clip, bytes, "fps:2")};
        double[] fps = interleavedMedians(rounds, measures);
        for (int i = 0; i < names.length; i++) {
            row(names[i], fps[i], fps[0]);
        }
        double decode1 = fps[0];
        System.out.println("  (face models in the analyzer runs: " + faceModels() + ")");
        Optional<FrameFaceSource> source = faceSource();
        if (source.isPresent()) {
            double faces = median(rounds, () -> faceDetection(bytes, v, source.get()));
            row("face detection alone (" + source.get().name() + ")", faces, decode1);
            source.get().close();
        } else {
            System.out.println("face detection alone: not measured, no face model is installed (a FaceModelProvider"
                    + " on the class path, e.g. the BlazeFace adapter, is picked up here)");
        }
    }

    private interface Measure {
        double fps() throws Exception;
    }

    /** Runs every measure once per round, in turn, so that load on the machine spreads over all of them. */
    private static double[] interleavedMedians(int rounds, Measure[] measures) throws Exception {
        for (Measure m : measures) {
            m.fps(); // warm-up
        }
        double[][] r = new double[measures.length][rounds];
        for (int k = 0; k < rounds; k++) {
            for (int i = 0; i < measures.length; i++) {
                r[i][k] = measures[i].fps();
            }
        }
        double[] out = new double[measures.length];
        for (int i = 0; i < measures.length; i++) {
            Arrays.sort(r[i]);
            out[i] = r[i][rounds / 2];
        }
        return out;
    }

    private static double median(int rounds, Measure m) throws Exception {
        m.fps(); // warm-up
        double[] r = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            r[i] = m.fps();
        }
        Arrays.sort(r);
        return r[rounds / 2];
    }

    private static void row(String name, double fps, double reference) {
        System.out.printf(Locale.ROOT, "%-52s %8.1f frames/s  (%.2fx decode-only)%n", name, fps, fps / reference);
    }

    private static double decodeOnly(byte[] bytes, String threads, boolean bgr) throws Exception {
        long t0 = System.nanoTime();
        int n = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(new ByteArrayInputStream(bytes))) {
            g.setVideoOption("threads", threads);
            g.setAudioStream(Integer.MAX_VALUE);
            g.start(false);
            Frame f;
            while ((f = g.grabFrame(false, true, bgr, false, false)) != null && f.image != null) {
                n++;
            }
            g.stop();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static double decodeAndConvert(byte[] bytes, StreamInfo v) throws Exception {
        long t0 = System.nanoTime();
        int n = 0;
        try (FrameStream s = new FrameStream(bytes, v, new FrameStream.Options(Sampling.parse("every:1"), 100_000, 3600, 1280, 1,
                MediaLimits.DEFAULT.maxPixels()))) {
            while (s.next() != null) {
                n++;
            }
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static double analyzer(Path clip, byte[] bytes, String sampling) throws Exception {
        LoadedMedia media = LoadedMedia.of(clip, bytes, new FormatDetection(), MediaLimits.DEFAULT);
        try (VideoAnalyzer a = new VideoAnalyzer()) {
            a.init(new AnalyzerOptions("video", Map.of("sampling", sampling, "max-frames", "100000")));
            long t0 = System.nanoTime();
            AnalyzerResult r = a.analyze(media);
            double sec = (System.nanoTime() - t0) / 1e9;
            Finding frames = r.findings().stream().filter(f -> f.code().startsWith("video.frames")).findFirst().orElseThrow();
            return ((Number) frames.values().get("decoded_frames")).doubleValue() / sec;
        }
    }

    private static double faceDetection(byte[] bytes, StreamInfo v, FrameFaceSource source) throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        try (FrameStream s = new FrameStream(bytes, v, new FrameStream.Options(Sampling.parse("every:10"), 30, 3600, 1280, 1,
                MediaLimits.DEFAULT.maxPixels()))) {
            SampledFrame f;
            while ((f = s.next()) != null) {
                frames.add(f.image());
            }
        }
        long t0 = System.nanoTime();
        for (BufferedImage img : frames) {
            source.find(img);
        }
        return frames.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static String faceModels() {
        List<String> ids = new ArrayList<>();
        ServiceLoader.load(FaceModelProvider.class).forEach(p -> ids.add(p.id()));
        return ids.isEmpty() ? "none installed: decode, conversion, previews and the timeline only" : String.join(", ", ids);
    }

    private static Optional<FrameFaceSource> faceSource() {
        for (FaceModelProvider p : ServiceLoader.load(FaceModelProvider.class)) {
            try {
                Optional<FrameFaceSource> s = p.openFaceSource();
                if (s.isPresent()) {
                    return s;
                }
            } catch (Exception e) {
                System.out.println("face model " + p.id() + " did not load: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Writes the 720p clip once; returns where its frames came from. */
    private static String makeClip(Path clip) throws Exception {
        boolean real = Files.isRegularFile(SOURCE);
        String origin = real ? SOURCE + " scaled to 1280x720" : "synthetic: moving squares over noise (opencv-doc not installed)";
        if (Files.isRegularFile(clip)) {
            return origin;
        }
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(clip.toFile(), 1280, 720, 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            r.setFormat("mp4");
            r.setVideoCodecName("libopenh264");
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setVideoBitrate(4_000_000);
            r.setGopSize(48);
            if (real) {
                try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(SOURCE.toFile())) {
                    g.setImageWidth(1280);
                    g.setImageHeight(720);
                    g.start();
                    r.setFrameRate(g.getFrameRate());
                    r.start();
                    Frame f;
                    while ((f = g.grabImage()) != null) {
                        r.record(f);
                    }
                }
            } else {
                r.setFrameRate(30);
                r.start();
                Random rnd = new Random(42);
                for (int i = 0; i < 300; i++) {
                    BufferedImage img = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
                    Graphics2D g = img.createGraphics();
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    for (int k = 0; k < 400; k++) {
                        g.setColor(new Color(rnd.nextInt(0xffffff)));
                        g.fillRect(rnd.nextInt(1280), rnd.nextInt(720), 40, 40);
                    }
                    g.setColor(Color.BLUE);
                    g.fillRect(100 + 3 * i, 200, 120, 120);
                    g.dispose();
                    r.record(conv.convert(img));
                }
            }
            r.stop();
        }
        return origin;
    }
}
