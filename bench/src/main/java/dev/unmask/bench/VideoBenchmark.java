package dev.unmask.bench;

import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Finding;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.faces.Face;
import dev.unmask.faces.FaceAligner;
import dev.unmask.faces.mesonet.MesoNet;
import dev.unmask.video.analyzer.VideoAnalyzer;
import dev.unmask.video.decode.FrameStream;
import dev.unmask.video.decode.SampledFrame;
import dev.unmask.video.decode.Sampling;
import dev.unmask.video.faces.FaceBox;
import dev.unmask.video.faces.FaceModelProvider;
import dev.unmask.video.faces.FrameFaceSource;
import dev.unmask.video.ffmpeg.ContainerInfo;
import dev.unmask.video.ffmpeg.ContainerProbe;
import dev.unmask.video.ffmpeg.FfmpegRuntime;
import dev.unmask.video.ffmpeg.FrameLimits;
import dev.unmask.video.ffmpeg.StreamInfo;
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
import java.util.ServiceLoader;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Frames per second of the video module on a 1280x720 clip, in one run ({@code bench/video-bench} makes the clip: a
 * real talking-face video scaled up, so the face models have a face in every frame): FFmpeg decoding alone (with the
 * FFmpeg command-line tool as the peer when it is installed), decoding plus upright RGB frames, face detection alone
 * (BlazeFace on every decoded frame, timing only the detector), MesoNet alone (Meso-4 and MesoInception-4 on aligned
 * crops of the faces found), and the whole {@code video} analyzer end to end: every frame decoded, its faces detected,
 * tracked and scored by MesoNet, plus the default {@code fps:2} sampling. Every measure runs once per round, in turn,
 * and the median of the rounds is shown, so load on a shared machine spreads over all of them. The MesoNet inputs are
 * written to {@code outDir} for the PyTorch peer ({@code bench/mesonet-vs-pytorch.sh}).
 */
public final class VideoBenchmark {
    /** At most this many face crops for MesoNet alone and the PyTorch peer (spread evenly over the clip). */
    private static final int MAX_CROPS = 48;
    /** The MesoNet weights the video analyzer's default face scorer averages. */
    private static final List<MesoNet.Weights> VIDEO_WEIGHTS = List.of(MesoNet.Weights.MESO4_DF, MesoNet.Weights.MESO_INCEPTION_DF);

    private VideoBenchmark() {}

    /** Entry point: {@code clip outDir rounds [description of the clip]}. */
    public static void main(String[] args) throws Exception {
        Path clip = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        String origin = args.length > 3 ? args[3] : clip.toString();
        Files.createDirectories(out);
        FfmpegRuntime.ensureLoaded();
        byte[] bytes = Files.readAllBytes(clip);
        ContainerInfo info = ContainerProbe.probe(bytes, FrameLimits.from(MediaLimits.DEFAULT));
        StreamInfo v = info.video().orElseThrow();
        System.out.printf(Locale.ROOT, "Unmask video benchmark: Java %s, %d cores, one thread per measure, median of %d"
                + " interleaved rounds after a warm-up round%n", Runtime.version(), Runtime.getRuntime().availableProcessors(), rounds);
        System.out.printf(Locale.ROOT, "clip: %dx%d %s %.2f fps, %d frames, %.1f s: %s%n", v.width(), v.height(), v.codec(),
                v.fps(), v.frames(), info.videoDurationSeconds(), origin);

        FrameFaceSource faces = faceSource().orElseThrow(() -> new IllegalStateException("no face model is installed"));
        List<MesoNet> mesonets = VIDEO_WEIGHTS.stream().map(MesoNet::load).toList();
        Collector collector = new Collector(v.frames(), mesonets.get(0).preferredMargin());
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("decode only (JavaCV, FFmpeg 8.0.1, 1 decoder thread)", "frames", () -> decodeOnly(bytes, "1")));
        rows.add(new Row("decode only (FFmpeg's own thread count)", "frames", () -> decodeOnly(bytes, "0")));
        Optional<String> ffmpegCli = ffmpegCli();
        ffmpegCli.ifPresent(cli -> rows.add(new Row("peer: " + cli + ", 1 thread, decode to null", "frames",
                () -> ffmpegCliDecode(clip, v))));
        rows.add(new Row("decode + upright RGB frames", "frames", () -> decodeToRgb(bytes, v, null, null)));
        rows.add(new Row("face detection alone (" + faces.name() + ", every frame)", "frames",
                () -> decodeToRgb(bytes, v, faces, collector)));
        rows.add(new Row("MesoNet alone (Meso-4 + MesoInception-4 per face)", "faces", () -> mesoNet(mesonets, collector.crops)));
        rows.add(new Row("end to end: video analyzer, every frame (decode, detect, track, MesoNet)", "frames",
                () -> analyzer(clip, bytes, "every:1")));
        rows.add(new Row("video analyzer, default fps:2 (decoded frames/s)", "frames", () -> analyzer(clip, bytes, "fps:2")));

        double[] medians = interleavedMedians(rounds, rows);
        System.out.printf(Locale.ROOT, "%nfaces: %d of %d frames have at least one face (BlazeFace 256, the video"
                + " analyzer's default); MesoNet timed on %d aligned crops spread over the clip%n", collector.withFaces, v.frames(),
                collector.crops.size());
        System.out.println("| measure | per second | ms each | vs decode only | vs peer |");
        System.out.println("|---|---|---|---|---|");
        int peer = ffmpegCli.isPresent() ? 2 : -1;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String vsPeer = i == 0 && peer > 0 ? String.format(Locale.ROOT, "%.2f (JavaCV / CLI)", medians[0] / medians[peer]) : "";
            System.out.printf(Locale.ROOT, "| %s | %.1f %s/s | %.1f | %s | %s |%n", r.name(), medians[i], r.unit(), 1000 / medians[i],
                    r.unit().equals("frames") ? String.format(Locale.ROOT, "%.2fx", medians[i] / medians[0]) : "", vsPeer);
        }
        faces.close();
        double known = 0;
        StringBuilder parts = new StringBuilder();
        for (var e : lastTimings.entrySet()) {
            double ms = ((Number) e.getValue()).doubleValue();
            known += ms;
            parts.append(String.format(Locale.ROOT, "%s %.1f, ", e.getKey().replace('_', ' '), ms / lastFrames));
        }
        System.out.printf(Locale.ROOT, "end to end, where the time goes (the analyzer's own timings, last round, ms per"
                + " frame): %stracking, thumbnails and report pictures %.1f; total %.1f%n", parts,
                (lastWallMs - known) / lastFrames, lastWallMs / lastFrames);

        List<float[]> inputs = collector.crops.stream().map(MesoNet::toInput).toList();
        FacesBenchmark.writeInputs(inputs, out.resolve("mesonet-inputs.f32"));
        FacesBenchmark.timeMesoNet(inputs, rounds, out, "aligned face crops of the clip", VIDEO_WEIGHTS);
    }

    /** One measure: a name, what it counts, and how to take one measurement (items per second). */
    private record Row(String name, String unit, Measure measure) {}

    private interface Measure {
        double perSecond() throws Exception;
    }

    /** Runs every measure once per round, in turn (round 0 warms up), and returns each one's median. */
    private static double[] interleavedMedians(int rounds, List<Row> rows) throws Exception {
        double[][] r = new double[rows.size()][rounds];
        for (int k = -1; k < rounds; k++) {
            for (int i = 0; i < rows.size(); i++) {
                double x = rows.get(i).measure().perSecond();
                if (k >= 0) {
                    r[i][k] = x;
                }
            }
        }
        double[] out = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Arrays.sort(r[i]);
            out[i] = r[i][rounds / 2];
        }
        return out;
    }

    private static double decodeOnly(byte[] bytes, String threads) throws Exception {
        long t0 = System.nanoTime();
        int n = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(new ByteArrayInputStream(bytes))) {
            g.setVideoOption("threads", threads);
            g.setAudioStream(Integer.MAX_VALUE);
            g.start(false);
            Frame f;
            while ((f = g.grabFrame(false, true, false, false, false)) != null && f.image != null) {
                n++;
            }
            g.stop();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /** The FFmpeg command-line tool on the PATH, with its version, if installed. */
    private static Optional<String> ffmpegCli() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("");
            p.waitFor();
            String[] w = first.split(" ");
            return p.exitValue() == 0 && w.length > 2 ? Optional.of("ffmpeg " + w[2] + " (command line)") : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** FFmpeg's own tool decoding the video stream to nothing, one thread: its process start is counted too. */
    private static double ffmpegCliDecode(Path clip, StreamInfo v) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-threads", "1", "-i", clip.toString(), "-map",
                "0:v:0", "-f", "null", "-").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed on " + clip);
        }
        return v.frames() / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * Decodes every frame to an upright RGB image; with a face source, runs it on every frame and returns frames per
     * second of the detector alone (decoding not counted), else frames per second of decoding and conversion.
     */
    private static double decodeToRgb(byte[] bytes, StreamInfo v, FrameFaceSource faces, Collector collector) throws Exception {
        long t0 = System.nanoTime();
        long detectNanos = 0;
        int n = 0;
        try (FrameStream s = new FrameStream(bytes, v, new FrameStream.Options(Sampling.parse("every:1"), 100_000, 3600,
                1280, 1, MediaLimits.DEFAULT.maxPixels()))) {
            SampledFrame f;
            while ((f = s.next()) != null) {
                n++;
                if (faces != null) {
                    long d0 = System.nanoTime();
                    List<FaceBox> found = faces.find(f.image());
                    detectNanos += System.nanoTime() - d0;
                    collector.offer(f, found);
                }
            }
        }
        if (collector != null) {
            collector.open = false; // the first (warm-up) pass collects
        }
        return n / ((faces == null ? System.nanoTime() - t0 : detectNanos) / 1e9);
    }

    /** Counts the frames with faces and keeps the aligned crop of the largest face of evenly spaced frames. */
    private static final class Collector {
        final List<BufferedImage> crops = new ArrayList<>();
        final long step;
        final double margin;
        int withFaces;
        boolean open = true;

        Collector(long frames, double margin) {
            this.step = Math.max(1, frames / MAX_CROPS);
            this.margin = margin;
        }

        void offer(SampledFrame f, List<FaceBox> found) {
            if (!open || found.isEmpty()) {
                return;
            }
            withFaces++;
            if (f.frame() % step == 0 && crops.size() < MAX_CROPS) {
                FaceBox b = found.stream().max((x, y) -> Double.compare(x.area(), y.area())).orElseThrow();
                crops.add(FaceAligner.crop(f.image(), toFace(b), 256, margin));
            }
        }
    }

    /** The video module's face box as the faces module's face (box, score, BlazeFace's six keypoints). */
    private static Face toFace(FaceBox b) {
        List<Face.Point> pts = new ArrayList<>();
        double[] lm = b.landmarks();
        for (int i = 0; i + 1 < lm.length; i += 2) {
            pts.add(new Face.Point(lm[i], lm[i + 1]));
        }
        return new Face(new dev.unmask.faces.FaceBox(b.x(), b.y(), b.width(), b.height()), b.confidence(), pts);
    }

    /** Faces per second through both networks, as the analyzer's default face scorer runs them. */
    private static double mesoNet(List<MesoNet> nets, List<BufferedImage> crops) {
        if (crops.isEmpty()) {
            throw new IllegalStateException("BlazeFace found no face in the clip: nothing for MesoNet to score");
        }
        long t0 = System.nanoTime();
        double sink = 0;
        for (BufferedImage c : crops) {
            for (MesoNet m : nets) {
                sink += m.probabilityFake(c);
            }
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("MesoNet returned NaN");
        }
        return crops.size() / ((System.nanoTime() - t0) / 1e9);
    }

    /** The analyzer's own timings (ms) and wall time of its latest every-frame run, for the breakdown. */
    private static Map<String, Object> lastTimings = Map.of();
    private static double lastWallMs;
    private static double lastFrames;

    private static double analyzer(Path clip, byte[] bytes, String sampling) throws Exception {
        LoadedMedia media = LoadedMedia.of(clip, bytes, new FormatDetection(), MediaLimits.DEFAULT);
        try (VideoAnalyzer a = new VideoAnalyzer()) {
            a.init(new AnalyzerOptions("video", Map.of("sampling", sampling, "max-frames", "100000")));
            long t0 = System.nanoTime();
            AnalyzerResult r = a.analyze(media);
            double sec = (System.nanoTime() - t0) / 1e9;
            Finding frames = r.findings().stream().filter(f -> f.code().startsWith("video.frames")).findFirst().orElseThrow();
            double decoded = ((Number) frames.values().get("decoded_frames")).doubleValue();
            if (sampling.equals("every:1")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) frames.values().get("timing_ms");
                lastTimings = t;
                lastWallMs = sec * 1000;
                lastFrames = decoded;
            }
            return decoded / sec;
        }
    }

    private static Optional<FrameFaceSource> faceSource() throws Exception {
        for (FaceModelProvider p : ServiceLoader.load(FaceModelProvider.class)) {
            Optional<FrameFaceSource> s = p.openFaceSource();
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }
}
